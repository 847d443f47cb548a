import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the inbox's boxes (ADR 018). 已处理 reads a reviewer's own decisions off the timeline,
 * newest first; 抄送我的 reads their `cc` notifications grouped by case. 我发起的 already has
 * `cases_applicant_idx`. Timeline rows of decisions only, so the index stays small.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX IF NOT EXISTS timeline_events_decider_idx ON timeline_events (actor_id, at DESC, id DESC)
    WHERE type IN ('approved', 'rejected', 'returned', 'transferred', 'delegated', 'signer-added', 'signer-removed')
  `.execute(db);
  await sql`
    CREATE INDEX IF NOT EXISTS notifications_cc_idx ON notifications (user_id, case_id, created_at)
    WHERE type = 'cc'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS notifications_cc_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS timeline_events_decider_idx`.execute(db);
}
