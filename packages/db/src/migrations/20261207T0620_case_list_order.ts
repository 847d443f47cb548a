import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * The case lists (我的部门, a department app's list, and their Excel exports) read cases newest first
 * by the keyset (created_at, id), filtered by department and org subtree. `cases_org_idx` leads with
 * org_id and `cases_applicant_idx` with applicant_id, so neither gives that order across several orgs
 * and departments: every page sorted all matching cases again (a seq scan and a top-N sort, quadratic
 * over an export). Read backwards, this index hands out each page in order and stops after it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS cases_created_idx ON cases (created_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS cases_created_idx`.execute(db);
}
