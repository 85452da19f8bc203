import { describe, expect, it } from 'vitest';
import { mutateText } from '../../../test/fakes/text-mutations.js';
import {
  type DigestChallenge,
  DigestSession,
  buildAuthorization,
  computeDigestResponse,
  formatNonceCount,
  parseAuthChallenges,
  parseDigestChallenge,
} from './digest-auth.js';
import { SipHeaders, type SipRequest, type SipResponse } from './sip-message.js';

function challenge(value: string): DigestChallenge {
  const parsed = parseDigestChallenge(value);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

/** Splits `Digest a=1, b="2"` into its params, to compare answers without depending on order. */
function fields(authorization: string): Record<string, string> {
  const parsed = parseAuthChallenges(authorization);
  if (!parsed.ok || parsed.value[0] === undefined) throw new Error(`unparseable: ${authorization}`);
  return Object.fromEntries(parsed.value[0].params);
}

describe('parseDigestChallenge', () => {
  it('reads the RFC 2617 §3.5 challenge, folded over lines and with a qop list', () => {
    expect(
      challenge(
        `Digest
                 realm="testrealm@host.com",
                 qop="auth,auth-int",
                 nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",
                 opaque="5ccc069c403ebaf9f0171e9517f40e41"`.replace(/\n\s+/g, ' '),
      ),
    ).toEqual({
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
      algorithm: 'MD5',
      qop: ['auth', 'auth-int'],
      stale: false,
    });
  });

  it('keeps commas and escaped quotes inside quoted strings', () => {
    const c = challenge('Digest realm="Office, \\"Main\\" line", nonce="a,b", stale=TRUE, algorithm=sha-256');
    expect(c).toMatchObject({
      realm: 'Office, "Main" line',
      nonce: 'a,b',
      stale: true,
      algorithm: 'SHA-256',
    });
  });

  it('takes the first Digest challenge it supports from a value holding several', () => {
    const c = challenge(
      'Basic realm="x", Digest realm="r", nonce="1", algorithm=SHA-512-256-sess, qop="auth"',
    );
    expect(c).toMatchObject({ realm: 'r', algorithm: 'SHA-512-256-sess' });
    const parsed = parseAuthChallenges('Digest realm="a", nonce="1", Digest realm="b", nonce="2"');
    expect(parsed.ok && parsed.value.map((x) => x.params.get('realm'))).toEqual(['a', 'b']);
  });

  it.each([
    ['Basic realm="x"', /not Digest/],
    ['Digest nonce="1"', /without realm/],
    ['Digest realm="r"', /without nonce/],
    ['Digest realm="r", nonce="1", algorithm=SHA-1', /unsupported Digest algorithm/],
    ['Digest realm="r", nonce="1", qop="auth-conf"', /no supported qop/],
    ['Digest realm="r, nonce="1"', /expected ","|unterminated/],
    ['Digest realm="r", realm="s", nonce="1"', /twice/],
    ['realm="r"', /before any scheme/],
    ['', /no challenge/],
    ['Digest realm=', /empty value/],
  ])('rejects %j', (value, reason) => {
    const parsed = parseDigestChallenge(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('computeDigestResponse', () => {
  it('matches the RFC 2617 §3.5 example (MD5, qop=auth)', () => {
    const c = challenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    const credentials = { username: 'Mufasa', password: 'Circle Of Life' };
    const target = { method: 'GET', uri: '/dir/index.html' };
    const options = { cnonce: '0a4f113b', nc: 1 };
    expect(computeDigestResponse(c, credentials, target, options)).toBe('6629fae49393a05397450978507c4ef1');
    expect(fields(buildAuthorization(c, credentials, target, options))).toEqual({
      username: 'Mufasa',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      uri: '/dir/index.html',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
      response: '6629fae49393a05397450978507c4ef1',
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
      algorithm: 'MD5',
    });
  });

  it('matches the RFC 7616 §3.9.1 examples (SHA-256 and MD5)', () => {
    const value = (algorithm: string): string =>
      `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`;
    const credentials = { username: 'Mufasa', password: 'Circle of Life' };
    const target = { method: 'GET', uri: '/dir/index.html' };
    const options = { cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ', nc: 1 };
    expect(computeDigestResponse(challenge(value('SHA-256')), credentials, target, options)).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
    expect(computeDigestResponse(challenge(value('MD5')), credentials, target, options)).toBe(
      '8ca523f5e9506fed4657c9700eebdbec',
    );
  });

  // Expected values computed by hand with coreutils/openssl, e.g. for the first:
  //   HA1=$(printf 'agent1:127.0.0.1:agent1pw' | md5sum)   HA2=$(printf 'REGISTER:sip:127.0.0.1' | md5sum)
  //   printf "$HA1:Zg5Xq2YOVn/Jk8Nv4m3tPqkxS7b9yE1a:00000001:6b8b4567327b23c6:auth:$HA2" | md5sum
  const kamailio =
    'Digest realm="127.0.0.1", nonce="Zg5Xq2YOVn/Jk8Nv4m3tPqkxS7b9yE1a", qop="auth", algorithm=MD5';
  const agent1 = { username: 'agent1', password: 'agent1pw' };

  it('answers a Kamailio challenge (qop=auth)', () => {
    const authorization = buildAuthorization(
      challenge(kamailio),
      agent1,
      { method: 'REGISTER', uri: 'sip:127.0.0.1' },
      { cnonce: '6b8b4567327b23c6', nc: 1 },
    );
    expect(authorization).toBe(
      'Digest username="agent1", realm="127.0.0.1", nonce="Zg5Xq2YOVn/Jk8Nv4m3tPqkxS7b9yE1a", uri="sip:127.0.0.1", ' +
        'response="99975aff77a17c80ec76cdcf8d816ab4", algorithm=MD5, cnonce="6b8b4567327b23c6", qop=auth, nc=00000001',
    );
  });

  it('answers the test-bed Kamailio challenge without qop (RFC 2069 form, www_challenge flags 0)', () => {
    const c = challenge('Digest realm="127.0.0.1", nonce="Zg5Xq2YOVn/Jk8Nv4m3tPqkxS7b9yE1a"');
    const target = { method: 'INVITE', uri: 'sip:agent2@127.0.0.1' };
    expect(computeDigestResponse(c, agent1, target, { cnonce: 'unused', nc: 1 })).toBe(
      '8513c181a012fb18ab5dedc991b0af97',
    );
    const f = fields(buildAuthorization(c, agent1, target, { cnonce: 'unused', nc: 1 }));
    expect(f).not.toHaveProperty('qop');
    expect(f).not.toHaveProperty('cnonce');
    expect(f).not.toHaveProperty('nc');
  });

  it('computes SHA-512-256 and MD5-sess with auth-int (RFC 7616 §3.4.2, §3.4.3)', () => {
    const sha = challenge('Digest realm="127.0.0.1", nonce="n0nce", qop="auth", algorithm=SHA-512-256');
    expect(
      computeDigestResponse(
        sha,
        agent1,
        { method: 'REGISTER', uri: 'sip:127.0.0.1' },
        { cnonce: 'c1', nc: 1 },
      ),
    ).toBe('8167800ecf8d5cbf9e75b74521313bd28b4a07acf33ee267afc775571158bd6a');
    const sess = challenge('Digest realm="127.0.0.1", nonce="n0nce", qop="auth-int", algorithm=MD5-sess');
    const target = { method: 'MESSAGE', uri: 'sip:office@127.0.0.1', body: 'hello' };
    expect(computeDigestResponse(sess, agent1, target, { cnonce: 'c1', nc: 1 })).toBe(
      'a5419ef080488f31b930a334107896c5',
    );
  });

  it('quotes what it echoes, so a hostile realm cannot break the header', () => {
    const c = challenge('Digest realm="a\\"b", nonce="n"');
    const authorization = buildAuthorization(
      c,
      { username: 'x"y', password: 'p' },
      { method: 'BYE', uri: 'sip:a@b' },
      {
        cnonce: 'c',
        nc: 1,
      },
    );
    expect(fields(authorization)).toMatchObject({ username: 'x"y', realm: 'a"b' });
  });

  it('writes the nonce count as 8 hex digits', () => {
    expect([formatNonceCount(1), formatNonceCount(255), formatNonceCount(0xffffffff)]).toEqual([
      '00000001',
      '000000ff',
      'ffffffff',
    ]);
  });
});

describe('DigestSession', () => {
  let cnonces = 0;
  const session = (): DigestSession => new DigestSession(agent1(), { newCnonce: () => `cnonce${++cnonces}` });
  const agent1 = (): { username: string; password: string } => ({ username: 'agent1', password: 'agent1pw' });

  function response(status: number, challenges: [name: string, value: string][]): SipResponse {
    return {
      kind: 'response',
      status,
      reason: 'Unauthorized',
      headers: SipHeaders.from(challenges),
      body: '',
    };
  }
  function register(): SipRequest {
    return {
      kind: 'request',
      method: 'REGISTER',
      uri: 'sip:127.0.0.1',
      headers: SipHeaders.from([['call-id', 'r1']]),
      body: '',
    };
  }
  const kamailio = (nonce: string, extra = ''): string =>
    `Digest realm="127.0.0.1", nonce="${nonce}", qop="auth", algorithm=MD5${extra}`;

  it('reuses the nonce with an incrementing nc until the next challenge', () => {
    const s = session();
    expect(s.authorize({ method: 'REGISTER', uri: 'sip:127.0.0.1' })).toEqual([]);
    expect(s.handleChallenge(response(401, [['www-authenticate', kamailio('n1')]]))).toEqual({
      ok: true,
      stale: false,
    });

    const first = s.authorize({ method: 'REGISTER', uri: 'sip:127.0.0.1' });
    const second = s.authorize({ method: 'INVITE', uri: 'sip:agent2@127.0.0.1' });
    expect(first.map((h) => h.name)).toEqual(['authorization']);
    const [a, b] = [fields(first[0]?.value ?? ''), fields(second[0]?.value ?? '')];
    expect([a.nonce, a.nc, b.nonce, b.nc]).toEqual(['n1', '00000001', 'n1', '00000002']);
    expect(a.cnonce).toBe(b.cnonce);

    expect(s.handleChallenge(response(401, [['www-authenticate', kamailio('n2', ', stale=true')]]))).toEqual({
      ok: true,
      stale: true,
    });
    const third = fields(s.authorize({ method: 'REGISTER', uri: 'sip:127.0.0.1' })[0]?.value ?? '');
    expect([third.nonce, third.nc]).toEqual(['n2', '00000001']);
    expect(third.cnonce).not.toBe(a.cnonce);
  });

  it('refuses a repeated challenge for a nonce it already answered: the password is wrong', () => {
    const s = session();
    s.handleChallenge(response(401, [['www-authenticate', kamailio('n1')]]));
    s.authorize({ method: 'REGISTER', uri: 'sip:127.0.0.1' });
    const outcome = s.handleChallenge(response(401, [['www-authenticate', kamailio('n1')]]));
    expect(outcome).toEqual({ ok: false, reason: 'credentials for realm "127.0.0.1" were refused' });
    expect(s.authorize({ method: 'REGISTER', uri: 'sip:127.0.0.1' })).toEqual([]);
  });

  it('accepts the same nonce again when marked stale, or when never used', () => {
    const s = session();
    s.handleChallenge(response(401, [['www-authenticate', kamailio('n1')]]));
    expect(s.handleChallenge(response(401, [['www-authenticate', kamailio('n1')]])).ok).toBe(true);
    s.authorize({ method: 'REGISTER', uri: 'sip:127.0.0.1' });
    expect(s.handleChallenge(response(401, [['www-authenticate', kamailio('n1', ', stale=true')]])).ok).toBe(
      true,
    );
  });

  it('answers a 407 with Proxy-Authorization, and keeps realms apart', () => {
    const s = session();
    s.handleChallenge(response(401, [['www-authenticate', kamailio('n1')]]));
    s.handleChallenge(response(407, [['proxy-authenticate', 'Digest realm="proxy.example", nonce="p1"']]));
    const headers = s.authorize({ method: 'INVITE', uri: 'sip:agent2@127.0.0.1' });
    expect(headers.map((h) => [h.name, fields(h.value).realm])).toEqual([
      ['authorization', '127.0.0.1'],
      ['proxy-authorization', 'proxy.example'],
    ]);
  });

  it('takes the topmost supported challenge per realm (RFC 8760 §2.4)', () => {
    const s = session();
    const outcome = s.handleChallenge(
      response(401, [
        ['www-authenticate', 'Digest realm="r", nonce="x", algorithm=SHA-1'],
        ['www-authenticate', 'Digest realm="r", nonce="s", algorithm=SHA-256, qop="auth"'],
        ['www-authenticate', 'Digest realm="r", nonce="m", algorithm=MD5, qop="auth"'],
      ]),
    );
    expect(outcome.ok).toBe(true);
    const f = fields(s.authorize({ method: 'REGISTER', uri: 'sip:r' })[0]?.value ?? '');
    expect([f.algorithm, f.nonce, f.response?.length]).toEqual(['SHA-256', 's', 64]);
  });

  it('explains why it cannot answer', () => {
    const s = session();
    expect(s.handleChallenge(response(200, []))).toEqual({
      ok: false,
      reason: 'status 200 is not a challenge',
    });
    expect(s.handleChallenge(response(401, []))).toEqual({ ok: false, reason: 'no www-authenticate header' });
    expect(s.handleChallenge(response(401, [['www-authenticate', 'Basic realm="x"']]))).toMatchObject({
      ok: false,
    });
    expect(s.handleChallenge(response(407, [['www-authenticate', kamailio('n')]]))).toEqual({
      ok: false,
      reason: 'no proxy-authenticate header',
    });
  });

  it('replaces old credentials on a request it re-sends', () => {
    const s = session();
    s.handleChallenge(response(401, [['www-authenticate', kamailio('n1')]]));
    const request = register();
    s.applyTo(request);
    s.applyTo(request);
    const values = [...request.headers].filter(([name]) => name === 'authorization');
    expect(values).toHaveLength(1);
    expect(fields(values[0]?.[1] ?? '').nc).toBe('00000002');
    s.reset();
    s.applyTo(request);
    expect(request.headers.has('authorization')).toBe(false);
  });
});

describe('parseAuthChallenges: fuzz', () => {
  it('never throws on mutated challenges', () => {
    const seedText =
      'Digest realm="a, \\"b\\"", nonce="n", qop="auth,auth-int", stale=true, Digest realm=x, nonce=y';
    for (const text of mutateText(seedText, [...'",=\\ \tD\u0000;'], 5_000, 5)) {
      const parsed = parseDigestChallenge(text);
      if (parsed.ok)
        buildAuthorization(
          parsed.value,
          { username: 'u', password: 'p' },
          { method: 'X', uri: 'sip:x' },
          { cnonce: 'c', nc: 1 },
        );
    }
  });
});
