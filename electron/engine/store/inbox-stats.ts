import { sql } from 'drizzle-orm';
import type { DailyStats, DailyStatsParams, DailyStatsRow } from '../../../shared/domain/inbox-stats.js';
import { localTime } from '../../../shared/workflow/calendar.js';
import type { AppDatabase } from './database.js';

type Counts = Omit<DailyStatsRow, 'serviceLevel'>;

/**
 * Queue statistics per team and office day, as defined on dailyStatsRowSchema. A day is the
 * office time zone's calendar day (DST-correct), turned into a UTC range of started_at, so each
 * day costs an index range of that day's calls.
 */
export class InboxStats {
  constructor(private readonly db: AppDatabase) {}

  daily(params: DailyStatsParams, timeZone: string): DailyStats {
    const days = daysBetween(params.from, params.to).map((day) => ({
      day,
      start: startOfDay(day, timeZone).toISOString(),
      end: startOfDay(nextDay(day), timeZone).toISOString(),
    }));
    const values = sql.join(
      days.map((d) => sql`(${d.day}, ${d.start}, ${d.end})`),
      sql`, `,
    );
    const slMs = params.serviceLevelSec * 1000;
    const rows = this.db.all<Counts>(sql`
      with days(day, s, e) as (values ${values})
      select d.day as day, c.team_id as teamId, t.name as teamName,
        count(*) as offered,
        sum(c.outcome = 'answered') as answered,
        sum(c.outcome = 'abandoned') as abandoned,
        sum(c.outcome = 'answered' and c.wait_ms <= ${slMs}) as answeredWithinSl,
        avg(case when c.outcome = 'answered' then c.wait_ms end) / 1000.0 as averageWaitSec,
        avg(case when c.outcome = 'answered' then c.talk_ms end) / 1000.0 as averageTalkSec
      from days d
      join conversations c on c.started_at >= d.s and c.started_at < d.e
      left join teams t on t.id = c.team_id
      where c.queued_at is not null ${params.teamId === undefined ? sql`` : sql`and c.team_id = ${params.teamId}`}
      group by d.day, c.team_id
      order by d.day, t.name, c.team_id`);
    return {
      timeZone,
      serviceLevelSec: params.serviceLevelSec,
      rows: rows.map((row) => {
        const handled = row.answered + row.abandoned;
        return { ...row, serviceLevel: handled === 0 ? null : row.answeredWithinSl / handled };
      }),
    };
  }
}

/** 'YYYY-MM-DD' dates from `from` to `to`, both included. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push(day);
  return days;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant a calendar day begins in `timeZone`: midnight as UTC, moved by the zone's offset
 * found at that instant, then once more in case the first guess fell across a DST change.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const target = Date.parse(`${day}T00:00:00Z`);
  const offsetAt = (instant: number): number => {
    const local = localTime(new Date(instant), timeZone);
    return Date.parse(`${local.date}T${local.time}:00Z`) - Math.floor(instant / 60_000) * 60_000;
  };
  const first = target - offsetAt(target);
  return new Date(target - offsetAt(first));
}
