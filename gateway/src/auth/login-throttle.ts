import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { LoginThrottlePolicy } from './session-policy';

/** When the username is locked, the time the lock ends; otherwise null. */
export async function lockedUntil(
  db: Kysely<Database>,
  username: string,
  now = new Date(),
): Promise<Date | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row?.locked_until) return null;
  const until = new Date(row.locked_until);
  return until.getTime() > now.getTime() ? until : null;
}

/**
 * Counts one failed sign-in atomically and locks the username once the count reaches the limit.
 * Failures older than the lock window, or from before an expired lock, start a new count.
 */
export async function recordFailure(
  db: Kysely<Database>,
  username: string,
  policy: LoginThrottlePolicy,
  now = new Date(),
): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.lockMs);
  const lockEnd = new Date(now.getTime() + policy.lockMs);
  await db
    .insertInto('login_attempts')
    .values({
      username,
      failures: 1,
      locked_until: policy.maxFailures <= 1 ? lockEnd : null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({
        failures: sql<number>`case when login_attempts.updated_at < ${windowStart}
          or (login_attempts.locked_until is not null and login_attempts.locked_until <= ${now})
          then 1 else login_attempts.failures + 1 end`,
        updated_at: now,
      }),
    )
    .execute();
  await db
    .updateTable('login_attempts')
    .set({ locked_until: lockEnd })
    .where('username', '=', username)
    .where('failures', '>=', policy.maxFailures)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}

/** Forgets past failures after a successful sign-in. */
export async function clearFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}
