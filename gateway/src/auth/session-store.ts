import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { AuthUser } from './auth-user';
import type { SessionPolicy } from './session-policy';

/** A live session: the caller plus the CSRF token their writes must echo. */
export interface ResolvedSession {
  id: string;
  csrfToken: string;
  user: AuthUser;
}

/** Sessions are stored under the SHA-256 of the cookie token, so a database leak yields no usable cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a fresh session (new random id on every sign-in) and returns the cookie token. */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** Looks up the session for a cookie token; expired sessions are deleted and yield null. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<ResolvedSession | null> {
  const id = sessionIdOf(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.org_id',
      'u.locale',
      'u.time_zone',
      'u.disabled',
      'o.name as org_name',
      'o.path as org_path',
      sql<string[]>`array(select r.role from user_roles r where r.user_id = u.id order by r.role)`.as(
        'roles',
      ),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  const expired =
    row.disabled ||
    now.getTime() >= new Date(row.expires_at).getTime() ||
    now.getTime() - lastSeen >= policy.idleMs;
  if (expired) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - lastSeen >= policy.touchMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    id,
    csrfToken: row.csrf_token,
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      orgName: row.org_name,
      orgPath: row.org_path,
      roles: row.roles,
      locale: row.locale,
      timeZone: row.time_zone,
    },
  };
}

/** Deletes the session behind a cookie token (no-op when absent). */
export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute();
}
