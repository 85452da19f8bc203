import { useStore } from 'zustand';
import { outputLabel } from '../../../../shared/workflow/output-label.js';
import { outputsOf, type Step } from '../../../../shared/workflow/steps.js';
import { TRIGGER, TRIGGER_OUTPUT } from '../../../../shared/workflow/workflow.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import { Section, SelectInput } from './controls.js';
import { useInspector } from './inspector-context.js';

/**
 * Where each exit of a step (or the trigger's start) leads, as one select per exit: the
 * keyboard's way to draw, move and remove the canvas's edges, and the paths written out for
 * whoever reads the form rather than the drawing.
 */
export function ExitTargets({ source }: { source: Step | typeof TRIGGER }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const { store } = useInspector();
  const definition = useStore(store, (s) => s.definition);
  const sourceId = source === TRIGGER ? TRIGGER : source.id;
  const outputs = source === TRIGGER ? [TRIGGER_OUTPUT] : outputsOf(source);
  const steps = definition.steps
    .filter((step) => step.id !== sourceId)
    .map((step) => ({ value: step.id, label: step.name.trim() || t(`step.${step.kind}`) }));
  return (
    <Section title={t('inspector.exits')}>
      {outputs.map((output) => {
        const index = definition.edges.findIndex((e) => e.source === sourceId && e.output === output);
        return (
          <SelectInput<string>
            key={output}
            label={t('inspector.exitTarget', { exit: outputLabel(source, output)[locale] })}
            value={definition.edges[index]?.target ?? ''}
            options={[{ value: '', label: t('inspector.exitNowhere') }, ...steps]}
            onChange={(target) =>
              target === ''
                ? store.getState().removeEdges([index])
                : store.getState().connect(sourceId, output, target)
            }
          />
        );
      })}
    </Section>
  );
}
