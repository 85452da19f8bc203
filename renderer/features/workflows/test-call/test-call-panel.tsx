import { useState } from 'react';
import { useT } from '../../../i18n/use-t.js';
import { AnalyticsOverlay } from '../analytics/analytics-overlay.js';
import type { EditorStore } from '../editor/editor-store.js';
import { TestCall } from './test-call.js';

type Tab = 'call' | 'analytics';
const tabs: readonly Tab[] = ['call', 'analytics'];

/**
 * The editor's side panel for trying the workflow: a test call on the draft, or the analytics of
 * real calls on the canvas. Each tab draws over the canvas while shown and clears it on leaving.
 */
export function TestCallPanel({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('call');
  return (
    <section className="test-call-panel" aria-label={t('testCall.panel')}>
      <div className="test-call-head">
        <div role="tablist" className="panel-tabs" aria-label={t('testCall.panel')}>
          {tabs.map((which) => (
            <button
              key={which}
              type="button"
              role="tab"
              id={`test-call-tab-${which}`}
              aria-selected={tab === which}
              aria-controls={`test-call-tabpanel-${which}`}
              tabIndex={tab === which ? 0 : -1}
              onClick={() => setTab(which)}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
                const next = tabs[(tabs.indexOf(which) + 1) % tabs.length] ?? 'call';
                setTab(next);
                document.getElementById(`test-call-tab-${next}`)?.focus();
              }}
            >
              {t(`testCall.tab.${which}`)}
            </button>
          ))}
        </div>
        <button type="button" className="link-button" aria-label={t('testCall.close')} onClick={onClose}>
          ✕
        </button>
      </div>
      <div role="tabpanel" id={`test-call-tabpanel-${tab}`} aria-labelledby={`test-call-tab-${tab}`}>
        {tab === 'call' ? <TestCall store={store} /> : <AnalyticsOverlay store={store} />}
      </div>
    </section>
  );
}
