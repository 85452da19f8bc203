import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './cli-args.js';

describe('switchboard-engine arguments', () => {
  it('defaults to loopback:7040 and SWITCHBOARD_DATA', () => {
    expect(parseCliArgs([], { SWITCHBOARD_DATA: '/srv/sb' })).toEqual({
      dataDir: '/srv/sb',
      host: '127.0.0.1',
      port: 7040,
      configFile: undefined,
    });
  });

  it('takes --data over the environment, and IPv6 hosts in brackets', () => {
    expect(parseCliArgs(['--data', '/a', '--http', '[::1]:0'], { SWITCHBOARD_DATA: '/b' })).toMatchObject({
      dataDir: '/a',
      host: '::1',
      port: 0,
    });
  });

  it('explains a bad --http or an unknown flag', () => {
    expect(() => parseCliArgs(['--http', '7040'], {})).toThrow(/--http expects HOST:PORT/);
    expect(() => parseCliArgs(['--http', 'localhost:70400'], {})).toThrow(CliUsageError);
    expect(() => parseCliArgs(['--port', '1'], {})).toThrow(CliUsageError);
  });
});
