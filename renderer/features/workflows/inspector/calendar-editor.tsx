import { useId } from 'react';
import { z } from 'zod';
import { calendarSchema, type Calendar } from '../../../../shared/workflow/calendar.js';
import { workflowDefinitionSchema } from '../../../../shared/workflow/workflow.js';
import { timeZoneSchema } from '../../../../shared/domain/settings.js';
import { CheckboxField } from '../../../ui/field.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import { removeAt, replaceAt } from './condition-model.js';
import { SchemaInput, Section, TextInput } from './controls.js';
import {
  isDate,
  isTimeOfDay,
  newCalendar,
  nextFreeDate,
  weekOrder,
  withHoursAdded,
} from './calendar-model.js';
import { listMax, textMax } from './schema-limits.js';

type Hours = Calendar['weekly'][number];
type Holiday = Calendar['holidays'][number];
type Exception = Calendar['exceptions'][number];

const calendarsShape = calendarSchema.shape;
const calendarsMax = listMax(workflowDefinitionSchema.shape.calendars);
const weeklyMax = listMax(calendarsShape.weekly);
const holidaysMax = listMax(calendarsShape.holidays);
const exceptionsMax = listMax(calendarsShape.exceptions);
const holidayNameMax = textMax(calendarsShape.holidays.element.shape.name);
const dateSchema = z.string().refine(isDate);
const timeZones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The workflow's calendars (what its office-hours checks and schedule use): per calendar its
 * name, time zone, weekly hours, holidays and one-off exceptions.
 */
export function CalendarEditor({
  calendars,
  onChange,
}: {
  calendars: readonly Calendar[];
  onChange(calendars: Calendar[]): void;
}) {
  const t = useT();
  const officeZone = useAppStore((s) => s.settings?.timeZone ?? 'Asia/Seoul');
  const zonesId = useId();
  return (
    <Section title={t('inspector.calendars')}>
      <p className="field-hint">{t('inspector.calendarsHint')}</p>
      <datalist id={zonesId}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {calendars.map((calendar, index) => (
        <CalendarFields
          key={calendar.id}
          calendar={calendar}
          zonesId={zonesId}
          onChange={(changed) => onChange(replaceAt(calendars, index, changed))}
          onRemove={() => onChange(removeAt(calendars, index))}
        />
      ))}
      <button
        type="button"
        className="button"
        disabled={calendars.length >= calendarsMax}
        onClick={() =>
          onChange([
            ...calendars,
            newCalendar(
              calendars.map((c) => c.id),
              officeZone,
              t('inspector.calendarDefaultName', { n: calendars.length + 1 }),
            ),
          ])
        }
      >
        {t('inspector.addCalendar')}
      </button>
    </Section>
  );
}

