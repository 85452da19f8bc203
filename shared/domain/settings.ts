import { z } from 'zod';
import { phoneNumberSchema } from './line.js';
import { pbxWebSocketUrlSchema } from './phone.js';

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

/** An IPv4 or IPv6 address, as a SIP peer's packets come from. */
export const ipAddressSchema = z.union([z.ipv4(), z.ipv6()]);

/** Office-wide settings. Every field has a default so a new install works as is. */
export const settingsSchema = z.object({
  officeName: z.string().trim().max(80).default(''),
  timeZone: timeZoneSchema.default('Asia/Seoul'),
  /**
   * Addresses besides each line's registrar that may send calls to the engine (a second proxy,
   * an SBC). Anyone else gets 403: SIP scanners on the internet must not reach the IVR.
   */
  trustedSipSources: z.array(ipAddressSchema).max(50).default([]),
  /**
   * The only numbers a workflow's transfer step may dial. Empty: no IVR path can call out at
   * all (toll fraud: a caller must never be able to reach premium or foreign numbers).
   */
  transferAllowList: z
    .array(phoneNumberSchema)
    .max(200)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'Each number only once'),
  /** Where agents' softphones reach the PBX over SIP-over-WebSocket; '' until set. */
  pbxWebSocketUrl: pbxWebSocketUrlSchema.default(''),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    officeName: settingsSchema.shape.officeName.unwrap(),
    timeZone: timeZoneSchema,
    trustedSipSources: settingsSchema.shape.trustedSipSources.unwrap(),
    transferAllowList: settingsSchema.shape.transferAllowList.unwrap(),
    pbxWebSocketUrl: pbxWebSocketUrlSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
