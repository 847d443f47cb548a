import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the 看板 (ADR 029). Every board reads one process's cases started in a date range (the
 * cohort), the ones that ended in it, the steps open now, and money paid in it; each gets an index that
 * reads only those rows, so a board's cost follows the range asked for, not the size of the tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX IF NOT EXISTS cases_process_started_idx ON cases (process_key, created_at)
    INCLUDE (org_id, status)
  `.execute(db);
  await sql`
    CREATE INDEX IF NOT EXISTS cases_process_ended_idx ON cases (process_key, updated_at)
    INCLUDE (org_id) WHERE status <> 'running'
  `.execute(db);
  await sql`
    CREATE INDEX IF NOT EXISTS cases_process_running_idx ON cases (process_key, org_id) WHERE status = 'running'
  `.execute(db);
  await sql`
    CREATE INDEX IF NOT EXISTS tasks_open_idx ON tasks (case_id, node_id, created_at)
    WHERE status IN ('open', 'claimed')
  `.execute(db);
  await sql`
    CREATE INDEX IF NOT EXISTS timeline_events_flow_idx ON timeline_events (case_id, type, node_id)
    WHERE type IN ('step-opened', 'returned', 'escalated', 'overdue')
  `.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS payments_paid_idx ON payments (paid_at) INCLUDE (case_id, amount_fen, kind) WHERE status = 'paid'`.execute(
    db,
  );
  await sql`CREATE INDEX IF NOT EXISTS hardship_files_org_idx ON hardship_files (org_id, opened_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'hardship_files_org_idx',
    'payments_paid_idx',
    'timeline_events_flow_idx',
    'tasks_open_idx',
    'cases_process_running_idx',
    'cases_process_ended_idx',
    'cases_process_started_idx',
  ])
    await sql`DROP INDEX IF EXISTS ${sql.id(index)}`.execute(db);
}
