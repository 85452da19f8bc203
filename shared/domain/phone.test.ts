import { describe, expect, it } from 'vitest';
import { pbxWebSocketUrlSchema } from './phone.js';

describe('pbxWebSocketUrlSchema', () => {
  it('takes ws:// and wss:// URLs or nothing, and refuses the rest', () => {
    for (const good of ['', 'ws://127.0.0.1:8080', 'wss://pbx.example.com:8089/ws', ' WSS://pbx/ws?x=1 ']) {
      expect(pbxWebSocketUrlSchema.safeParse(good).success, good).toBe(true);
    }
    for (const bad of ['http://pbx:8080', 'ws://', 'pbx.example.com', 'ws://user@pbx', 'ws://pbx /x']) {
      expect(pbxWebSocketUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
