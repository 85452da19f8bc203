import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAG_COLOR } from '../../../shared/domain/tags.js';
import { inboxTestDb } from '../../../test/support/inbox-test-db.js';

/** What calls leave for the inbox besides their row — voicemail, tags — in a real SQLite file. */
describe('call records', () => {
  it('keeps a voicemail with its file relative to the data folder, unheard, and finds it by id only', () => {
    const t = inboxTestDb();
    const team = t.team('Sales');
    const agent = t.agent('Mina', '201');
    const saved = t.records.saveVoicemail({
      callId: 'c1',
      caller: '01012345678',
      file: join(t.dir.path, 'voicemail', 'a.wav'),
      durationMs: 4200,
      teamId: team,
    });
    expect(t.db.$client.prepare('select file from voicemails').get()).toEqual({
      file: join('voicemail', 'a.wav'),
    });
    expect(t.records.voicemail.list()).toMatchObject([
      {
        callId: 'c1',
        caller: '01012345678',
        durationMs: 4200,
        heard: false,
        teamName: 'Sales',
        assigneeName: null,
      },
    ]);
    expect(t.records.voicemail.file(saved.id)).toBe(join(t.dir.path, 'voicemail', 'a.wav'));
    expect(t.records.voicemail.assign(saved.id, agent)).toMatchObject({
      assigneeId: agent,
      assigneeName: 'Mina',
    });
    expect(t.records.voicemail.markHeard(saved.id, true)?.heard).toBe(true);
    expect(t.records.voicemail.markHeard('00000000-0000-4000-8000-000000000000', true)).toBeUndefined();
    // A stored path that would leave the data folder is never served.
    t.db.$client.prepare("update voicemails set file = '../../etc/passwd'").run();
    expect(t.records.voicemail.file(saved.id)).toBeUndefined();
    t.done();
  });

  it('lists voicemail unheard first, then newest, with filters', () => {
    const t = inboxTestDb();
    const save = (callId: string) =>
      t.records.saveVoicemail({
        callId,
        caller: '010',
        file: join(t.dir.path, `${callId}.wav`),
        durationMs: 1,
        teamId: null,
      });
    const old = save('old');
    save('mid');
    const heardNewest = save('new');
    t.db.$client
      .prepare("update voicemails set created_at = '2026-01-01T00:00:00.000Z' where call_id = 'old'")
      .run();
    t.records.voicemail.markHeard(heardNewest.id, true);
    expect(t.records.voicemail.list().map((v) => v.callId)).toEqual(['mid', 'old', 'new']);
    expect(t.records.voicemail.list({ heard: false }).map((v) => v.callId)).toEqual(['mid', 'old']);
    expect(t.records.voicemail.list({ limit: 1 }).map((v) => v.id)).not.toContain(old.id);
    t.done();
  });

  it('tags a call once per tag, remembers who, and adds new names to the catalogue', () => {
    const t = inboxTestDb();
    t.records.catalogue.save({ name: 'vip', color: '#ff0000' });
    t.records.addTags('c1', ['vip', 'sales', 'vip']);
    expect(t.records.tags.add('c1', ['sales', '예약'], 'agent-1')).toBe(true);
    expect(t.records.tags.of('c1')).toEqual([
      expect.objectContaining({ tag: 'sales', addedBy: null, color: DEFAULT_TAG_COLOR }),
      expect.objectContaining({ tag: 'vip', addedBy: null, color: '#ff0000' }),
      expect.objectContaining({ tag: '예약', addedBy: 'agent-1' }),
    ]);
    t.records.tags.remove('c1', ['vip']);
    expect(t.records.tags.of('c1').map((x) => x.tag)).toEqual(['sales', '예약']);
    expect(t.records.tags.of('c2')).toEqual([]);
    expect(t.records.catalogue.list().map((x) => x.name)).toEqual(['sales', 'vip', '예약']);
    t.done();
  });
});
