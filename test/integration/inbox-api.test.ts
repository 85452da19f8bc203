import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { engineWithApi } from '../support/engine-api.js';

/**
 * The inbox through the real engine's API and HTTP port. Calls are not placed here (the call
 * tests do that): the test writes conversation and voicemail rows into the engine's own SQLite
 * file, as the call lifecycle would, then reads, edits and fetches them as a client does.
 */
describe('inbox over the API', () => {
  const running = engineWithApi();
  const callId = randomUUID();
  const voicemailId = randomUUID();
  /** 1000 bytes the route must send back exactly, whole or in ranges. */
  const audio = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

  const seed = (): void => {
    const db = new Database(join(running.dir, 'switchboard.db'));
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `insert into conversations (id, direction, caller, dialled, outcome, started_at, queued_at, wait_ms, notes)
       values (?, 'inbound', '01055557777', '0215880000', 'voicemail', ?, ?, 4000, '')`,
    ).run(callId, '2026-03-10T01:00:00.000Z', '2026-03-10T01:00:05.000Z');
    mkdirSync(join(running.dir, 'voicemail'), { recursive: true });
    writeFileSync(join(running.dir, 'voicemail', 'vm.wav'), audio);
    db.prepare(
      `insert into voicemails (id, call_id, caller, file, duration_ms, created_at) values (?, ?, '01055557777', ?, 1500, ?)`,
    ).run(voicemailId, callId, join('voicemail', 'vm.wav'), '2026-03-10T01:01:00.000Z');
    db.prepare(
      `insert into voicemails (id, call_id, caller, file, duration_ms, created_at) values (?, ?, '010', 'voicemail/gone.wav', 1, ?)`,
    ).run(randomUUID().replace(/^./, '0'), callId, '2026-03-10T01:02:00.000Z');
    db.close();
  };

  const get = (
    path: string,
    headers: Record<string, string> = {},
    method = 'GET',
  ): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const req = request(`${running.engine.origin}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    });

  it('lists, searches, tags, notes and assigns a conversation, pushing each change', async () => {
    seed();
    const page = await running.api.result<{ items: { id: string }[] }>('conversations.list', {
      text: '5557',
    });
    expect(page.items.map((i) => i.id)).toEqual([callId]);
    const agent = await running.api.result<{ id: string }>('agents.save', { name: 'Mina', extension: '201' });

    const tagged = await running.api.result('conversations.tag', {
      id: callId,
      add: ['예약', 'vip'],
      agentId: agent.id,
    });
    expect(tagged.tags).toEqual([
      expect.objectContaining({ tag: 'vip', addedBy: agent.id }),
      expect.objectContaining({ tag: '예약', addedBy: agent.id }),
    ]);
    await running.api.waitFor((f) => f.t === 'evt' && f.name === 'tags.changed');
    expect((await running.api.result<{ name: string }[]>('tags.list', {})).map((t) => t.name)).toEqual([
      'vip',
      '예약',
    ]);
    await running.api.result('conversations.note', { id: callId, notes: 'Wants a Saturday slot' });
    const assigned = await running.api.result('conversations.assign', { id: callId, assigneeId: agent.id });
    expect(assigned).toMatchObject({ notes: 'Wants a Saturday slot', assigneeName: 'Mina' });
    await running.api.waitFor(
      (f) =>
        f.t === 'evt' &&
        f.name === 'conversations.changed' &&
        (f.payload as { assigneeId?: string }).assigneeId === agent.id,
    );
    const byTag = await running.api.result<{ items: { id: string }[] }>('conversations.list', {
      tag: '예약',
      text: 'saturday',
    });
    expect(byTag.items.map((i) => i.id)).toEqual([callId]);

    const detail = await running.api.result('conversations.get', { id: callId });
    expect(detail).toMatchObject({
      id: callId,
      voicemails: [{ id: expect.any(String) }, { id: voicemailId }],
    });
    const missing = await running.api.call('conversations.get', { id: 'nope' });
    expect(missing).toMatchObject({ t: 'err', error: { code: 'NOT_FOUND' } });
  });

  it('marks voicemail heard and gives its audio path', async () => {
    const heard = await running.api.result('voicemails.markHeard', { id: voicemailId, heard: true });
    expect(heard).toMatchObject({ id: voicemailId, heard: true });
    const unheard = await running.api.result<{ id: string }[]>('voicemails.list', { heard: false });
    expect(unheard.map((v) => v.id)).not.toContain(voicemailId);
    const media = await running.api.result('voicemails.audio', { id: voicemailId });
    expect(media).toEqual({
      path: `/media/voicemail/${voicemailId}`,
      mimeType: 'audio/wav',
      durationMs: 1500,
    });
  });

  it('serves the audio with the token only, whole or by byte range (RFC 9110 §14)', async () => {
    const path = `/media/voicemail/${voicemailId}`;
    const token = `?token=${running.engine.token}`;
    expect((await get(path)).status).toBe(401);
    expect((await get(`${path}?token=wrong`)).status).toBe(401);
    expect((await get(`${path}${token}`, { Origin: 'http://evil.example' })).status).toBe(401);

    const whole = await get(`${path}${token}`);
    expect(whole.status).toBe(200);
    expect(whole.headers).toMatchObject({
      'content-type': 'audio/wav',
      'accept-ranges': 'bytes',
      'content-length': '1000',
    });
    expect(whole.body.equals(audio)).toBe(true);

    const bearer = { Authorization: `Bearer ${running.engine.token}` };
    const middle = await get(path, { ...bearer, Range: 'bytes=100-199' });
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe('bytes 100-199/1000');
    expect(middle.body.equals(audio.subarray(100, 200))).toBe(true);
    const tail = await get(path, { ...bearer, Range: 'bytes=-10' });
    expect([tail.status, tail.headers['content-range']]).toEqual([206, 'bytes 990-999/1000']);
    expect(tail.body.equals(audio.subarray(990))).toBe(true);
    const open = await get(path, { ...bearer, Range: 'bytes=900-' });
    expect(open.body.equals(audio.subarray(900))).toBe(true);
    const past = await get(path, { ...bearer, Range: 'bytes=1000-' });
    expect([past.status, past.headers['content-range']]).toEqual([416, 'bytes */1000']);
    const head = await get(path, bearer, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, '1000', 0]);

    const gone = (await running.api.result<{ id: string }[]>('voicemails.list', {})).find(
      (v) => v.id !== voicemailId,
    )!;
    const missingFile = await get(`/media/voicemail/${gone.id}`, bearer);
    expect([missingFile.status, missingFile.body.toString()]).toEqual([
      404,
      'The audio file of this message is missing from the data folder',
    ]);
    expect((await get(`/media/voicemail/${randomUUID()}`, bearer)).status).toBe(404);
    expect((await get('/media/voicemail/..%2F..%2Fswitchboard.db', bearer)).status).toBe(404);
  });

  it('keeps serving after a client hangs up mid-file', async () => {
    await new Promise<void>((resolve) => {
      const req = request(
        `${running.engine.origin}/media/voicemail/${voicemailId}?token=${running.engine.token}`,
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => undefined);
      req.end();
    });
    const again = await get(`/media/voicemail/${voicemailId}?token=${running.engine.token}`);
    expect(again.body.equals(audio)).toBe(true);
    expect((await running.api.result('system.status', {})).version).toBeDefined();
  });
});
