import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * Gateways keep the sessions they resolved for a while (ADR 043). So that a sign-out, a deactivation,
 * a password or role change made through any gateway (or by hand in SQL) reaches every gateway at
 * once, the database signals them on `unionflow_sessions` when it commits a change that a resolved
 * session depends on: a session ended or re-keyed (its touch, `last_seen_at` alone, is not a change),
 * or the org directory moved (orgs, users, roles, pairings bump its version in the same transaction).
 * The payload is empty: a gateway forgets every cached session on it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION sessions_changed_signal() RETURNS trigger AS $$
    BEGIN PERFORM pg_notify('unionflow_sessions', ''); RETURN NULL; END;
    $$ LANGUAGE plpgsql`.execute(db);
  await sql`
    CREATE TRIGGER sessions_ended_signal AFTER DELETE OR TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed_signal()`.execute(db);
  await sql`
    CREATE TRIGGER sessions_rekeyed_signal AFTER UPDATE OF id, user_id, csrf_token, expires_at ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed_signal()`.execute(db);
  await sql`
    CREATE TRIGGER org_directory_changed_signal AFTER UPDATE ON org_directory_version
    FOR EACH STATEMENT EXECUTE FUNCTION sessions_changed_signal()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS org_directory_changed_signal ON org_directory_version`.execute(db);
  await sql`DROP TRIGGER IF EXISTS sessions_rekeyed_signal ON sessions`.execute(db);
  await sql`DROP TRIGGER IF EXISTS sessions_ended_signal ON sessions`.execute(db);
  await sql`DROP FUNCTION IF EXISTS sessions_changed_signal`.execute(db);
}
