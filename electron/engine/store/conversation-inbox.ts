import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import type { Callback } from '../../../shared/domain/callbacks.js';
import type {
  CallTransfer,
  ConversationDetail,
  ConversationListParams,
  ConversationPage,
  ConversationSummary,
  FormInput,
  PathStep,
} from '../../../shared/domain/conversations.js';
import type { CallEventLog, StoredCallEvent } from './call-event-log.js';
import type { ConversationTags } from './conversation-tags.js';
import type { AppDatabase } from './database.js';
import { agents, callbacks, callTransfers, conversations, workflows, workflowVersions } from './schema.js';
import type { VoicemailBox } from './voicemail-box.js';
import {
  conversationPageQuery,
  MIN_SEARCH_CHARS,
  type ConversationRow,
  type PagePlan,
} from './conversation-list-query.js';

export interface ConversationInboxDeps {
  db: AppDatabase;
  tags: ConversationTags;
  voicemail: VoicemailBox;
  events: CallEventLog;
}

/** Rows a text search walks in time order before it turns to the trigram index. */
const TEXT_PROBE_ROWS = 5000;

/** Only what the path needs of a stored definition; anything else in it is ignored. */
const definitionStepsSchema = z.object({
  steps: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});

/**
 * The inbox over the conversations table: the filtered list (newest first, keyset pages), one
 * conversation with its path, inputs, tags, voicemail and callbacks, and the edits people make
 * (notes, assignee). Rows are written by the call lifecycle (conversation-log.ts), not here.
 */
export class ConversationInbox {
  private readonly db: AppDatabase;

  constructor(private readonly deps: ConversationInboxDeps) {
    this.db = deps.db;
  }

  list(params: ConversationListParams): ConversationPage {
    const rows = this.pageRows(params, params.limit + 1);
    const page = rows.slice(0, params.limit);
    const last = page.at(-1);
    return {
      items: this.withTags(page),
      next: rows.length > params.limit && last ? { startedAt: last.startedAt, id: last.id } : null,
    };
  }

  /**
   * Picks the plan (see PagePlan) that reads the fewest rows. Text: a walk in time order over the
   * newest {@link TEXT_PROBE_ROWS} candidates first, which fills the page when the fragment is
   * common; else the trigram index. A tag: walked in time order unless so rare that reading all
   * its calls is cheaper than the rows a walk would pass to fill the page (count² < page × calls).
   */
  private pageRows(params: ConversationListParams, limit: number): ConversationRow[] {
    const run = (plan: PagePlan): ConversationRow[] =>
      this.db.all<ConversationRow>(conversationPageQuery(params, limit, plan));
    if (params.text !== undefined) {
      const probe = run({ driver: 'time', scanCap: TEXT_PROBE_ROWS });
      if (probe.length >= limit) return probe;
      return run({ driver: params.text.length >= MIN_SEARCH_CHARS ? 'search' : 'time' });
    }
    if (params.tag !== undefined) {
      const tagged = this.db.get<{ n: number }>(
        sql`select count(*) as n from call_tags where tag = ${params.tag}`,
      );
      const calls = this.db.get<{ n: number | null }>(sql`select max(rowid) as n from conversations`);
      const n = tagged?.n ?? 0;
      if (n * n < limit * (calls?.n ?? 0)) return run({ driver: 'tag' });
    }
    return run({ driver: 'time' });
  }

  summary(id: string): ConversationSummary | undefined {
    return this.withTags(this.db.all<ConversationRow>(conversationPageQuery({ id }, 1)))[0];
  }

  detail(id: string): ConversationDetail | undefined {
    const summary = this.summary(id);
    if (!summary) return undefined;
    const version =
      summary.versionId === null
        ? undefined
        : this.db
            .select({
              number: workflowVersions.number,
              definition: workflowVersions.definition,
              workflowName: workflows.name,
            })
            .from(workflowVersions)
            .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
            .where(eq(workflowVersions.id, summary.versionId))
            .get();
    const workflowName =
      version?.workflowName ??
      (summary.workflowId === null
        ? undefined
        : this.db
            .select({ name: workflows.name })
            .from(workflows)
            .where(eq(workflows.id, summary.workflowId))
            .get()?.name);
    const steps = new Map(stepsOf(version?.definition).map((s) => [s.id, s]));
    const events = this.deps.events.eventsOfCall(id);
    return {
      ...summary,
      workflowName: workflowName ?? null,
      versionNumber: version?.number ?? null,
      endReason: events.findLast((e) => e.kind === 'call_ended')?.outcome ?? null,
      path: pathOf(events, steps),
      inputs: inputsOf(events, steps),
      voicemails: this.deps.voicemail.ofCall(id),
      callbacks: this.callbacksOf(id),
      transfers: this.transfersOf(id),
    };
  }

