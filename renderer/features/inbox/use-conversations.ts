import { useCallback, useEffect, useState } from 'react';
import type { ConversationCursor, ConversationSummary } from '../../../shared/domain/conversations.js';
import { useAppStore } from '../../stores/app-store.js';
import { applyConversationChange } from './conversation-list-state.js';
import type { ConversationListQuery } from './conversation-query.js';
import { useApiEvent } from './use-api-event.js';

const PAGE_SIZE = 50;

export interface ConversationPages {
  items: readonly ConversationSummary[];
  /** Where the next page starts; null when everything matching is loaded. */
  next: ConversationCursor | null;
  loading: boolean;
  loadMore(): void;
}

/**
 * The filtered list in keyset pages (newest first): the first page again whenever the filter
 * (or the connection) changes, more on demand, and edits from anyone folded in as they come.
 */
export function useConversations(
  query: ConversationListQuery,
  onError: (error: unknown) => void,
): ConversationPages {
  const api = useAppStore((s) => s.api);
  const connected = useAppStore((s) => s.connection === 'connected');
  const [items, setItems] = useState<readonly ConversationSummary[]>([]);
  const [next, setNext] = useState<ConversationCursor | null>(null);
  const [loading, setLoading] = useState(true);
  // The filter by value: a new object with the same fields asks nothing again.
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    setLoading(true);
    api
      .call('conversations.list', { ...query, limit: PAGE_SIZE })
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setNext(page.next);
      })
      .catch(onError)
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [api, connected, queryKey, onError]);

  const loadMore = useCallback(() => {
    if (!next) return;
    setLoading(true);
    api
      .call('conversations.list', { ...query, after: next, limit: PAGE_SIZE })
      .then((page) => {
        // A row edited in between may already be here: keep the page's copy once.
        setItems((loaded) => [
          ...loaded.filter((c) => !page.items.some((p) => p.id === c.id)),
          ...page.items,
        ]);
        setNext(page.next);
      })
      .catch(onError)
      .finally(() => setLoading(false));
  }, [api, query, next, onError]);

  useApiEvent('conversations.changed', (changed) =>
    setItems((loaded) => applyConversationChange(loaded, changed, query, next === null)),
  );
  return { items, next, loading, loadMore };
}
