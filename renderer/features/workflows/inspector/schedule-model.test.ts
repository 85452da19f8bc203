import { describe, expect, it } from 'vitest';
import { scheduleSchema } from '../../../../shared/workflow/trigger.js';
import { fromLocalInput, newSchedule, toLocalInput } from './schedule-model.js';

describe('trigger schedule model', () => {
  it('round-trips an instant through the datetime-local field', () => {
    const iso = fromLocalInput('2026-05-05T09:30');
    expect(iso).not.toBeNull();
    expect(toLocalInput(iso ?? '')).toBe('2026-05-05T09:30');
    expect(fromLocalInput('2026-05-05')).toBeNull();
    expect(toLocalInput('not a date')).toBe('');
  });

  it('switches to schedules the schema accepts', () => {
    const now = new Date('2026-05-05T09:30:00Z');
    expect(newSchedule('always', [], now)).toEqual({ kind: 'always' });
    expect(newSchedule('calendar', [], now)).toBeNull();
    expect(newSchedule('calendar', ['office'], now)).toEqual({
      kind: 'calendar',
      calendarId: 'office',
      when: 'open',
    });
    const range = newSchedule('date_range', [], now);
    expect(scheduleSchema.safeParse(range).success).toBe(true);
  });
});
