import type { Calendar } from '../../shared/workflow/calendar.js';

/** A calendar that is closed all week, with no holidays or exceptions: a team that never opens. */
export const neverOpen = {
  id: 'never',
  name: 'Never',
  timeZone: 'Asia/Seoul',
  weekly: [],
  holidays: [],
  exceptions: [],
} satisfies Calendar;
