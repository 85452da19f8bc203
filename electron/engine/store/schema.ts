import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The source of truth for the database; `npm run db:generate` turns changes into SQL
 * migrations under resources/migrations, which are committed and applied at start.
 */

/** Office-wide settings, one row per key; values are JSON validated by shared/domain/settings. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

/** SIP accounts of the office line. Passwords are not here: they live in the secret store. */
export const lines = sqliteTable('lines', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  registrar: text('registrar').notNull(),
  username: text('username').notNull(),
  authUsername: text('auth_username'),
  transport: text('transport', { enum: ['udp', 'tcp'] }).notNull(),
  handoff: text('handoff', { enum: ['bridge', 'refer'] })
    .notNull()
    .default('bridge'),
  /** JSON array of dialled numbers this account receives. */
  numbers: text('numbers', { mode: 'json' }).$type<string[]>().notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
