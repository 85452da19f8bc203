import { useEffect, useState } from 'react';
import type { Voicemail } from '../../../shared/domain/voicemails.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { AssigneeSelect } from './assignee-select.js';
import { formatDuration } from './duration-format.js';
import { useApiEvent } from './use-api-event.js';
import type { InboxDirectory } from './use-inbox-directory.js';
import { useInboxFormat } from './use-inbox-format.js';
import { applyVoicemailChange } from './voicemail-order.js';
import { VoicemailPlayer } from './voicemail-player.js';

/** How many messages the tab lists; unheard ones come first, so the cut drops old heard ones. */
const LIST_LIMIT = 200;

/** Every message, unheard first, each playable in place, assignable and downloadable. */
export function VoicemailView({
  directory,
  onOpenCall,
  onError,
}: {
  directory: InboxDirectory;
  onOpenCall(callId: string): void;
  onError(error: unknown): void;
}) {
  const t = useT();
  const api = useAppStore((s) => s.api);
  const connected = useAppStore((s) => s.connection === 'connected');
  const format = useInboxFormat();
  const [messages, setMessages] = useState<readonly Voicemail[] | null>(null);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    api
      .call('voicemails.list', { limit: LIST_LIMIT })
      .then((list) => {
        if (live) setMessages(list);
      })
      .catch(onError);
    return () => {
      live = false;
    };
  }, [api, connected, onError]);
  useApiEvent('voicemails.changed', (changed) =>
    setMessages((list) => list && applyVoicemailChange(list, changed)),
  );

  const run = (work: Promise<unknown>) => void work.catch(onError);

  if (messages === null) return <p className="muted">{t('inbox.loading')}</p>;
  if (messages.length === 0) return <p className="muted">{t('inbox.vm.none')}</p>;
  return (
    <ul className="voicemail-list" aria-label={t('inbox.tab.voicemail')}>
      {messages.map((v) => (
        <li key={v.id} className={v.heard ? 'voicemail' : 'voicemail is-unheard'}>
          <div className="voicemail-head">
            <span className="mono voicemail-caller">{v.caller}</span>
            {!v.heard && <span className="badge">{t('inbox.vm.new')}</span>}
            <span className="muted">
              {format.when(v.createdAt)} · {formatDuration(v.durationMs / 1000)}
              {v.teamName && ` · ${v.teamName}`}
            </span>
          </div>
          <VoicemailPlayer
            voicemail={v}
            label={t('inbox.vm.player', { caller: v.caller })}
            onHeard={(heard) => run(api.call('voicemails.markHeard', { id: v.id, heard }))}
          />
          <div className="inline-form">
            <AssigneeSelect
              agents={directory.agents}
              value={v.assigneeId}
              onChange={(assigneeId) => run(api.call('voicemails.assign', { id: v.id, assigneeId }))}
            />
            <button type="button" className="link-button" onClick={() => onOpenCall(v.callId)}>
              {t('inbox.openCall')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
