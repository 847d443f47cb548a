import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Optimistic concurrency for the admin screens: every edit sends the version it started from.
  for (const table of ['orgs', 'users']) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  }
  await db.schema.createIndex('users_org_idx').on('users').columns(['org_id', 'username']).execute();

  // One row whose version moves whenever the org directory (orgs, users, roles, pairings) changes, in
  // the same transaction: directory caches compare it instead of guessing a time to live, so a
  // deactivated user stops being assigned the moment the change commits.
  await db.schema
    .createTable('org_directory_version')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO org_directory_version (id, version) VALUES (true, 1)`.execute(db);
  await sql`
    CREATE FUNCTION org_directory_changed() RETURNS trigger AS $$
    BEGIN UPDATE org_directory_version SET version = version + 1; RETURN NULL; END;
    $$ LANGUAGE plpgsql`.execute(db);
  for (const table of ['orgs', 'users', 'user_roles', 'pairings']) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_directory_changed`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION org_directory_changed()`.execute(db);
  }

  // The audit log list filters by case and by actor, newest first.
  await db.schema
    .createIndex('audit_events_case_idx')
    .on('audit_events')
    .columns(['case_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor_idx')
    .on('audit_events')
    .columns(['actor_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_events_type_idx').on('audit_events').columns(['type', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['audit_events_type_idx', 'audit_events_actor_idx', 'audit_events_case_idx'])
    await db.schema.dropIndex(index).ifExists().execute();
  for (const table of ['orgs', 'users', 'user_roles', 'pairings'])
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_directory_changed`)} ON ${sql.table(table)}`.execute(
      db,
    );
  await sql`DROP FUNCTION IF EXISTS org_directory_changed`.execute(db);
  await db.schema.dropTable('org_directory_version').ifExists().execute();
  await db.schema.dropIndex('users_org_idx').ifExists().execute();
  for (const table of ['users', 'orgs']) {
    await db.schema.alterTable(table).dropColumn('updated_at').execute();
    await db.schema.alterTable(table).dropColumn('version').execute();
  }
}
