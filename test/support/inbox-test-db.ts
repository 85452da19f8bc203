import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tempDir } from '../fakes/temp-dir.js';
import { CallEventLog } from '../../electron/engine/store/call-event-log.js';
import { CallRecords } from '../../electron/engine/store/call-records.js';
import { ConversationInbox } from '../../electron/engine/store/conversation-inbox.js';
import { openDatabase } from '../../electron/engine/store/database.js';
import { InboxStats } from '../../electron/engine/store/inbox-stats.js';
import { agents, conversations, teams } from '../../electron/engine/store/schema.js';

const migrations = join(import.meta.dirname, '../../resources/migrations');

type ConversationInsert = typeof conversations.$inferInsert;

/** The inbox's stores over one real SQLite file, for tests; `done` removes it. */
export function inboxTestDb() {
  const dir = tempDir();
  const database = openDatabase(join(dir.path, 'switchboard.db'), migrations);
  const { db } = database;
  const records = new CallRecords(db, dir.path);
  const events = new CallEventLog(db);
  const inbox = new ConversationInbox({ db, tags: records.tags, voicemail: records.voicemail, events });
  const created = new Date().toISOString();
  return {
    dir,
    db,
    records,
    events,
    inbox,
    stats: new InboxStats(db),
    team(name: string): string {
      const id = randomUUID();
      db.insert(teams).values({ id, name, createdAt: created }).run();
      return id;
    },
    agent(name: string, extension: string): string {
      const id = randomUUID();
      db.insert(agents).values({ id, name, extension, presenceChangedAt: created, createdAt: created }).run();
      return id;
    },
    conversation(row: Partial<ConversationInsert> & { startedAt: string }): string {
      const id = row.id ?? randomUUID();
      db.insert(conversations)
        .values({ direction: 'inbound', caller: '01012345678', dialled: '0215880000', ...row, id })
        .run();
      return id;
    },
    done(): void {
      database.close();
      dir.remove();
    },
  };
}