  /** Undefined when there is no such conversation. */
  setNotes(id: string, notes: string): ConversationSummary | undefined {
    this.db.update(conversations).set({ notes }).where(eq(conversations.id, id)).run();
    return this.summary(id);
  }

  assign(id: string, assigneeId: string | null): ConversationSummary | undefined {
    this.db.update(conversations).set({ assigneeId }).where(eq(conversations.id, id)).run();
    return this.summary(id);
  }

  exists(id: string): boolean {
    return (
      this.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, id)).get() !==
      undefined
    );
  }

  private withTags(rows: ConversationRow[]): ConversationSummary[] {
    const tags = this.deps.tags.ofCalls(rows.map((r) => r.id));
    return rows.map((row) => ({ ...row, tags: tags.get(row.id) ?? [] }));
  }

  private transfersOf(callId: string): CallTransfer[] {
    const from = alias(agents, 'from_agent');
    const to = alias(agents, 'to_agent');
    return this.db
      .select({
        at: callTransfers.at,
        fromAgentId: callTransfers.fromAgentId,
        fromAgentName: from.name,
        toAgentId: callTransfers.toAgentId,
        toAgentName: to.name,
        target: callTransfers.target,
        attended: callTransfers.attended,
      })
      .from(callTransfers)
      .leftJoin(from, eq(from.id, callTransfers.fromAgentId))
      .leftJoin(to, eq(to.id, callTransfers.toAgentId))
      .where(eq(callTransfers.callId, callId))
      .orderBy(asc(callTransfers.id))
      .all();
  }

  /** A scan of callbacks (no call index there); they are few beside calls. */
  private callbacksOf(callId: string): Callback[] {
    return this.db
      .select()
      .from(callbacks)
      .where(eq(callbacks.callId, callId))
      .orderBy(asc(callbacks.requestedAt))
      .all();
  }
}

interface StepInfo {
  id: string;
  name: string;
  kind: string;
}

function stepsOf(definition: string | undefined): StepInfo[] {
  if (definition === undefined) return [];
  try {
    const parsed = definitionStepsSchema.safeParse(JSON.parse(definition));
    return parsed.success ? parsed.data.steps : [];
  } catch {
    return [];
  }
}

/**
 * Steps in the order the call entered them; a step entered twice (a menu replayed) appears
 * twice. An exit or an error belongs to the latest entry of its step still open.
 */
function pathOf(events: readonly StoredCallEvent[], steps: ReadonlyMap<string, StepInfo>): PathStep[] {
  const path: PathStep[] = [];
  const openOf = (stepId: string): PathStep | undefined =>
    path.findLast((s) => s.stepId === stepId && s.leftAt === null);
  for (const event of events) {
    if (event.stepId === null) continue;
    if (event.kind === 'entered') {
      const step = steps.get(event.stepId);
      path.push({
        stepId: event.stepId,
        stepName: step?.name || null,
        stepKind: step?.kind ?? null,
        enteredAt: event.at,
        leftAt: null,
        outcome: null,
        detail: null,
        error: null,
      });
    } else if (event.kind === 'left') {
      const open = openOf(event.stepId);
      if (!open) continue;
      open.leftAt = event.at;
      open.outcome = event.outcome ?? null;
      open.detail = event.detail ?? null;
    } else if (event.kind === 'error') {
      const open = openOf(event.stepId);
      const message = event.detail?.message;
      if (open) open.error = typeof message === 'string' ? message : (event.outcome ?? 'error');
    }
  }
  return path;
}

/** Form entries: an input step's exit carries `{variable, value}`. */
function inputsOf(events: readonly StoredCallEvent[], steps: ReadonlyMap<string, StepInfo>): FormInput[] {
  return events.flatMap((event) => {
    const { variable, value } = event.detail ?? {};
    if (event.kind !== 'left' || event.stepId === null) return [];
    if (typeof variable !== 'string' || typeof value !== 'string') return [];
    return [
      {
        stepId: event.stepId,
        stepName: steps.get(event.stepId)?.name || null,
        variable,
        value,
        at: event.at,
      },
    ];
  });
}
