import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { CallRecords } from './call-records.js';
import { openDatabase } from './database.js';

const migrations = join(import.meta.dirname, '../../../resources/migrations');

/** What calls leave for the inbox, in a real SQLite file. */
function setup() {
  const dir = tempDir();
  const database = openDatabase(join(dir.path, 'switchboard.db'), migrations);
  const records = new CallRecords(database.db, dir.path);
  return {
    dir,
    records,
    done: () => {
      database.close();
      dir.remove();
    },
  };
}

describe('call records', () => {
  it('keeps a voicemail with its file relative to the data folder, unheard', () => {
    const { dir, records, done } = setup();
    records.saveVoicemail({
      callId: 'c1',
      caller: '01012345678',
      file: join(dir.path, 'voicemail', 'a.wav'),
      durationMs: 4200,
      teamId: null,
    });
    expect(records.voicemails()).toMatchObject([
      {
        callId: 'c1',
        caller: '01012345678',
        file: join('voicemail', 'a.wav'),
        durationMs: 4200,
        heard: false,
      },
    ]);
    done();
  });

  it('tags a call once per tag', () => {
    const { records, done } = setup();
    records.addTags('c1', ['vip', 'sales', 'vip']);
    records.addTags('c1', ['sales']);
    expect(records.tagsOf('c1').sort()).toEqual(['sales', 'vip']);
    expect(records.tagsOf('c2')).toEqual([]);
    done();
  });
});
