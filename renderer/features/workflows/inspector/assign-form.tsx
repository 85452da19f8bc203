import { assignStep, type StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { NumberInput, SelectInput } from './controls.js';
import { useInspector } from './inspector-context.js';
import { numberLimits } from './schema-limits.js';
import { TeamSelect } from './team-select.js';

type Step = StepOf<'assign'>;
type TargetKind = Step['target']['kind'];

const ringLimits = numberLimits(assignStep.shape.ringTimeoutSec);

/** Puts the caller through to a team's queue or straight to one agent. */
export function AssignForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  const { agents } = useInspector();
  const { target } = step;
  const agentKnown =
    target.kind !== 'agent' || target.agentId === null || agents.some((a) => a.id === target.agentId);
  return (
    <>
      <SelectInput<TargetKind>
        label={t('inspector.assignTo')}
        value={target.kind}
        options={[
          { value: 'team', label: t('inspector.assignTeam') },
          { value: 'agent', label: t('inspector.assignAgent') },
        ]}
        onChange={(kind) => {
          if (kind === target.kind) return;
          onChange({
            ...step,
            target: kind === 'team' ? { kind, teamId: null } : { kind, agentId: null },
          });
        }}
      />
      {target.kind === 'team' ? (
        <TeamSelect
          label={t('inspector.team')}
          noneLabel={t('inspector.chooseTeam')}
          value={target.teamId}
          onChange={(teamId) => onChange({ ...step, target: { kind: 'team', teamId } })}
        />
      ) : (
        <SelectInput<string>
          label={t('inspector.agent')}
          value={target.agentId ?? ''}
          options={[
            { value: '', label: t('inspector.chooseAgent') },
            ...agents.map((agent) => ({ value: agent.id, label: agent.name })),
            ...(agentKnown || target.agentId === null
              ? []
              : [{ value: target.agentId, label: t('inspector.unknownAgent') }]),
          ]}
          {...(agents.length === 0 ? { hint: t('inspector.noAgents') } : {})}
          onChange={(agentId) =>
            onChange({ ...step, target: { kind: 'agent', agentId: agentId === '' ? null : agentId } })
          }
        />
      )}
      <NumberInput
        label={t('inspector.ringTimeoutSec')}
        hint={t('inspector.assignRingHint')}
        value={step.ringTimeoutSec}
        limits={ringLimits}
        onChange={(ringTimeoutSec) =>
          onChange({ ...step, ringTimeoutSec: ringTimeoutSec ?? step.ringTimeoutSec })
        }
      />
    </>
  );
}
