import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * The inbox counts (ADR 040) read one user's open candidate rows from an index alone, and the
 * "claimed by me" count from the few claimed tasks, instead of visiting every open task's row: at 10M
 * tasks a reviewer with hundreds of open tasks paid one heap and one task lookup per task on every
 * inbox request. Both indexes are partial and additive; no query depends on them for correctness.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS task_candidates_counts_idx ON task_candidates (user_id)
    INCLUDE (due_at, on_behalf_of) WHERE open`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS tasks_claimed_idx ON tasks (assignee_id) WHERE status = 'claimed'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS tasks_claimed_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS task_candidates_counts_idx`.execute(db);
}
