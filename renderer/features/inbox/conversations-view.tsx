import { useEffect, useState } from 'react';
import { ConversationDetail } from './conversation-detail.js';
import { ConversationFiltersForm } from './conversation-filters.js';
import { ConversationList } from './conversation-list.js';
import { conversationQuery, type ConversationFilters } from './conversation-query.js';
import { useConversations } from './use-conversations.js';
import type { InboxDirectory } from './use-inbox-directory.js';
import { useInboxFormat } from './use-inbox-format.js';
import { useT } from '../../i18n/use-t.js';

/** Typing pauses this long before the list is asked again. */
const TEXT_DELAY_MS = 300;

/** Filters above, the list and the chosen call side by side below, each scrolling on its own. */
export function ConversationsView({
  directory,
  filters,
  selectedId,
  onFilters,
  onSelect,
  onError,
}: {
  directory: InboxDirectory;
  /** Held by the page, so that they outlive a visit to another tab. */
  filters: ConversationFilters;
  selectedId: string | null;
  onFilters(filters: ConversationFilters): void;
  onSelect(id: string): void;
  onError(error: unknown): void;
}) {
  const t = useT();
  const { timeZone } = useInboxFormat();
  const [text, setText] = useState(filters.text);

  useEffect(() => {
    const timer = setTimeout(() => setText(filters.text), TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filters.text]);
  // The other fields apply at once; the text once typing pauses.
  const query = conversationQuery({ ...filters, text }, timeZone);
  const pages = useConversations(query, onError);

  return (
    <div className="conversations-view">
      <ConversationFiltersForm filters={filters} directory={directory} onChange={onFilters} />
      <div className="inbox-split">
        <ConversationList pages={pages} selectedId={selectedId} onSelect={(c) => onSelect(c.id)} />
        {selectedId ? (
          <ConversationDetail key={selectedId} id={selectedId} directory={directory} onError={onError} />
        ) : (
          <section className="inbox-detail inbox-detail-empty" aria-label={t('inbox.detail')}>
            <p className="muted">{t('inbox.pickOne')}</p>
          </section>
        )}
      </div>
    </div>
  );
}
