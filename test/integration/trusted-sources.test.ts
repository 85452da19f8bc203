import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeSipp, runSipp, SCENARIOS } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import { startOfficeLine, type OfficeLine } from '../support/office-line.js';

/**
 * Only the registrar may send calls to the office line, unless settings.trustedSipSources names
 * another address: a caller straight from 127.0.0.2 is refused with 403 until it is trusted.
 */
describe('who may call the office line', () => {
  let testbed: Testbed;
  let office: OfficeLine | undefined;
  const trusted: string[] = [];
  let contact = '';

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true });
    office = await startOfficeLine(testbed, (call) => void call.answer(), { trustedSources: trusted });
    // Kamailio logs the registration after sending its 200, so the line may know before the log.
    await vi.waitFor(() => {
      contact =
        /TESTBED REGISTERED office contact <sip:office@([\d.]+:\d+)/.exec(testbed.logs('kamailio'))?.[1] ??
        '';
      expect(contact).not.toBe('');
    });
  });
  afterAll(async () => {
    await office?.stop();
    await testbed?.stop();
  });

  const callDirectly = () =>
    runSipp({
      scenario: SCENARIOS.uacDtmf,
      service: 'office',
      remote: contact,
      localIp: '127.0.0.2',
      fromUser: 'scanner',
      dir: testbed.dir,
      timeoutSeconds: 15,
    });

  it('refuses a call that bypasses the registrar with 403', async () => {
    expect(contact).toMatch(/^127\.0\.0\.1:\d+$/);
    const result = await callDirectly();
    expect(result.code, describeSipp(result)).not.toBe(0);
    expect(result.messages).toMatch(/SIP\/2\.0 403 Forbidden/);
  });

  it('accepts it once the address is trusted', async () => {
    trusted.push('127.0.0.2');
    const result = await callDirectly();
    expect(result.code, describeSipp(result)).toBe(0);
  });
});
