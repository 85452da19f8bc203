import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConversationDetail as Detail } from '../../../shared/domain/conversations.js';
import type { Voicemail } from '../../../shared/domain/voicemails.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { AssigneeSelect } from './assignee-select.js';
import { conversationTimeline } from './conversation-timeline.js';
import { ConversationTimelineView } from './conversation-timeline-view.js';
import { formatDuration } from './duration-format.js';
import { NoteEditor } from './note-editor.js';
import { TagEditor } from './tag-editor.js';
import { useApiEvent } from './use-api-event.js';
import type { InboxDirectory } from './use-inbox-directory.js';
import { useInboxFormat } from './use-inbox-format.js';

/**
 * One call: what it was, its timeline, and what people add to it — tags, a note, who follows it
 * up. Edits by anyone show at once (the `*.changed` events carry the new state).
 */
export function ConversationDetail({
  id,
  directory,
  onError,
}: {
  id: string;
  directory: InboxDirectory;
  onError(error: unknown): void;
}) {
  const t = useT();
  const api = useAppStore((s) => s.api);
  const format = useInboxFormat();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setDetail(null);
    api
      .call('conversations.get', { id })
      .then((loaded) => {
        if (live) setDetail(loaded);
      })
      .catch(onError);
    return () => {
      live = false;
    };
  }, [api, id, onError]);

  useApiEvent('conversations.changed', (summary) =>
    setDetail((d) => (d && d.id === summary.id ? { ...d, ...summary } : d)),
  );
  useApiEvent('voicemails.changed', (voicemail) =>
    setDetail((d) =>
      d && d.voicemails.some((v) => v.id === voicemail.id)
        ? { ...d, voicemails: d.voicemails.map((v) => (v.id === voicemail.id ? voicemail : v)) }
        : d,
    ),
  );
  useApiEvent('callbacks.changed', (callback) =>
    setDetail((d) =>
      d && d.callbacks.some((c) => c.id === callback.id)
        ? { ...d, callbacks: d.callbacks.map((c) => (c.id === callback.id ? callback : c)) }
        : d,
    ),
  );

  const act = useCallback(
    /** Runs one edit; false (and the error shown) when the engine refused it. */
    async (work: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      try {
        await work();
        return true;
      } catch (error) {
        onError(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );
  const markHeard = useCallback(
    (voicemail: Voicemail, heard: boolean) =>
      void act(() => api.call('voicemails.markHeard', { id: voicemail.id, heard })),
    [act, api],
  );
  const entries = useMemo(() => (detail ? conversationTimeline(detail) : []), [detail]);

  if (!detail) {
    return (
      <section className="inbox-detail" aria-busy="true" aria-label={t('inbox.detail')}>
        <p className="muted">{t('inbox.loading')}</p>
      </section>
    );
  }
  return (
    <section className="inbox-detail" aria-labelledby="conversation-title">
      <header className="detail-head">
        <h2 id="conversation-title" className="mono">
          {detail.caller}
        </h2>
        <span className={`outcome outcome-${detail.outcome}`}>{t(`inbox.outcome.${detail.outcome}`)}</span>
        <AssigneeSelect
          agents={directory.agents}
          value={detail.assigneeId}
          disabled={busy}
          onChange={(assigneeId) => void act(() => api.call('conversations.assign', { id, assigneeId }))}
        />
      </header>
      <dl className="detail-facts">
        <dt>{t('inbox.fact.when')}</dt>
        <dd>{format.when(detail.startedAt)}</dd>
        <dt>{t('inbox.fact.direction')}</dt>
        <dd>{t(`inbox.direction.${detail.direction}`)}</dd>
        <dt>{t('inbox.fact.dialled')}</dt>
        <dd className="mono">{detail.dialled}</dd>
        {detail.workflowName && (
          <>
            <dt>{t('inbox.fact.workflow')}</dt>
            <dd>
              {detail.workflowName}
              {detail.versionNumber !== null && ` (v${detail.versionNumber})`}
            </dd>
          </>
        )}
        <dt>{t('inbox.fact.team')}</dt>
        <dd>{detail.teamName ?? '—'}</dd>
        <dt>{t('inbox.fact.agent')}</dt>
        <dd>{detail.agentName ?? '—'}</dd>
        <dt>{t('inbox.fact.wait')}</dt>
        <dd>{detail.waitMs === null ? '—' : formatDuration(detail.waitMs / 1000)}</dd>
        <dt>{t('inbox.fact.talk')}</dt>
        <dd>{detail.talkMs === null ? '—' : formatDuration(detail.talkMs / 1000)}</dd>
      </dl>
      <h3>{t('inbox.timeline')}</h3>
      <ConversationTimelineView entries={entries} agents={directory.agents} onVoicemailHeard={markHeard} />
      <h3>{t('inbox.tags')}</h3>
      <TagEditor
        tags={detail.tags}
        catalogue={directory.tags}
        busy={busy}
        onAdd={(name) => act(() => api.call('conversations.tag', { id, add: [name] }))}
        onRemove={(name) => void act(() => api.call('conversations.tag', { id, remove: [name] }))}
      />
      <NoteEditor
        key={id}
        notes={detail.notes}
        onSave={(notes) => act(() => api.call('conversations.note', { id, notes }))}
      />
    </section>
  );
}
