import { z } from 'zod';

/** An IANA time zone the runtime knows, e.g. Asia/Seoul. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone; use a name like Asia/Seoul');

/** Office-wide settings. Every field has a default so a new install works as is. */
export const settingsSchema = z.object({
  officeName: z.string().trim().max(80).default(''),
  timeZone: timeZoneSchema.default('Asia/Seoul'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    officeName: settingsSchema.shape.officeName.unwrap(),
    timeZone: timeZoneSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
