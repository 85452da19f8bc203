import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { Filter } from '../../../../shared/workflow/criteria.js';
import {
  scheduleSchema,
  triggerSchema,
  type Schedule,
  type Trigger,
} from '../../../../shared/workflow/trigger.js';
import { CheckboxField, Field } from '../../../ui/field.js';
import { useT } from '../../../i18n/use-t.js';
import { CalendarEditor } from './calendar-editor.js';
import { ConditionList } from './condition-builder.js';
import { filterKinds, isFilter } from './condition-model.js';
import { NumberInput, Section, SelectInput } from './controls.js';
import { useInspector } from './inspector-context.js';
import { fromLocalInput, newSchedule, toLocalInput } from './schedule-model.js';
import { listMax, numberLimits } from './schema-limits.js';

const [calledShape, queueShape] = [triggerSchema.options[0].shape, triggerSchema.options[1].shape];
const filtersMax = listMax(calledShape.filters);
const inputTimeoutLimits = numberLimits(calledShape.inputTimeoutSec);
const afterLimits = numberLimits(queueShape.afterSec);
const repeatLimits = numberLimits(queueShape.repeatEverySec);
const scheduleKinds = scheduleSchema.options.map((option) => option.shape.kind.value);

/**
 * When the workflow takes a call: the trigger's own settings (for "waiting in queue": which teams,
 * after how long, how often), the filters a call must match, the default key timeout, the schedule,
 * and the calendars office-hours checks use.
 */
export function TriggerForm() {
  const t = useT();
  const { store, teams } = useInspector();
  const trigger = useStore(store, (s) => s.definition.trigger);
  const calendars = useStore(store, (s) => s.definition.calendars);
  const set = (changed: Trigger) => store.getState().setTrigger(changed);
  const id = useId();

  return (
    <>
      <p className="inspector-kind">{t(`inspector.trigger.${trigger.kind}`)}</p>
      {trigger.kind === 'waiting_in_queue' && (
        <Section title={t('inspector.queueTrigger')}>
          <fieldset className="checkbox-group">
            <legend>{t('inspector.queueTeams')}</legend>
            {teams.length === 0 && <p className="muted">{t('inspector.noTeams')}</p>}
            {teams.map((team) => (
              <CheckboxField
                key={team.id}
                id={`${id}-team-${team.id}`}
                label={team.name}
                checked={trigger.teamIds.includes(team.id)}
                onChange={(checked) =>
                  set({
                    ...trigger,
                    teamIds: checked
                      ? [...trigger.teamIds, team.id]
                      : trigger.teamIds.filter((teamId) => teamId !== team.id),
                  })
                }
              />
            ))}
            <p className="field-hint">{t('inspector.queueTeamsHint')}</p>
          </fieldset>
          <NumberInput
            label={t('inspector.afterSec')}
            value={trigger.afterSec}
            limits={afterLimits}
            onChange={(afterSec) => afterSec !== null && set({ ...trigger, afterSec })}
          />
          <CheckboxField
            id={`${id}-repeat`}
            label={t('inspector.repeat')}
            checked={trigger.repeatEverySec !== null}
            onChange={(repeat) =>
              set({
                ...trigger,
                repeatEverySec: repeat ? Math.max(repeatLimits.min, trigger.afterSec) : null,
              })
            }
          />
          {trigger.repeatEverySec !== null && (
            <NumberInput
              label={t('inspector.repeatEverySec')}
              value={trigger.repeatEverySec}
              limits={repeatLimits}
              onChange={(repeatEverySec) => repeatEverySec !== null && set({ ...trigger, repeatEverySec })}
            />
          )}
        </Section>
      )}
      <Section title={t('inspector.filters')}>
        <p className="field-hint">{t('inspector.filtersHint')}</p>
        <ConditionList<Filter>
          label={t('inspector.filter')}
          items={trigger.filters}
          kinds={filterKinds}
          accept={isFilter}
          max={filtersMax}
          onChange={(filters) => set({ ...trigger, filters })}
        />
      </Section>
      <NumberInput
        label={t('inspector.inputTimeoutSec')}
        hint={t('inspector.inputTimeoutHint')}
        value={trigger.inputTimeoutSec}
        limits={inputTimeoutLimits}
        onChange={(inputTimeoutSec) => inputTimeoutSec !== null && set({ ...trigger, inputTimeoutSec })}
      />
      <Section title={t('inspector.schedule')}>
        <SelectInput<Schedule['kind']>
          label={t('inspector.activeWhen')}
          value={trigger.schedule.kind}
          options={scheduleKinds.map((kind) => ({
            value: kind,
            label: t(`inspector.schedule.${kind}`),
            disabled: kind === 'calendar' && calendars.length === 0,
          }))}
          {...(calendars.length === 0 ? { hint: t('inspector.scheduleNeedsCalendar') } : {})}
          onChange={(kind) => {
            if (kind === trigger.schedule.kind) return;
            const schedule = newSchedule(
              kind,
              calendars.map((c) => c.id),
              new Date(),
            );
            if (schedule) set({ ...trigger, schedule });
          }}
        />
        <ScheduleFields
          schedule={trigger.schedule}
          calendars={calendars}
          onChange={(schedule) => set({ ...trigger, schedule })}
        />
      </Section>
      <CalendarEditor calendars={calendars} onChange={(changed) => store.getState().setCalendars(changed)} />
    </>
  );
}

