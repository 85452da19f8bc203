import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { RPC_WS_PATH } from '../../../shared/rpc/wire.js';
import type { RpcServer } from '../../../shared/rpc/server.js';
import { silentLogger } from '../logger.js';
import { isLoopback, startHttpApi } from './http-server.js';

describe('isLoopback', () => {
  it('knows this machine’s own addresses, IPv4 ones also as a dual-stack socket shows them', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.20',
      '::ffff:192.168.1.20',
      '10.127.0.1',
      'fe80::1',
      '',
    ]) {
      expect(isLoopback(host), host).toBe(false);
    }
  });
});

describe('startHttpApi close', () => {
  it('stops even when a client never answers the closing handshake (a PC that vanished)', async () => {
    const attached: string[] = [];
    const rpc = {
      attach: () => {
        attached.push('client');
        return () => undefined;
      },
      emit: () => undefined,
      clientCount: 0,
    } as unknown as RpcServer;
    const api = await startHttpApi({
      host: '127.0.0.1',
      port: 0,
      token: 't0ken',
      rendererDir: tmpdir(),
      rpc,
      logger: silentLogger,
    });
    // A raw client: it upgrades, then reads nothing and answers nothing, as a dead peer would.
    const socket = connect(api.port, '127.0.0.1');
    socket.write(
      `GET ${RPC_WS_PATH}?token=t0ken HTTP/1.1\r\nHost: 127.0.0.1:${api.port}\r\nUpgrade: websocket\r\n` +
        'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise((resolve) => socket.once('data', resolve));
    socket.pause();
    expect(attached).toEqual(['client']);
    const closed = vi.fn();
    const closing = api.close().then(closed);
    // Without a bound on the handshake, ws waits 30 s for the peer before it lets go.
    await vi.waitFor(() => expect(closed).toHaveBeenCalled(), { timeout: 4000 });
    await closing;
    socket.destroy();
  });
});
