import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * 借鉴共享 (ADR 033): a member records that their team put a published result of the library to use. One
 * record per member and result, so a repeated or raced request is one reuse; the unit is the member's at
 * the time, so the 看板 counts reuses by the unit that reused.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('library_reuses')
    .addColumn('case_id', 'text', (c) =>
      c.notNull().references('library_entries.case_id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reused_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('library_reuses_pk', ['case_id', 'user_id'])
    .execute();
  await sql`CREATE INDEX library_reuses_org_idx ON library_reuses (org_id, reused_at) INCLUDE (case_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('library_reuses').ifExists().execute();
}