function CalendarFields({
  calendar,
  zonesId,
  onChange,
  onRemove,
}: {
  calendar: Calendar;
  zonesId: string;
  onChange(calendar: Calendar): void;
  onRemove(): void;
}) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const today = new Date().toISOString().slice(0, 10);
  const dayName = (day: number) =>
    // 2024-01-07 was a Sunday: day 0 as Date.getDay counts.
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 7 + day)),
    );
  const setWeekly = (weekly: Hours[]) => onChange({ ...calendar, weekly });
  const setHolidays = (holidays: Holiday[]) => onChange({ ...calendar, holidays });
  const setExceptions = (exceptions: Exception[]) => onChange({ ...calendar, exceptions });
  const takenDates = [...calendar.holidays.map((h) => h.date), ...calendar.exceptions.map((e) => e.date)];

  return (
    <fieldset className="calendar">
      <legend>{calendar.name}</legend>
      <SchemaInput
        label={t('inspector.calendarName')}
        value={calendar.name}
        schema={calendarsShape.name}
        invalidText={t('inspector.nameRequired')}
        onChange={(name) => onChange({ ...calendar, name })}
      />
      <SchemaInput
        label={t('inspector.timeZone')}
        value={calendar.timeZone}
        schema={timeZoneSchema}
        invalidText={t('inspector.invalidTimeZone')}
        list={zonesId}
        onChange={(timeZone) => onChange({ ...calendar, timeZone })}
      />

      <h4>{t('inspector.weeklyHours')}</h4>
      <ul className="inspector-rows">
        {weekOrder.map((day) => {
          const name = dayName(day);
          const rows = calendar.weekly.flatMap((hours, index) =>
            hours.day === day ? [{ hours, index }] : [],
          );
          return (
            <li key={day} className="calendar-day">
              <span className="calendar-day-name">{name}</span>
              {rows.length === 0 && <span className="muted">{t('inspector.closed')}</span>}
              {rows.map(({ hours, index }) => (
                <HoursFields
                  key={index}
                  what={name}
                  hours={hours}
                  onChange={(changed) =>
                    setWeekly(replaceAt(calendar.weekly, index, { ...hours, ...changed }))
                  }
                  onRemove={() => setWeekly(removeAt(calendar.weekly, index))}
                />
              ))}
              <button
                type="button"
                className="button"
                disabled={calendar.weekly.length >= weeklyMax}
                aria-label={t('inspector.addHoursOn', { day: name })}
                onClick={() => onChange(withHoursAdded(calendar, day))}
              >
                +
              </button>
            </li>
          );
        })}
      </ul>

      <h4>{t('inspector.holidays')}</h4>
      <ul className="inspector-rows">
        {calendar.holidays.map((holiday, index) => (
          <li key={index} className="inspector-row">
            <SchemaInput
              label={t('inspector.holidayDate', { n: index + 1 })}
              type="date"
              value={holiday.date}
              schema={dateSchema}
              invalidText={t('inspector.invalidDate')}
              onChange={(date) => setHolidays(replaceAt(calendar.holidays, index, { ...holiday, date }))}
            />
            <TextInput
              label={t('inspector.holidayName', { n: index + 1 })}
              value={holiday.name}
              maxLength={holidayNameMax}
              onChange={(name) => setHolidays(replaceAt(calendar.holidays, index, { ...holiday, name }))}
            />
            <button
              type="button"
              className="button subtle-danger row-action"
              aria-label={t('inspector.removeHoliday', { n: index + 1 })}
              onClick={() => setHolidays(removeAt(calendar.holidays, index))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        disabled={calendar.holidays.length >= holidaysMax}
        onClick={() =>
          setHolidays([...calendar.holidays, { date: nextFreeDate(takenDates, today), name: '' }])
        }
      >
        {t('inspector.addHoliday')}
      </button>

      <h4>{t('inspector.exceptions')}</h4>
      <ul className="inspector-rows">
        {calendar.exceptions.map((exception, index) => (
          <ExceptionFields
            key={index}
            n={index + 1}
            exception={exception}
            onChange={(changed) => setExceptions(replaceAt(calendar.exceptions, index, changed))}
            onRemove={() => setExceptions(removeAt(calendar.exceptions, index))}
          />
        ))}
      </ul>
      <button
        type="button"
        className="button"
        disabled={calendar.exceptions.length >= exceptionsMax}
        onClick={() =>
          setExceptions([...calendar.exceptions, { date: nextFreeDate(takenDates, today), closed: true }])
        }
      >
        {t('inspector.addException')}
      </button>

      <div className="row-buttons">
        <button type="button" className="button subtle-danger" onClick={onRemove}>
          {t('inspector.removeCalendar', { name: calendar.name })}
        </button>
      </div>
    </fieldset>
  );
}

/** Opening and closing time; each is committed only while it is HH:MM and closing comes after opening. */
function HoursFields({
  what,
  hours,
  onChange,
  onRemove,
}: {
  what: string;
  hours: { open: string; close: string };
  onChange(hours: { open: string; close: string }): void;
  onRemove?(): void;
}) {
  const t = useT();
  const opening = z.string().refine((v) => isTimeOfDay(v) && v < hours.close);
  const closing = z.string().refine((v) => isTimeOfDay(v) && v > hours.open);
  return (
    <div className="inspector-row">
      <SchemaInput
        label={t('inspector.opens', { what })}
        className="row-narrow"
        value={hours.open}
        schema={opening}
        placeholder="09:00"
        invalidText={t('inspector.invalidHours')}
        onChange={(open) => onChange({ ...hours, open })}
      />
      <SchemaInput
        label={t('inspector.closes', { what })}
        className="row-narrow"
        value={hours.close}
        schema={closing}
        placeholder="18:00"
        invalidText={t('inspector.invalidHours')}
        onChange={(close) => onChange({ ...hours, close })}
      />
      {onRemove && (
        <button
          type="button"
          className="button subtle-danger row-action"
          aria-label={t('inspector.removeHours', { what, open: hours.open, close: hours.close })}
          onClick={onRemove}
        >
          ✕
        </button>
      )}
    </div>
  );
}

function ExceptionFields({
  n,
  exception,
  onChange,
  onRemove,
}: {
  n: number;
  exception: Exception;
  onChange(exception: Exception): void;
  onRemove(): void;
}) {
  const t = useT();
  const id = useId();
  const closed = 'closed' in exception;
  return (
    <li className="exception">
      <div className="inspector-row">
        <SchemaInput
          label={t('inspector.exceptionDate', { n })}
          type="date"
          value={exception.date}
          schema={dateSchema}
          invalidText={t('inspector.invalidDate')}
          onChange={(date) => onChange({ ...exception, date })}
        />
        <button
          type="button"
          className="button subtle-danger row-action"
          aria-label={t('inspector.removeException', { n })}
          onClick={onRemove}
        >
          ✕
        </button>
      </div>
      <CheckboxField
        id={`${id}-closed`}
        label={t('inspector.closedAllDay', { n })}
        checked={closed}
        onChange={(isClosed) =>
          onChange(
            isClosed
              ? { date: exception.date, closed: true }
              : { date: exception.date, open: '09:00', close: '13:00' },
          )
        }
      />
      {!('closed' in exception) && (
        <HoursFields
          what={t('inspector.exceptionN', { n })}
          hours={exception}
          onChange={(hours) => onChange({ date: exception.date, ...hours })}
        />
      )}
    </li>
  );
}
