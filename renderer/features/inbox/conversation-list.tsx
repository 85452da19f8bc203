import type { ConversationSummary } from '../../../shared/domain/conversations.js';
import { useT } from '../../i18n/use-t.js';
import { TagChip } from './tag-chip.js';
import type { ConversationPages } from './use-conversations.js';
import { useInboxFormat } from './use-inbox-format.js';

/** The matching calls, newest first; choosing one opens it beside the list. */
export function ConversationList({
  pages,
  selectedId,
  onSelect,
}: {
  pages: ConversationPages;
  selectedId: string | null;
  onSelect(conversation: ConversationSummary): void;
}) {
  const t = useT();
  const format = useInboxFormat();
  return (
    <section className="inbox-list" aria-labelledby="conversation-list-title" aria-busy={pages.loading}>
      <h2 id="conversation-list-title" className="visually-hidden">
        {t('inbox.conversations')}
      </h2>
      <p className="inbox-count muted" role="status">
        {pages.loading && pages.items.length === 0
          ? t('inbox.loading')
          : t(pages.next ? 'inbox.shownMore' : 'inbox.shown', { count: pages.items.length })}
      </p>
      <ul className="inbox-rows">
        {pages.items.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="inbox-row"
              aria-current={c.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(c)}
            >
              <span className="inbox-row-top">
                <span className="mono inbox-row-caller">
                  {c.direction === 'outbound' && (
                    <>
                      <span aria-hidden="true">→ </span>
                      <span className="visually-hidden">{t('inbox.direction.outbound')} </span>
                    </>
                  )}
                  {c.caller}
                </span>
                <span className={`outcome outcome-${c.outcome}`}>{t(`inbox.outcome.${c.outcome}`)}</span>
              </span>
              <span className="inbox-row-meta muted">
                {format.when(c.startedAt)}
                {c.teamName && ` · ${c.teamName}`}
                {c.agentName && ` · ${c.agentName}`}
              </span>
              {c.tags.length > 0 && (
                <span className="tag-chips">
                  {c.tags.map((tag) => (
                    <TagChip key={tag.tag} name={tag.tag} color={tag.color} />
                  ))}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {pages.next && (
        <button type="button" className="button inbox-more" disabled={pages.loading} onClick={pages.loadMore}>
          {t('inbox.loadMore')}
        </button>
      )}
    </section>
  );
}
