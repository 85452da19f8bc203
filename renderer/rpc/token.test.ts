import { describe, expect, it } from 'vitest';
import {
  forgetToken,
  takeToken,
  tokenFromFragment,
  TOKEN_STORAGE_KEY,
  type TokenEnvironment,
} from './token.js';
import { rpcWebSocketUrl } from './websocket-url.js';

const token = 'q8Vd2-Hk_3xZ0pLmN4bC7aR1sT6uY9wE5fG0hJ2kL3m';

describe('tokenFromFragment', () => {
  it('reads the token of the engine link', () => {
    expect(tokenFromFragment(`#token=${token}`)).toBe(token);
    expect(tokenFromFragment(`token=${token}`)).toBe(token);
    expect(tokenFromFragment(`#lang=ko&token=${token}`)).toBe(token);
  });

  it('finds none in an empty fragment, a router path or an empty value', () => {
    expect(tokenFromFragment('')).toBeUndefined();
    expect(tokenFromFragment('#')).toBeUndefined();
    expect(tokenFromFragment('#/settings')).toBeUndefined();
    expect(tokenFromFragment('#/settings?token=abc')).toBeUndefined();
    expect(tokenFromFragment('#token=')).toBeUndefined();
    expect(tokenFromFragment('#token=%20')).toBeUndefined();
    expect(tokenFromFragment('#other=1')).toBeUndefined();
  });

  it('decodes percent-escapes', () => {
    expect(tokenFromFragment('#token=a%2Db')).toBe('a-b');
  });
});

function environment(hash: string, stored?: string) {
  const storage = new Map<string, string>(stored === undefined ? [] : [[TOKEN_STORAGE_KEY, stored]]);
  const urls: string[] = [];
  const env: TokenEnvironment = {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_state, _title, url) => urls.push(String(url)) },
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    },
  };
  return { env, storage, urls };
}

describe('takeToken', () => {
  it('keeps the token from the link and takes it off the address bar', () => {
    const { env, storage, urls } = environment(`#token=${token}`);
    expect(takeToken(env)).toBe(token);
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe(token);
    expect(urls).toEqual(['/']);
  });

  it('uses the kept token on a reload, without touching the address bar', () => {
    const { env, urls } = environment('#/settings', token);
    expect(takeToken(env)).toBe(token);
    expect(urls).toEqual([]);
  });

  it('prefers a new link over a kept token', () => {
    const { env, storage } = environment('#token=newer-token', token);
    expect(takeToken(env)).toBe('newer-token');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('newer-token');
  });

  it('has nothing without a link or a kept token, and survives missing storage', () => {
    expect(takeToken(environment('').env)).toBeUndefined();
    const { env } = environment(`#token=${token}`);
    expect(takeToken({ ...env, storage: undefined })).toBe(token);
  });

  it('forgets a refused token', () => {
    const { env, storage } = environment('', token);
    forgetToken(env.storage);
    expect(storage.has(TOKEN_STORAGE_KEY)).toBe(false);
  });
});

describe('rpcWebSocketUrl', () => {
  it('uses the page origin, the /rpc path and the token', () => {
    expect(rpcWebSocketUrl({ protocol: 'http:', host: '127.0.0.1:4173' }, token)).toBe(
      `ws://127.0.0.1:4173/rpc?token=${token}`,
    );
    expect(rpcWebSocketUrl({ protocol: 'https:', host: 'office.lan' }, 'a+b')).toBe(
      'wss://office.lan/rpc?token=a%2Bb',
    );
  });
});
