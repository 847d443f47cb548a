import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';

/** The tables whose row triggers keep the 看板 rollups (ADR 036, ADR 038, ADR 041). */
const ROLLED_UP = ['cases', 'tasks', 'timeline_events', 'payments', 'hardship_file_history'];

/** Before a bulk load: one upsert per inserted row would cost more than the load itself. */
export async function pauseRollups(db: Kysely<Database>): Promise<void> {
  for (const table of ROLLED_UP) await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db);
}

/** After it: the triggers back on, and the rollups recomputed once from what was loaded. */
export async function resumeRollups(db: Kysely<Database>): Promise<void> {
  for (const table of ROLLED_UP) await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(db);
  await sql`SELECT analytics_rollups_rebuild()`.execute(db);
  await sql`SELECT analytics_department_rollups_rebuild()`.execute(db);
  await sql`SELECT analytics_due_rollups_rebuild()`.execute(db);
}
