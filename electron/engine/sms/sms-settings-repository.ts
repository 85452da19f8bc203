import { eq } from 'drizzle-orm';
import {
  smsSettingsSchema,
  type SmsSettings,
  type SmsSettingsInput,
  type SmsSettingsView,
} from '../../../shared/domain/sms.js';
import type { AppDatabase } from '../store/database.js';
import { settings } from '../store/schema.js';
import type { SecretStore } from '../store/secret-store.js';

/** Under this key in the office settings table; settings.get leaves keys it does not know alone. */
const SETTINGS_KEY = 'sms';
const SECRET_KEY = 'sms:http:secret-header';

export class SmsSecretRequiredError extends Error {
  constructor(readonly header: string) {
    super(`Enter the value of the ${header} header: none is stored yet`);
    this.name = 'SmsSecretRequiredError';
  }
}

/**
 * How text messages leave the office: a JSON row in the settings table, and the gateway's
 * secret header value in the secret store, like a line's password (write-only over the API).
 */
export class SmsSettingsRepository {
  constructor(
    private readonly db: AppDatabase,
    private readonly secrets: SecretStore,
  ) {}

  /** The stored settings; defaults (no provider) when none or unreadable ones are stored. */
  get(): SmsSettings {
    const row = this.db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get();
    let stored: unknown = {};
    try {
      stored = row ? JSON.parse(row.value) : {};
    } catch {
      // A hand-edited, unparsable value: the defaults apply.
    }
    const parsed = smsSettingsSchema.safeParse(stored);
    return parsed.success ? parsed.data : smsSettingsSchema.parse({});
  }

  view(): SmsSettingsView {
    return { ...this.get(), hasSecret: this.secrets.has(SECRET_KEY) };
  }

  /** For the HTTP gateway only; never sent over the API. */
  secret(): string | undefined {
    return this.secrets.get(SECRET_KEY);
  }

  /**
   * Replaces the settings. The secret value is kept when omitted, set when given, and dropped
   * when the provider no longer names a secret header.
   */
  save(input: SmsSettingsInput): SmsSettingsView {
    const { provider, ...delivery } = input;
    let stored: SmsSettings;
    if (provider.kind === 'http') {
      const { secretValue, ...http } = provider;
      if (http.secretHeader !== null && secretValue === undefined && !this.secrets.has(SECRET_KEY))
        throw new SmsSecretRequiredError(http.secretHeader);
      stored = smsSettingsSchema.parse({ ...delivery, provider: http });
      if (http.secretHeader === null) this.secrets.delete(SECRET_KEY);
      else if (secretValue !== undefined) this.secrets.set(SECRET_KEY, secretValue);
    } else {
      stored = smsSettingsSchema.parse({ ...delivery, provider });
      this.secrets.delete(SECRET_KEY);
    }
    const now = new Date().toISOString();
    const json = JSON.stringify(stored);
    this.db
      .insert(settings)
      .values({ key: SETTINGS_KEY, value: json, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
      .run();
    return this.view();
  }
}
