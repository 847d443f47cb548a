import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * The hardship file's history (ADR 033): one row per period a household spent in the file at one level.
 * A level change closes the period and opens the next; an exit closes it; a re-admission opens a new one.
 * The 看板 counts households at a month's end by the period that covers it, so a household that moved
 * from 深度 to 相对 in June counts as 深度 in May.
 *
 * Files opened before this table existed get one period each, at their current level, from their opening
 * to their archive: the level they had before is nowhere recorded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hardship_file_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('hardship_files.case_id').onDelete('cascade'))
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('start_reason', 'text', (c) =>
      c.notNull().check(sql`start_reason IN ('admitted', 'readmitted', 'level-changed')`),
    )
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text', (c) => c.check(sql`end_reason IN ('exited', 'level-changed')`))
    .addCheckConstraint(
      'hardship_file_history_end',
      sql`(ended_at IS NULL) = (end_reason IS NULL) AND (ended_at IS NULL OR ended_at >= started_at)`,
    )
    .execute();
  // One open period per file: a retried or raced projection step cannot open a second.
  await sql`CREATE UNIQUE INDEX hardship_file_history_open_idx ON hardship_file_history (case_id)
    WHERE ended_at IS NULL`.execute(db);
  // The board reads the periods of its units that overlap its months, and the starts and ends in its range.
  await sql`CREATE INDEX hardship_file_history_started_idx ON hardship_file_history (org_id, started_at)
    INCLUDE (level, ended_at, start_reason)`.execute(db);
  await sql`CREATE INDEX hardship_file_history_ended_idx ON hardship_file_history (org_id, ended_at)
    INCLUDE (end_reason) WHERE ended_at IS NOT NULL`.execute(db);

  // Backfill: a file's known life at its current level; a household with an earlier exit was re-admitted.
  await sql`
    INSERT INTO hardship_file_history (case_id, applicant_id, org_id, level, started_at, start_reason, ended_at, end_reason)
    SELECT f.case_id, f.applicant_id, f.org_id, f.level, f.opened_at,
      CASE WHEN EXISTS (SELECT 1 FROM hardship_files g WHERE g.applicant_id = f.applicant_id
        AND g.case_id <> f.case_id AND g.archived_at <= f.opened_at) THEN 'readmitted' ELSE 'admitted' END,
      CASE WHEN f.status = 'exited' THEN greatest(coalesce(f.archived_at, f.updated_at), f.opened_at) END,
      CASE WHEN f.status = 'exited' THEN 'exited' END
    FROM hardship_files f`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hardship_file_history').ifExists().execute();
}
