import { type Kysely, sql } from 'kysely';

/**
 * Everyone who ever held a task of a case. `task_candidates` follows a task's current holders, so a
 * reviewer who transferred a task (or had it handed over) vanished from it and lost read access to the
 * case they worked on; reading a case is "holds or held" a task of it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_holders')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('task_holders_pk', ['case_id', 'user_id'])
    .execute();
  await sql`
    INSERT INTO task_holders (case_id, user_id)
    SELECT DISTINCT t.case_id, tc.user_id FROM task_candidates tc JOIN tasks t ON t.id = tc.task_id
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_holders').execute();
}
