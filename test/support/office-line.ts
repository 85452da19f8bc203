import { vi } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { IncomingCall } from '../../build/electron/engine/call/incoming-call.js';
import { systemClock } from '../../build/electron/engine/clock.js';
import { MediaHost } from '../../build/electron/engine/media/media-host.js';
import { LineAgent } from '../../build/electron/engine/sip/line-agent.js';
import type { Testbed } from '../pbx/testbed.js';

export interface OfficeLine {
  readonly line: LineAgent;
  readonly media: MediaHost;
  stop(): Promise<void>;
}

/**
 * The engine's SIP user agent for line 'office', in-process, registered at the test bed, with
 * `onCall` deciding what each call does: for tests of call features (bridge, transfer,
 * voicemail) that no API drives yet.
 */
export async function startOfficeLine(
  testbed: Testbed,
  onCall: (call: IncomingCall) => void,
  options: { trustedSources?: string[]; handoff?: 'bridge' | 'refer' } = {},
): Promise<OfficeLine> {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const media = new MediaHost(logger);
  let registered: () => void = () => undefined;
  const isRegistered = new Promise<void>((resolve) => (registered = resolve));
  const line = new LineAgent({
    account: {
      id: 'line-1',
      displayName: 'Office',
      registrar: testbed.proxyAddress,
      username: 'office',
      authUsername: null,
      password: testbed.users.office,
      transport: 'udp',
    },
    clock: systemClock,
    logger,
    media,
    onStatus: (status) => {
      if (status.state === 'registered') registered();
    },
    onCall,
    trustedSources: () => options.trustedSources ?? [],
    handoff: () => options.handoff ?? 'bridge',
  });
  await line.start();
  await isRegistered;
  return {
    line,
    media,
    async stop() {
      await line.stop();
      await media.shutdown();
    },
  };
}
