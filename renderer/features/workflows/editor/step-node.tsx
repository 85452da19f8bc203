import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { stepPrompts } from '../../../../shared/workflow/step-prompts.js';
import { useAppStore } from '../../../stores/app-store.js';
import { useT } from '../../../i18n/use-t.js';
import type { StepFlowNode } from './to-flow.js';

/**
 * One step on the canvas: its kind and name, the first words it says, and one labelled handle
 * per exit (key 1, timeout, each branch…) to drag an edge from. The trigger is drawn the same
 * way, with its single "start" exit and no input.
 */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const { step, outputs, errors, warnings, decoration } = data;
  const kind = step?.kind ?? 'trigger';
  const title = step ? step.name.trim() || t(`step.${step.kind}`) : t('step.trigger');
  const said = step
    ? stepPrompts(step)
        .map(({ prompt }) => prompt)
        .find((prompt) => prompt?.kind === 'tts' && prompt.text.trim() !== '')
    : undefined;
  return (
    <div
      className={`step-node step-${kind}${selected ? ' selected' : ''}${errors > 0 ? ' has-errors' : ''}${
        decoration?.tone ? ` tone-${decoration.tone}` : ''
      }`}
      data-testid={`node-${step?.id ?? 'trigger'}`}
    >
      {step && <Handle type="target" position={Position.Left} className="step-input" />}
      <div className="step-kind">{t(`step.${kind}`)}</div>
      {decoration?.badge && <div className="step-badge">{decoration.badge}</div>}
      <div className="step-title">{title}</div>
      {said?.kind === 'tts' && <div className="step-said">{said.text}</div>}
      {(errors > 0 || warnings > 0) && (
        <div className="step-problems" aria-label={t('editor.problems')}>
          {errors > 0 && <span className="badge bad">{errors}</span>}
          {warnings > 0 && <span className="badge warn">{warnings}</span>}
        </div>
      )}
      <ul className="step-outputs">
        {outputs.map((output) => (
          <li key={output.id} className="step-output">
            <span>{output.label[locale]}</span>
            <Handle type="source" position={Position.Right} id={output.id} className="step-exit" />
          </li>
        ))}
      </ul>
    </div>
  );
});
