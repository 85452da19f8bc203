import { useStore } from 'zustand';
import type { Step } from '../../../../shared/workflow/steps.js';
import { TRIGGER } from '../../../../shared/workflow/workflow.js';
import { useT } from '../../../i18n/use-t.js';
import type { EditorStore } from './editor-store.js';

/**
 * The form of the selected step. Today: its name; each step kind's own fields come with the
 * per-kind inspectors.
 */
export function StepInspector({ store }: { store: EditorStore }) {
  const t = useT();
  const selected = useStore(store, (s) => s.selected);
  const step = useStore(store, (s) =>
    s.selected.length === 1
      ? s.definition.steps.find((candidate) => candidate.id === s.selected[0])
      : undefined,
  );
  if (!step) {
    return (
      <aside className="inspector" aria-label={t('editor.inspector')}>
        <p className="muted">{selected[0] === TRIGGER ? t('step.trigger') : t('editor.nothingSelected')}</p>
      </aside>
    );
  }
  const update = (change: Partial<Step>) => store.getState().updateStep({ ...step, ...change } as Step);
  return (
    <aside className="inspector" aria-label={t('editor.inspector')}>
      <h2>{t(`step.${step.kind}`)}</h2>
      <label className="field">
        <span>{t('inspector.name')}</span>
        <input value={step.name} maxLength={80} onChange={(event) => update({ name: event.target.value })} />
      </label>
    </aside>
  );
}