function ScheduleFields({
  schedule,
  calendars,
  onChange,
}: {
  schedule: Schedule;
  calendars: readonly { id: string; name: string }[];
  onChange(schedule: Schedule): void;
}) {
  const t = useT();
  switch (schedule.kind) {
    case 'always':
      return null;
    case 'calendar':
      return (
        <>
          <SelectInput<string>
            label={t('inspector.calendar')}
            value={schedule.calendarId}
            options={[
              ...calendars.map((c) => ({ value: c.id, label: c.name })),
              ...(calendars.some((c) => c.id === schedule.calendarId)
                ? []
                : [{ value: schedule.calendarId, label: t('inspector.unknownCalendar') }]),
            ]}
            onChange={(calendarId) => onChange({ ...schedule, calendarId })}
          />
          <SelectInput<typeof schedule.when>
            label={t('inspector.scheduleWhen')}
            value={schedule.when}
            options={[
              { value: 'open', label: t('inspector.state.open') },
              { value: 'closed', label: t('inspector.state.closed') },
            ]}
            onChange={(when) => onChange({ ...schedule, when })}
          />
        </>
      );
    case 'date_range':
      return (
        <>
          <InstantInput
            label={t('inspector.from')}
            value={schedule.from}
            accept={(from) => Date.parse(from) < Date.parse(schedule.to)}
            onChange={(from) => onChange({ ...schedule, from })}
          />
          <InstantInput
            label={t('inspector.to')}
            value={schedule.to}
            accept={(to) => Date.parse(schedule.from) < Date.parse(to)}
            onChange={(to) => onChange({ ...schedule, to })}
          />
        </>
      );
  }
}

/** A date and time in this computer's zone, committed only when complete and `accept`ed. */
function InstantInput({
  label,
  value,
  accept,
  onChange,
}: {
  label: string;
  value: string;
  accept(iso: string): boolean;
  onChange(iso: string): void;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const pending = draft === null ? null : fromLocalInput(draft);
  const invalid = draft !== null && (pending === null || !accept(pending));
  return (
    <Field id={id} label={label} {...(invalid ? { error: t('inspector.invalidRange') } : {})}>
      {(control) => (
        <input
          {...control}
          type="datetime-local"
          value={draft ?? toLocalInput(value)}
          onChange={(event) => {
            setDraft(event.target.value);
            const iso = fromLocalInput(event.target.value);
            if (iso && iso !== value && accept(iso)) onChange(iso);
          }}
          onBlur={() => setDraft(null)}
        />
      )}
    </Field>
  );
}
