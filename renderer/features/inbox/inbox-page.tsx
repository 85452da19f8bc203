import { useCallback, useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { CallbacksView } from './callbacks-view.js';
import { NO_FILTERS, type ConversationFilters } from './conversation-query.js';
import { ConversationsView } from './conversations-view.js';
import { QueueBoard } from './queue-board.js';
import { TabList } from './tab-list.js';
import { useInboxDirectory } from './use-inbox-directory.js';
import { useQueueBoard } from './use-queue-board.js';
import { VoicemailView } from './voicemail-view.js';

const tabs = ['conversations', 'voicemail', 'callbacks'] as const;
type Tab = (typeof tabs)[number];

/**
 * The inbox: the live queue board on top; below it every call (filtered, with its timeline),
 * the voicemail, and the callbacks to return. Fills the window; lists and details scroll inside.
 */
export function InboxPage() {
  const t = useT();
  const unheard = useAppStore((s) => s.unheardVoicemailIds.size);
  const open = useAppStore((s) => s.openCallbackIds.size);
  const [tab, setTab] = useState<Tab>('conversations');
  const [filters, setFilters] = useState<ConversationFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** From a message or a callback to the call it came from. */
  const openCall = useCallback((callId: string) => {
    setSelectedId(callId);
    setTab('conversations');
  }, []);
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback(
    (e: unknown) => setError(t('error.generic', { message: e instanceof Error ? e.message : String(e) })),
    [t],
  );
  const directory = useInboxDirectory(onError);
  const queues = useQueueBoard(onError);

  /** Unheard messages and open callbacks show as a count on their tab. */
  const waiting: Record<Tab, { count: number; words: string } | null> = {
    conversations: null,
    voicemail: { count: unheard, words: t('inbox.tab.voicemail.unread') },
    callbacks: { count: open, words: t('inbox.tab.callbacks.unread') },
  };
  const tabLabel = (which: Tab) => {
    const badge = waiting[which];
    return (
      <>
        {t(`inbox.tab.${which}`)}
        {badge && badge.count > 0 && (
          <span className="tab-count">
            {badge.count}
            <span className="visually-hidden"> {badge.words}</span>
          </span>
        )}
      </>
    );
  };

  return (
    <div className="inbox">
      <header className="inbox-head">
        <h1>{t('inbox.title')}</h1>
        {error && (
          <p className="form-error" role="alert">
            {error}{' '}
            <button type="button" className="link-button" onClick={() => setError(null)}>
              {t('inbox.dismiss')}
            </button>
          </p>
        )}
      </header>
      <QueueBoard queues={queues} />
      <TabList tabs={tabs} value={tab} idPrefix="inbox" label={t('inbox.sections')} onChange={setTab}>
        {tabLabel}
      </TabList>
      <div role="tabpanel" id="inbox-panel" aria-labelledby={`inbox-tab-${tab}`} className="inbox-panel">
        {tab === 'conversations' && (
          <ConversationsView
            directory={directory}
            filters={filters}
            selectedId={selectedId}
            onFilters={setFilters}
            onSelect={setSelectedId}
            onError={onError}
          />
        )}
        {tab === 'voicemail' && (
          <VoicemailView directory={directory} onOpenCall={openCall} onError={onError} />
        )}
        {tab === 'callbacks' && (
          <CallbacksView directory={directory} onOpenCall={openCall} onError={onError} />
        )}
      </div>
    </div>
  );
}
