import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { smsSettingsInputSchema } from '../../../shared/domain/sms.js';
import { testDatabase, type TestDatabase } from '../../../test/fakes/test-database.js';
import { plainFileCipher, SecretStore } from '../store/secret-store.js';
import { SettingsRepository } from '../store/settings-repository.js';
import { SmsSecretRequiredError, SmsSettingsRepository } from './sms-settings-repository.js';

const http = (fields: Record<string, unknown>) =>
  smsSettingsInputSchema.parse({
    provider: {
      kind: 'http',
      url: 'https://gw.example.com/send',
      bodyTemplate: '{"to":"{{to}}"}',
      ...fields,
    },
  });
const issues = (input: unknown) =>
  smsSettingsInputSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('SMS settings', () => {
  let database: TestDatabase;
  let repository: SmsSettingsRepository;

  beforeEach(() => {
    database = testDatabase();
    repository = new SmsSettingsRepository(
      database.db,
      new SecretStore(join(database.dir, 'secrets.json'), plainFileCipher),
    );
  });

  it('starts with no provider, five attempts and a 30 s first retry', () => {
    expect(repository.view()).toEqual({
      provider: { kind: 'none' },
      from: '',
      maxAttempts: 5,
      retryBaseSec: 30,
      timeoutSec: 15,
      hasSecret: false,
    });
  });

  it('keeps the secret header value write-only: stored, flagged, kept when omitted, never shown', () => {
    const saved = repository.save(http({ secretHeader: 'X-Api-Key', secretValue: 'k-123' }));
    expect(saved.hasSecret).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('k-123');
    expect(repository.save(http({ secretHeader: 'X-Api-Key' })).hasSecret).toBe(true);
    expect(repository.secret()).toBe('k-123');
    expect(repository.save(http({ secretHeader: null })).hasSecret).toBe(false);
    expect(() => repository.save(http({ secretHeader: 'Authorization' }))).toThrow(SmsSecretRequiredError);
  });

  it('lives beside the office settings without changing them', () => {
    const office = new SettingsRepository(database.db);
    const before = office.get();
    repository.save(http({}));
    expect(office.get()).toEqual(before);
    office.update({ officeName: 'Dental' });
    expect(repository.get().provider.kind).toBe('http');
  });

  it('refuses addresses that are not http(s), unknown placeholders and bodies that are not JSON', () => {
    expect(issues({ provider: { kind: 'http', url: 'ftp://gw.example.com' } })).toContain(
      'Use an http:// or https:// address',
    );
    expect(
      issues({ provider: { kind: 'http', url: 'https://gw', bodyTemplate: '{"m":"{{message}}"}' } }),
    ).toEqual(['Unknown placeholder {{message}}; use {{to}}, {{text}}, {{from}}, {{id}}']);
    expect(
      issues({ provider: { kind: 'http', url: 'https://gw', bodyTemplate: '{"to": {{to}}}' } })[0],
    ).toMatch(/not valid JSON/);
    expect(
      issues({ provider: { kind: 'http', url: 'https://gw', format: 'form', bodyTemplate: 'to={{to}}' } }),
    ).toEqual([]);
    expect(issues({ retryBaseSec: 0 })).toHaveLength(1);
    expect(
      issues({
        provider: { kind: 'http', url: 'https://gw', headers: [{ name: 'X-A', value: 'a\r\nEvil: 1' }] },
      }),
    ).toEqual(['A header value is one line']);
  });
});
