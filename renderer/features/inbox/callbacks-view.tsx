import { useEffect, useState } from 'react';
import type { Callback } from '../../../shared/domain/callbacks.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { CallbackRow } from './callback-row.js';
import { applyCallbackChange, callbackTabs, type CallbackTab } from './callback-state.js';
import { TabList } from './tab-list.js';
import { useApiEvent } from './use-api-event.js';
import type { InboxDirectory } from './use-inbox-directory.js';

const LIST_LIMIT = 200;

/** The statuses each tab lists (callbacks.list takes one at a time). */
const tabStatuses: Record<CallbackTab, readonly Callback['status'][]> = {
  open: ['open'],
  in_progress: ['in_progress'],
  done: ['done', 'failed'],
};

/** Callbacks callers asked for: open, being returned, done; start one, record how it went. */
export function CallbacksView({
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
  const [tab, setTab] = useState<CallbackTab>('open');
  const [list, setList] = useState<readonly Callback[] | null>(null);

  useEffect(() => {
    if (!connected) return;
    let live = true;
    setList(null);
    Promise.all(tabStatuses[tab].map((status) => api.call('callbacks.list', { status, limit: LIST_LIMIT })))
      .then((lists) => {
        if (live) setList(lists.flat().reduce<Callback[]>((all, c) => applyCallbackChange(all, c, tab), []));
      })
      .catch(onError);
    return () => {
      live = false;
    };
  }, [api, connected, tab, onError]);
  useApiEvent('callbacks.changed', (changed) => setList((l) => l && applyCallbackChange(l, changed, tab)));

  return (
    <div className="callbacks-view">
      <TabList
        tabs={callbackTabs}
        value={tab}
        idPrefix="callbacks"
        label={t('inbox.tab.callbacks')}
        onChange={setTab}
      >
        {(which) => t(`inbox.cb.tab.${which}`)}
      </TabList>
      <div
        role="tabpanel"
        id="callbacks-panel"
        aria-labelledby={`callbacks-tab-${tab}`}
        className="callbacks-panel"
      >
        {list === null ? (
          <p className="muted">{t('inbox.loading')}</p>
        ) : list.length === 0 ? (
          <p className="muted">{t('inbox.cb.none')}</p>
        ) : (
          <ul className="callback-list">
            {list.map((callback) => (
              <CallbackRow
                key={callback.id}
                callback={callback}
                directory={directory}
                onOpenCall={onOpenCall}
                onError={onError}
              />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
