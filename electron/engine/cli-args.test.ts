import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args.js';

describe('switchboard-engine arguments', () => {
  it('defaults to loopback:7040 and SWITCHBOARD_DATA', () => {
    expect(parseCliArgs([], { SWITCHBOARD_DATA: '/srv/sb' })).toEqual({
      dataDir: '/srv/sb',
      host: '127.0.0.1',
      port: 7040,
      configFile: undefined,
      tls: undefined,
    });
  });

  it('takes --data over the environment, and IPv6 hosts in brackets', () => {
    expect(parseCliArgs(['--data', '/a', '--http', '[::1]:0'], { SWITCHBOARD_DATA: '/b' })).toMatchObject({
      dataDir: '/a',
      host: '::1',
      port: 0,
    });
  });

  it('takes TLS files as a pair, resolved from the working folder', () => {
    expect(parseCliArgs(['--tls-cert', 'office.pem', '--tls-key', '/etc/sb/key.pem'], {}).tls).toEqual({
      certFile: resolve('office.pem'),
      keyFile: '/etc/sb/key.pem',
    });
    for (const half of [
      ['--tls-cert', 'office.pem'],
      ['--tls-key', 'key.pem'],
      ['--tls-cert', '', '--tls-key', 'k'],
    ]) {
      expect(() => parseCliArgs(half, {})).toThrow(/--tls-cert and --tls-key go together/);
    }
    expect(() => parseCliArgs(['--tls-cert'], {})).toThrow(CliUsageError);
  });

  it('explains a bad --http or an unknown flag', () => {
    expect(() => parseCliArgs(['--http', '7040'], {})).toThrow(/--http expects HOST:PORT/);
    expect(() => parseCliArgs(['--http', 'localhost:70400'], {})).toThrow(CliUsageError);
    expect(() => parseCliArgs(['--port', '1'], {})).toThrow(CliUsageError);
  });
});
