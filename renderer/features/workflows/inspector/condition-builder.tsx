import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { phoneNumberSchema } from '../../../../shared/domain/line.js';
import {
  callerInListCriterion,
  callerNumberCriterion,
  queueCriterion,
  variableCriterion,
  type Criterion,
} from '../../../../shared/workflow/criteria.js';
import { TRIGGER } from '../../../../shared/workflow/workflow.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import { NumberInput, SchemaInput, SelectInput, TextInput } from './controls.js';
import {
  canAdd,
  moveBy,
  newCriterion,
  removeAt,
  replaceAt,
  takesValue,
  type CriterionKind,
} from './condition-model.js';
import { newCalendar } from './calendar-model.js';
import { useInspector } from './inspector-context.js';
import { listMax, numberLimits, textMax } from './schema-limits.js';
import { TeamSelect } from './team-select.js';
import { workflowVariables } from './template-variables.js';

/**
 * A list of conditions that must all hold (a branch's, or the trigger's filters): each a kind and
 * its fields, removable and reorderable, and a picker to add one. `accept` tells the criteria this
 * list may hold from the others (filters are a subset), so no cast is needed.
 */
export function ConditionList<C extends Criterion>({
  label,
  items,
  kinds,
  accept,
  max,
  onChange,
}: {
  label: string;
  items: readonly C[];
  kinds: readonly C['kind'][];
  accept(criterion: Criterion): criterion is C;
  max: number;
  onChange(items: C[]): void;
}) {
  const t = useT();
  const { store } = useInspector();
  const calendarIds = useStore(store, (s) => s.definition.calendars.map((c) => c.id).join('\n'));
  const lines = useAppStore((s) => s.lines);
  const context = { calendarIds: calendarIds.split('\n').filter(Boolean), lineIds: lines.map((l) => l.id) };
  const [adding, setAdding] = useState<CriterionKind | ''>('');
  const addId = useId();

  const officeZone = useAppStore((s) => s.settings?.timeZone ?? 'Asia/Seoul');

  const add = (kind: CriterionKind) => {
    // Office hours without a calendar yet: the workflow's first one (Mon–Fri 09–18) is made for
    // it, rather than sending the manager to the trigger's settings first.
    let made = context;
    if (kind === 'office_hours' && context.calendarIds.length === 0) {
      const calendar = newCalendar([], officeZone, t('inspector.calendarDefaultName', { n: 1 }));
      store.getState().setCalendars([calendar]);
      made = { ...context, calendarIds: [calendar.id] };
    }
    const criterion = newCriterion(kind, made);
    if (criterion && accept(criterion)) onChange([...items, criterion]);
    setAdding('');
  };

  return (
    <div className="condition-list">
      {items.length === 0 && <p className="muted">{t('inspector.noConditions')}</p>}
      <ol className="inspector-rows">
        {items.map((criterion, index) => (
          <li key={index}>
            <fieldset className="condition">
              <legend>{t('inspector.conditionN', { label, n: index + 1 })}</legend>
              <CriterionFields
                criterion={criterion}
                onChange={(changed) => accept(changed) && onChange(replaceAt(items, index, changed))}
              />
              <div className="row-buttons">
                <button
                  type="button"
                  className="button"
                  disabled={index === 0}
                  aria-label={t('inspector.moveUpN', { label, n: index + 1 })}
                  onClick={() => onChange(moveBy(items, index, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={index === items.length - 1}
                  aria-label={t('inspector.moveDownN', { label, n: index + 1 })}
                  onClick={() => onChange(moveBy(items, index, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button subtle-danger"
                  aria-label={t('inspector.removeN', { label, n: index + 1 })}
                  onClick={() => onChange(removeAt(items, index))}
                >
                  {t('inspector.remove')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {items.length < max && (
        <div className="field">
          <label htmlFor={addId}>{t('inspector.addCondition', { label })}</label>
          <select
            id={addId}
            value={adding}
            onChange={(event) => {
              const kind = kinds.find((k) => k === event.target.value);
              if (kind) add(kind);
            }}
          >
            <option value="">{t('inspector.chooseCondition')}</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind} disabled={!canAdd(kind, context)}>
                {t(`inspector.criterion.${kind}`)}
                {canAdd(kind, context) ? '' : ` (${t('inspector.needsLine')})`}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

const numberValueSchema = callerNumberCriterion.shape.value;
const listNameMax = textMax(callerInListCriterion.shape.listName);
const variableValueMax = textMax(variableCriterion.shape.value);
const queueValueLimits = numberLimits(queueCriterion.shape.value);
const listLimit = listMax(callerInListCriterion.shape.numbers);

/** The fields of one condition, by its kind. */
function CriterionFields({ criterion, onChange }: { criterion: Criterion; onChange(c: Criterion): void }) {
  const t = useT();
  const { store } = useInspector();
  const definition = useStore(store, (s) => s.definition);
  const lines = useAppStore((s) => s.lines);
  switch (criterion.kind) {
    case 'office_hours':
      return (
        <>
          <SelectInput<string>
            label={t('inspector.calendar')}
            value={criterion.calendarId}
            options={withCurrent(
              definition.calendars.map((c) => ({ value: c.id, label: c.name })),
              criterion.calendarId,
              t('inspector.unknownCalendar'),
            )}
            onChange={(calendarId) => onChange({ ...criterion, calendarId })}
          />
          <button type="button" className="link-button" onClick={() => store.getState().select([TRIGGER])}>
            {t('inspector.editHours')}
          </button>
          <SelectInput<typeof criterion.state>
            label={t('inspector.officeState')}
            value={criterion.state}
            options={(['open', 'closed', 'holiday'] as const).map((state) => ({
              value: state,
              label: t(`inspector.state.${state}`),
            }))}
            onChange={(state) => onChange({ ...criterion, state })}
          />
        </>
      );
    case 'caller_number':
    case 'dialled_number':
      return (
        <>
          <SelectInput<typeof criterion.op>
            label={t('inspector.match')}
            value={criterion.op}
            options={(['equals', 'starts_with'] as const).map((op) => ({
              value: op,
              label: t(`inspector.op.${op}`),
            }))}
            onChange={(op) => onChange({ ...criterion, op })}
          />
          <SchemaInput
            label={t('inspector.number')}
            value={criterion.value}
            schema={numberValueSchema}
            invalidText={t('inspector.invalidDigits')}
            inputMode="tel"
            onChange={(value) => onChange({ ...criterion, value })}
          />
        </>
      );
    case 'caller_in_list':
      return (
        <>
          <TextInput
            label={t('inspector.listName')}
            value={criterion.listName}
            maxLength={listNameMax}
            onChange={(listName) => onChange({ ...criterion, listName })}
          />
          <NumberList value={criterion.numbers} onChange={(numbers) => onChange({ ...criterion, numbers })} />
        </>
      );
    case 'line':
      return (
        <SelectInput<string>
          label={t('inspector.line')}
          value={criterion.lineId}
          options={withCurrent(
            lines.map((l) => ({ value: l.id, label: l.displayName })),
            criterion.lineId,
            t('inspector.unknownLine'),
          )}
          onChange={(lineId) => onChange({ ...criterion, lineId })}
        />
      );
    case 'variable':
      return (
        <>
          <SelectInput<string>
            label={t('inspector.variable')}
            value={criterion.name}
            options={withCurrent(
              workflowVariables(definition).map((name) => ({ value: name, label: name })),
              criterion.name,
              criterion.name,
            )}
            onChange={(name) => onChange({ ...criterion, name })}
          />
          <SelectInput<typeof criterion.op>
            label={t('inspector.compare')}
            value={criterion.op}
            options={variableCriterion.shape.op.options.map((op) => ({
              value: op,
              label: t(`inspector.op.${op}`),
            }))}
            onChange={(op) => onChange({ ...criterion, op })}
          />
          {takesValue(criterion.op) && (
            <TextInput
              label={t('inspector.value')}
              value={criterion.value}
              maxLength={variableValueMax}
              onChange={(value) => onChange({ ...criterion, value })}
            />
          )}
        </>
      );
    case 'queue':
      return (
        <>
          <TeamSelect
            label={t('inspector.team')}
            noneLabel={t('inspector.chooseTeam')}
            value={criterion.teamId}
            onChange={(teamId) => onChange({ ...criterion, teamId })}
          />
          <SelectInput<typeof criterion.metric>
            label={t('inspector.metric')}
            value={criterion.metric}
            options={queueCriterion.shape.metric.options.map((metric) => ({
              value: metric,
              label: t(`inspector.metric.${metric}`),
            }))}
            onChange={(metric) => onChange({ ...criterion, metric })}
          />
          <SelectInput<typeof criterion.op>
            label={t('inspector.compare')}
            value={criterion.op}
            options={queueCriterion.shape.op.options.map((op) => ({
              value: op,
              label: t(`inspector.op.${op}`),
            }))}
            onChange={(op) => onChange({ ...criterion, op })}
          />
          <NumberInput
            label={t('inspector.value')}
            value={criterion.value}
            limits={queueValueLimits}
            onChange={(value) => value !== null && onChange({ ...criterion, value })}
          />
        </>
      );
  }
}

/** The options, plus the current value (labelled `missing`) when it is no longer among them. */
function withCurrent(
  options: { value: string; label: string }[],
  current: string,
  missing: string,
): { value: string; label: string }[] {
  return options.some((o) => o.value === current)
    ? options
    : [...options, { value: current, label: missing }];
}

/** Phone numbers, one a line; only those the schema accepts are kept, the others named. */
function NumberList({ value, onChange }: { value: readonly string[]; onChange(numbers: string[]): void }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const parse = (text: string) => {
    const words = text.split(/[\s,]+/).filter(Boolean);
    const valid = words.filter((w) => phoneNumberSchema.safeParse(w).success);
    return {
      numbers: [...new Set(valid)].slice(0, listLimit),
      invalid: words.filter((w) => !valid.includes(w)),
    };
  };
  const invalid = draft === null ? [] : parse(draft).invalid;
  return (
    <TextInput
      label={t('inspector.numbers')}
      hint={
        invalid.length > 0
          ? t('inspector.invalidNumbers', { numbers: invalid.join(', ') })
          : t('inspector.numbersHint', { count: value.length })
      }
      multiline
      value={draft ?? value.join('\n')}
      maxLength={listLimit * 22}
      onBlur={() => setDraft(null)}
      onChange={(text) => {
        setDraft(text);
        const { numbers } = parse(text);
        if (numbers.join('\n') !== value.join('\n')) onChange(numbers);
      }}
    />
  );
}
