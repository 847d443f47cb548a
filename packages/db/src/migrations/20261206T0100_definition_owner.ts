import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per process key: the org that owns it (its admins edit and publish it, its subtree starts
  // it) and whether it is retired (nobody starts new cases; running ones go on).
  await db.schema
    .createTable('process_owners')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('retired_at', 'timestamptz')
    .addColumn('retired_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('process_owners_org_idx').on('process_owners').column('owner_org_id').execute();

  // Every process that exists already was published by a platform admin for the whole federation: the
  // root org owns it. Without a root org there is nothing to backfill (readers treat a key with no row
  // as federation-wide).
  await sql`
    INSERT INTO process_owners (key, owner_org_id)
    SELECT k.key, root.id
    FROM (SELECT key FROM process_versions UNION SELECT key FROM process_drafts) AS k
    CROSS JOIN (SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1) AS root
    ON CONFLICT (key) DO NOTHING`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('process_owners').ifExists().execute();
}
