import { sql, type SQL } from 'drizzle-orm';
import type { ConversationListParams, ConversationSummary } from '../../../shared/domain/conversations.js';

/** A conversation with its people's names, before its tags are added. */
export type ConversationRow = Omit<ConversationSummary, 'tags'>;

export type ConversationFilter = Partial<Omit<ConversationListParams, 'limit'>> & { id?: string };

/**
 * Which rows a page walks first:
 * - 'time': an index in started_at order (conversations_started, or conversations_team / _agent
 *   / _outcome when that filter is set), every other filter checked row by row, stopping at the
 *   page's end. `scanCap` stops it after that many rows whatever the text filter found (a probe).
 * - 'tag': the calls carrying the tag (call_tags_tag), then sorted: for tags too rare for a walk
 *   in time order to fill a page soon.
 * - 'search': the trigram index's matches of the text (conversations_search), then sorted: for
 *   fragments too rare for a walk to find soon.
 */
export type PagePlan = { driver: 'time'; scanCap?: number } | { driver: 'tag' | 'search' };

/**
 * One page of conversations, newest first (started_at, then id, descending: the keyset), with
 * team, agent and assignee names joined after the page is cut. Several outcomes become one walk
 * per outcome, each cut to the page and merged, since an IN list would make SQLite sort every
 * match. Figures on 1 M rows: bench/inbox-queries.ts.
 */
export function conversationPageQuery(
  filter: ConversationFilter,
  limit: number,
  plan: PagePlan = { driver: 'time' },
): SQL {
  const outcomes = filter.outcomes ?? [];
  const page =
    outcomes.length <= 1
      ? walk(filter, outcomes[0], limit, plan)
      : sql.join(
          outcomes.map((outcome) => sql`select * from (${walk(filter, outcome, limit, plan)})`),
          sql` union all `,
        );
  return sql`
    select c.id, c.direction, c.line_id as lineId, c.caller, c.dialled,
      c.workflow_id as workflowId, c.version_id as versionId,
      c.team_id as teamId, t.name as teamName, c.agent_id as agentId, a.name as agentName,
      c.assignee_id as assigneeId, s.name as assigneeName, c.outcome,
      c.started_at as startedAt, c.queued_at as queuedAt, c.answered_at as answeredAt,
      c.ended_at as endedAt, c.wait_ms as waitMs, c.talk_ms as talkMs, c.notes
    from (${page}) c
    left join teams t on t.id = c.team_id
    left join agents a on a.id = c.agent_id
    left join agents s on s.id = c.assignee_id
    order by c.started_at desc, c.id desc
    limit ${limit}`;
}

/** The shortest text the trigram index can look up. */
export const MIN_SEARCH_CHARS = 3;

/** The conversations matching the filter (and one outcome, if given), newest first, cut to `limit`. */
function walk(filter: ConversationFilter, outcome: string | undefined, limit: number, plan: PagePlan): SQL {
  const where: SQL[] = [];
  if (filter.id !== undefined) where.push(sql`c.id = ${filter.id}`);
  if (filter.from !== undefined) where.push(sql`c.started_at >= ${filter.from}`);
  if (filter.to !== undefined) where.push(sql`c.started_at < ${filter.to}`);
  if (filter.teamId !== undefined) where.push(sql`c.team_id = ${filter.teamId}`);
  if (filter.agentId !== undefined) where.push(sql`c.agent_id = ${filter.agentId}`);
  if (filter.assigneeId !== undefined) where.push(sql`c.assignee_id = ${filter.assigneeId}`);
  if (filter.direction !== undefined) where.push(sql`c.direction = ${filter.direction}`);
  if (outcome !== undefined) where.push(sql`c.outcome = ${outcome}`);
  // Not correlated: SQLite builds the few unheard messages' call ids once, not per row.
  if (filter.unheardVoicemail) where.push(sql`c.id in (select call_id from voicemails where heard = 0)`);
  if (filter.after !== undefined) {
    const { startedAt, id } = filter.after;
    where.push(sql`c.started_at <= ${startedAt} and (c.started_at < ${startedAt} or c.id < ${id})`);
  }
  let from = sql`conversations c`;
  if (filter.tag !== undefined) {
    if (plan.driver === 'tag') {
      // CROSS JOIN: SQLite keeps the left table as the outer loop.
      from = sql`call_tags g cross join conversations c on c.id = g.call_id`;
      where.push(sql`g.tag = ${filter.tag}`);
    } else {
      where.push(sql`exists (select 1 from call_tags g where g.call_id = c.id and g.tag = ${filter.tag})`);
    }
  }
  const text: SQL[] = [];
  if (filter.text !== undefined) {
    if (plan.driver === 'search') {
      from = sql`conversations_search f cross join conversations c on c.rowid = f.rowid`;
      where.push(sql`conversations_search match ${`"${filter.text.replaceAll('"', '""')}"`}`);
    } else {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      text.push(sql`(c.caller like ${pattern} escape '\\' or c.notes like ${pattern} escape '\\')`);
    }
  }
  const order = sql`order by c.started_at desc, c.id desc`;
  if (plan.driver === 'time' && plan.scanCap !== undefined) {
    return sql`select c.* from (select c.* from ${from} ${whereOf(where)} ${order} limit ${plan.scanCap}) c
      ${whereOf(text)} ${order} limit ${limit}`;
  }
  return sql`select c.* from ${from} ${whereOf([...where, ...text])} ${order} limit ${limit}`;
}

function whereOf(conditions: SQL[]): SQL {
  return conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}
