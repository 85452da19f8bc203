import type Database from 'better-sqlite3';

/** How many times calls entered the workflow step `stepId`, from the engine's call_events table. */
export function stepEntries(db: Database.Database, stepId: string): number {
  const row = db
    .prepare("select count(*) as n from call_events where kind = 'entered' and step_id = ?")
    .get(stepId) as { n: number };
  return row.n;
}
