import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';

/** The cheapest round trip: resolves when PostgreSQL answers, rejects when it does not. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
