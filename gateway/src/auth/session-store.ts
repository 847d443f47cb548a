import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { compiledOnce } from '../compiled-once';
import type { AuthUser } from './auth-user';
import { SessionCache } from './session-cache';
import type { SessionPolicy } from './session-policy';

/** A live session: the caller plus the CSRF token their writes must echo. */
export interface ResolvedSession {
  id: string;
  csrfToken: string;
  user: AuthUser;
  /** The user must replace an admin-set password before doing anything else. */
  mustChangePassword: boolean;
}

/** When a session dies unless used again: the idle deadline or the absolute one, whichever is first. */
function deadlineOf(
  row: { last_seen_at: Date | string; expires_at: Date | string },
  policy: SessionPolicy,
): Date {
  const idle = new Date(row.last_seen_at).getTime() + policy.idleMs;
  return new Date(Math.min(idle, new Date(row.expires_at).getTime()));
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

const caches = new WeakMap<Kysely<Database>, SessionCache>();

/** The session cache of a database in this process (ADR 040); `ttlMs` 0 turns it off. */
export function sessionCacheOf(db: Kysely<Database>, ttlMs = DEFAULT_SESSION_CACHE_MS): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SessionCache(ttlMs, ttlMs > 0 ? EXACT_SESSION_CACHE_MS : 0);
    caches.set(db, cache);
  }
  return cache;
}

/** How long a resolved session is reused by this process unless something changes it here. */
export const DEFAULT_SESSION_CACHE_MS = 1_000;

/** How long while the database signals every change to this process (ADR 043); the touch bounds it too. */
export const EXACT_SESSION_CACHE_MS = 30_000;

/** Forgets every cached session: after any change to sessions, people, roles or orgs made here. */
export function forgetCachedSessions(db: Kysely<Database>): void {
  caches.get(db)?.clear();
}

/**
 * The session for a cookie token, from this process's short cache when it was read a moment ago
 * (and needs no touch yet), otherwise from the database.
 */
export async function resolveSessionCached(
  db: Kysely<Database>,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<ResolvedSession | null> {
  const cache = sessionCacheOf(db);
  const id = sessionIdOf(token);
  const hit = cache.get(id, now.getTime());
  if (hit) return hit;
  const readAt = cache.generation;
  const read = await readSession(db, id, policy, now);
  if (!read) return null;
  cache.set(id, read.session, now.getTime(), read.validUntil, readAt);
  return read.session;
}

/** Looks up the session for a cookie token; expired sessions are deleted and yield null. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<ResolvedSession | null> {
  return (await readSession(db, sessionIdOf(token), policy, now))?.session ?? null;
}

const sessionRow = compiledOnce((db, id) =>
  db
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
      'u.must_change_password',
      'o.name as org_name',
      'o.path as org_path',
      sql<string[]>`array(select r.role from user_roles r where r.user_id = u.id order by r.role)`.as(
        'roles',
      ),
    ])
    .where('s.id', '=', id),
);

/** The session row, touched when due; `validUntil`: when it must be read again (deadline or touch). */
async function readSession(
  db: Kysely<Database>,
  id: string,
  policy: SessionPolicy,
  now: Date,
): Promise<{ session: ResolvedSession; validUntil: number } | null> {
  const [row] = await sessionRow(db, id);
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  const deadline = deadlineOf(row, policy).getTime();
  if (row.disabled || now.getTime() >= deadline) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  let seen = lastSeen;
  if (now.getTime() - lastSeen >= policy.touchMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    seen = now.getTime();
  }
  const session: ResolvedSession = {
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
    mustChangePassword: row.must_change_password,
  };
  // Touched again after touchMs; the idle deadline moves with the touch, so reread by then.
  return { session, validUntil: Math.min(deadline, seen + policy.touchMs) };
}

/**
 * Until when the session with this id stays alive if not used again, or null when it is already
 * gone (signed out, expired, user deactivated). Reads only: an open event stream is not activity.
 */
export async function sessionDeadline(
  db: Kysely<Database>,
  id: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<Date | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.last_seen_at', 's.expires_at', 'u.disabled'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  const deadline = deadlineOf(row, policy);
  return deadline.getTime() > now.getTime() ? deadline : null;
}

/** Ends every session of a user except `keepId` (after a password change: other devices sign in again). */
export async function deleteUserSessions(
  db: Kysely<Database>,
  userId: string,
  keepId?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
  forgetCachedSessions(db);
}

/** Deletes the session behind a cookie token (no-op when absent). */
export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute();
  forgetCachedSessions(db);
}
