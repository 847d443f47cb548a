import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { LoginThrottlePolicy } from './session-policy';

/**
 * When the (username, source) pair may try to sign in again, if it must wait; otherwise null.
 * Only that pair waits: the same account from another address is not slowed down, so nobody can
 * lock an account out by failing on purpose.
 */
export async function retryAt(
  db: Kysely<Database>,
  username: string,
  source: string,
  now = new Date(),
): Promise<Date | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('retry_at')
    .where('username', '=', username)
    .where('source', '=', source)
    .executeTakeFirst();
  if (!row?.retry_at) return null;
  const at = new Date(row.retry_at);
  return at.getTime() > now.getTime() ? at : null;
}

/** The wait after the n-th failure in a row: none for the first few, then doubling up to the cap. */
export function delayAfter(failures: number, policy: LoginThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over - 1, 30));
}

/**
 * Counts one failed sign-in for (username, source) atomically and sets when that pair may try again.
 * A pair quiet for `forgetAfterMs` starts counting from one.
 */
export async function recordFailure(
  db: Kysely<Database>,
  username: string,
  source: string,
  policy: LoginThrottlePolicy,
  now = new Date(),
): Promise<void> {
  const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs);
  const row = await db
    .insertInto('login_throttle')
    .values({ username, source, failures: 1, retry_at: null, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['username', 'source']).doUpdateSet({
        failures: sql<number>`case when login_throttle.updated_at < ${forgetBefore}
          then 1 else login_throttle.failures + 1 end`,
        updated_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const delay = delayAfter(row.failures, policy);
  if (delay > 0) {
    await db
      .updateTable('login_throttle')
      .set({ retry_at: new Date(now.getTime() + delay) })
      .where('username', '=', username)
      .where('source', '=', source)
      .execute();
  }
}

/** Forgets the pair's failures after a successful sign-in from that source. */
export async function clearFailures(db: Kysely<Database>, username: string, source: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('username', '=', username)
    .where('source', '=', source)
    .execute();
}
