import { useReactFlow } from '@xyflow/react';
import { useStore } from 'zustand';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import type { EditorStore } from './editor-store.js';

/** The draft's problems as the engine found them; a click selects the step concerned and shows it. */
export function ProblemsPanel({ store }: { store: EditorStore }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const issues = useStore(store, (s) => s.issues);
  const flow = useReactFlow();
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        {t('editor.problems')} <span className="badge">{issues.length}</span>
      </h2>
      {issues.length === 0 ? (
        <p className="muted">{t('editor.noProblems')}</p>
      ) : (
        <ul>
          {issues.map((issue, index) => (
            <li key={index} className={`problem ${issue.severity}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  if (!issue.stepId) return;
                  store.getState().select([issue.stepId]);
                  // Bring the step into view: it may be far off on a big canvas.
                  const node = flow.getNode(issue.stepId);
                  if (node)
                    void flow.setCenter(node.position.x + 100, node.position.y + 50, {
                      zoom: flow.getZoom(),
                    });
                }}
              >
                {issue.text[locale]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
