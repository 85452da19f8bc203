import { useStore } from 'zustand';
import { stepSchema, type Step } from '../../../../shared/workflow/steps.js';
import { TRIGGER } from '../../../../shared/workflow/workflow.js';
import { useT } from '../../../i18n/use-t.js';
import { TextInput } from '../inspector/controls.js';
import { ExitTargets } from '../inspector/exit-targets.js';
import { InspectorProvider } from '../inspector/inspector-context.js';
import { IssueList } from '../inspector/issue-list.js';
import { textMax } from '../inspector/schema-limits.js';
import { StepForm } from '../inspector/step-form.js';
import { TriggerForm } from '../inspector/trigger-form.js';
import type { EditorStore } from './editor-store.js';

const nameMax = textMax(stepSchema.options[0].shape.name);

/**
 * The form of what is selected on the canvas: the trigger's settings, or a step's name and the
 * fields of its kind, with the engine's problems about it on top. Every change is one edit of
 * the editor store (so undo, redo and autosave cover it).
 */
export function StepInspector({ store }: { store: EditorStore }) {
  const t = useT();
  const selected = useStore(store, (s) => (s.selected.length === 1 ? s.selected[0] : undefined));
  const step = useStore(store, (s) =>
    selected === undefined ? undefined : s.definition.steps.find((candidate) => candidate.id === selected),
  );
  const issues = useStore(store, (s) => s.issues);

  if (selected === TRIGGER) {
    return (
      <aside className="inspector" aria-label={t('editor.inspector')}>
        <InspectorProvider store={store}>
          <h2>{t('step.trigger')}</h2>
          <IssueList
            issues={issues.filter((issue) => issue.stepId === undefined && issue.edgeIndex === undefined)}
          />
          <TriggerForm />
          <ExitTargets source={TRIGGER} />
        </InspectorProvider>
      </aside>
    );
  }
  if (!step) {
    return (
      <aside className="inspector" aria-label={t('editor.inspector')}>
        <p className="muted">{t('editor.nothingSelected')}</p>
      </aside>
    );
  }
  const update = (changed: Step) => store.getState().updateStep(changed);
  return (
    <aside className="inspector" aria-label={t('editor.inspector')}>
      <InspectorProvider store={store}>
        <h2 className={`inspector-title step-${step.kind}`}>{t(`step.${step.kind}`)}</h2>
        <IssueList issues={issues.filter((issue) => issue.stepId === step.id)} />
        <TextInput
          label={t('inspector.name')}
          value={step.name}
          maxLength={nameMax}
          onChange={(name) => update({ ...step, name })}
        />
        <StepForm key={step.id} step={step} onChange={update} />
        <ExitTargets source={step} />
      </InspectorProvider>
    </aside>
  );
}
