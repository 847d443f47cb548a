import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Cases whose projection PostgreSQL refuses for good (ADR 013). Written by its own small activity,
  // since the case's own rows are exactly what cannot be written; no foreign key, because the batch
  // that failed may be the one that would have inserted the case row.
  await db.schema
    .createTable('case_attention')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('since', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_attention').execute();
}
