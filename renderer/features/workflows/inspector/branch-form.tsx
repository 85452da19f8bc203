import { branchStep, type StepOf } from '../../../../shared/workflow/steps.js';
import type { Criterion } from '../../../../shared/workflow/criteria.js';
import { useT } from '../../../i18n/use-t.js';
import { ConditionList } from './condition-builder.js';
import { criterionKinds, freeId, isCriterion, moveBy, removeAt, replaceAt } from './condition-model.js';
import { TextInput } from './controls.js';
import { listMax, textMax } from './schema-limits.js';

type Step = StepOf<'branch'>;
type Branch = Step['branches'][number];

const branchShape = branchStep.shape.branches.element.shape;
const nameMax = textMax(branchShape.name);
const branchesMax = listMax(branchStep.shape.branches);
const criteriaMax = listMax(branchShape.all);

/**
 * Branches tried in order, each with conditions that must all hold; a call matching none takes
 * the "no match" exit.
 */
export function BranchForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  const setBranches = (branches: Branch[]) => onChange({ ...step, branches });
  const add = () =>
    setBranches([
      ...step.branches,
      {
        id: freeId(
          'b',
          step.branches.map((b) => b.id),
        ),
        name: '',
        all: [],
      },
    ]);
  return (
    <>
      <p className="field-hint">{t('inspector.branchesHint')}</p>
      {step.branches.length === 0 && <p className="muted">{t('inspector.noBranches')}</p>}
      <ol className="inspector-rows">
        {step.branches.map((branch, index) => {
          const label = branch.name.trim() || t('inspector.branchN', { n: index + 1 });
          return (
            <li key={branch.id}>
              <fieldset className="branch">
                <legend>{label}</legend>
                <TextInput
                  label={t('inspector.branchName', { n: index + 1 })}
                  value={branch.name}
                  maxLength={nameMax}
                  placeholder={t('inspector.branchN', { n: index + 1 })}
                  onChange={(name) => setBranches(replaceAt(step.branches, index, { ...branch, name }))}
                />
                <ConditionList<Criterion>
                  label={label}
                  items={branch.all}
                  kinds={criterionKinds}
                  accept={isCriterion}
                  max={criteriaMax}
                  onChange={(all) => setBranches(replaceAt(step.branches, index, { ...branch, all }))}
                />
                <div className="row-buttons">
                  <button
                    type="button"
                    className="button"
                    disabled={index === 0}
                    aria-label={t('inspector.moveUp', { label })}
                    onClick={() => setBranches(moveBy(step.branches, index, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={index === step.branches.length - 1}
                    aria-label={t('inspector.moveDown', { label })}
                    onClick={() => setBranches(moveBy(step.branches, index, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button subtle-danger"
                    onClick={() => setBranches(removeAt(step.branches, index))}
                  >
                    {t('inspector.removeBranch', { label })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" disabled={step.branches.length >= branchesMax} onClick={add}>
        {t('inspector.addBranch')}
      </button>
    </>
  );
}
