import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/domain/settings.js';
import type { AppDatabase } from './database.js';
import { settings } from './schema.js';

/** Reads and writes office settings; unknown or invalid stored keys fall back to defaults. */
export class SettingsRepository {
  constructor(private readonly db: AppDatabase) {}

  get(): Settings {
    const stored: Record<string, unknown> = {};
    for (const row of this.db.select().from(settings).all()) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // A hand-edited, unparsable value: the default applies.
      }
    }
    const whole = settingsSchema.safeParse(stored);
    if (whole.success) return whole.data;
    // Keep the valid keys, default the rest, rather than lose every setting for one bad row.
    const fallback = settingsSchema.parse({});
    for (const key of Object.keys(fallback) as (keyof Settings)[]) {
      const one = settingsSchema.shape[key].safeParse(stored[key]);
      if (one.success) Object.assign(fallback, { [key]: one.data });
    }
    return fallback;
  }

  update(patch: SettingsPatch): Settings {
    const now = new Date().toISOString();
    this.db.transaction((tx) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        const json = JSON.stringify(value);
        tx.insert(settings)
          .values({ key, value: json, updatedAt: now })
          .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
          .run();
      }
    });
    return this.get();
  }
}
