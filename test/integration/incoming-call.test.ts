import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callOffice, describeSipp, SCENARIOS } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import { tempDir } from '../fakes/temp-dir.js';
import type { EngineProcess } from '../support/engine-process.js';
import { startOfficeEngine } from '../support/office-engine.js';

/**
 * A caller (SIPp) dials the office line through the PBX (Kamailio, with digest auth); the engine
 * answers, plays its greeting, hears RFC 4733 digits exactly once each, and ends the call on BYE.
 * Over TCP the engine has no UDP socket at all, so the INVITE can only have come over the
 * connection its REGISTER opened (RFC 3261 §18, RFC 5626 §5.3).
 */
describe.each(['udp', 'tcp'] as const)('the engine answers a call on an office line over %s', (transport) => {
  let testbed: Testbed;
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess | undefined;

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true });
    dir = tempDir();
    engine = await startOfficeEngine(testbed, dir.path, { transport });
  });
  afterAll(async () => {
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  it('answers, takes digits 1 2 3 # by RFC 4733 once each, and ends on the caller’s BYE', async () => {
    const result = await callOffice(testbed);
    expect(result.code, describeSipp(result)).toBe(0);
    const log = engine?.stderr() ?? '';
    const digits = [...log.matchAll(/digit received \{"callId":"[^"]+","digit":"(.)","via":"(\w+)"\}/g)].map(
      (m) => `${m[1]}/${m[2]}`,
    );
    expect(digits).toEqual(['1/rfc4733', '2/rfc4733', '3/rfc4733', '#/rfc4733']);
    // Call.collectDigits: the keys make one entry, ended by '#'.
    expect(log).toMatch(/entry collected \{"callId":"[^"]+","digits":"123","status":"ok"\}/);
    expect(log).toMatch(/call received \{[^}]*"caller":"caller1","dialled":"office"/);
    // The engine logs the end just after it answered the BYE, which SIPp may beat.
    await vi.waitFor(() => expect(engine?.stderr()).toMatch(/call ended \{[^}]*"reason":"caller-hung-up"/));
    // The 200 carried our SDP answer and the caller's ACK reached us (no 200 retransmission storm).
    expect(result.messages).toMatch(/SIP\/2\.0 200 OK[\s\S]*m=audio \d+ RTP\/AVP 8 101/);
  });

  it('offers in its 200 when the INVITE has no SDP, and takes the answer from the ACK', async () => {
    const before = (engine?.stderr() ?? '').length;
    const result = await callOffice(testbed, { scenario: SCENARIOS.uacLateOffer });
    expect(result.code, describeSipp(result)).toBe(0);
    expect(result.messages).toMatch(/SIP\/2\.0 200 OK[\s\S]*m=audio \d+ RTP\/AVP 0 8 101/);
    const log = (engine?.stderr() ?? '').slice(before);
    const digits = [...log.matchAll(/"digit":"(.)","via":"(\w+)"/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(digits).toEqual(['1/rfc4733', '2/rfc4733', '3/rfc4733', '#/rfc4733']);
    // Call.collectDigits: the keys make one entry, ended by '#'.
    expect(log).toMatch(/entry collected \{"callId":"[^"]+","digits":"123","status":"ok"\}/);
  });
});
