import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Users an admin created sign in with a password someone else knows: they must replace it first.
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'timestamptz').execute();

  // Stored idempotent answers: a hash of the body they answered (same key, other body is refused),
  // an expiry (purged in the background), and, for answers that were a case, only the case id, so a
  // replay re-reads the case with the caller's current visibility instead of replaying old data.
  await db.schema.alterTable('idempotency_keys').addColumn('request_hash', 'text').execute();
  await db.schema.alterTable('idempotency_keys').addColumn('case_id', 'text').execute();
  await db.schema
    .alterTable('idempotency_keys')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now() + interval '24 hours'`))
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expiry_idx')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();

  // Failed sign-ins per (account, source address): a progressive delay for that pair only, so nobody
  // can lock an account out from somewhere else. Replaces the account-wide lock.
  await db.schema
    .createTable('login_throttle')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('retry_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pk', ['username', 'source'])
    .execute();
  await db.schema
    .createIndex('login_throttle_updated_idx')
    .on('login_throttle')
    .column('updated_at')
    .execute();
  await db.schema.dropTable('login_attempts').execute();

  // Sessions are ended per user (deactivation, password change) and purged by expiry.
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expiry_idx').on('sessions').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_expiry_idx').ifExists().execute();
  await db.schema.dropIndex('sessions_user_idx').ifExists().execute();
  await db.schema
    .createTable('login_attempts')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.dropTable('login_throttle').ifExists().execute();
  await db.schema.dropIndex('idempotency_keys_expiry_idx').ifExists().execute();
  for (const column of ['expires_at', 'case_id', 'request_hash'])
    await db.schema.alterTable('idempotency_keys').dropColumn(column).execute();
  for (const column of ['password_changed_at', 'must_change_password'])
    await db.schema.alterTable('users').dropColumn(column).execute();
}
