import { z } from 'zod';

const dateSchema = z.iso.date();

/** Days `from`..`to` inclusive, at most 366 of them, in the office's time zone. */
export const dailyStatsParams = z
  .strictObject({
    from: dateSchema,
    to: dateSchema,
    teamId: z.uuid().optional(),
    /** The service level's threshold: answered within this many seconds of being queued. */
    serviceLevelSec: z.number().int().min(1).max(3600).default(20),
  })
  .refine((p) => p.from <= p.to, { message: '`from` is after `to`', path: ['to'] })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < 366, {
    message: 'At most 366 days at a time',
    path: ['to'],
  });
export type DailyStatsParams = z.infer<typeof dailyStatsParams>;

/**
 * One team's queue on one office day (calls counted on the day they started):
 * - offered: calls that entered the team's queue;
 * - answered / abandoned: of those, answered by an agent / given up by the caller while waiting
 *   or ringing (calls that left the queue otherwise — voicemail, callback, no-answer path — are
 *   offered but neither);
 * - averageWaitSec: mean queue time of the answered calls; averageTalkSec: their mean talk time
 *   (null when none);
 * - serviceLevel: answered within `serviceLevelSec` ÷ (answered + abandoned), 0..1, null when
 *   both are 0. Abandoned calls count against it however quickly the caller gave up.
 */
export const dailyStatsRowSchema = z.object({
  day: dateSchema,
  /** null: calls queued for an agent directly, not for a team. */
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  offered: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  answeredWithinSl: z.number().int(),
  averageWaitSec: z.number().nullable(),
  averageTalkSec: z.number().nullable(),
  serviceLevel: z.number().nullable(),
});
export type DailyStatsRow = z.infer<typeof dailyStatsRowSchema>;

export const dailyStatsSchema = z.object({
  timeZone: z.string(),
  serviceLevelSec: z.number().int(),
  /** Days and teams with at least one offered call, by day then team name. */
  rows: z.array(dailyStatsRowSchema),
});
export type DailyStats = z.infer<typeof dailyStatsSchema>;
