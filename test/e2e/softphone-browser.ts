import { expect, type Page } from '@playwright/test';

/**
 * Debian's Chromium for the softphone specs: fake microphone and camera, no permission prompt,
 * and ICE on loopback (TESTBED.md pitfall 2: without it SIP says "established" and no media flows).
 */
export const softphoneLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--allow-loopback-in-peer-connection',
    '--autoplay-policy=no-user-gesture-required',
  ],
};

/**
 * Collects every RTCPeerConnection the page makes, for getStats: a probe of the test, not part
 * of the app. (Strings: this file is type-checked without the DOM library.)
 */
export const PEER_CONNECTION_PROBE = `
  window.__pcs = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config) { super(config); window.__pcs.push(this); }
  };
`;

/** Audio packets sent and received so far on the page's peer connections, and the last local SDP. */
export async function mediaCounters(page: Page): Promise<{ sent: number; received: number; sdp: string }> {
  return page.evaluate(`(async () => {
    let sent = 0, received = 0;
    for (const pc of window.__pcs) {
      (await pc.getStats()).forEach((r) => {
        if (r.type === 'outbound-rtp' && r.kind === 'audio') sent += r.packetsSent ?? 0;
        if (r.type === 'inbound-rtp' && r.kind === 'audio') received += r.packetsReceived ?? 0;
      });
    }
    return { sent, received, sdp: window.__pcs.at(-1)?.localDescription?.sdp ?? '' };
  })()`);
}

/** Audio flows both ways: WebRTC packet counters grow in and out over 1.5 s. */
export async function expectMediaBothWays(page: Page): Promise<void> {
  const first = await mediaCounters(page);
  await page.waitForTimeout(1500);
  const later = await mediaCounters(page);
  expect(later.sent, 'packets sent grow').toBeGreaterThan(first.sent + 25);
  expect(later.received, 'packets received grow').toBeGreaterThan(first.received + 25);
}
