import type { Database } from '@unionflow/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';

/** Options for the housekeeping plugin. */
export interface HousekeepingOptions {
  /** How often expired rows are purged; default every 10 minutes. `false` turns the timer off. */
  everyMs?: number | false;
  /** Sign-in failure counters untouched this long are dropped (the throttle forgets them anyway). */
  loginThrottleForgetMs: number;
}

/** What one purge removed, per table. */
export interface PurgeResult {
  idempotencyKeys: number;
  sessions: number;
  loginThrottle: number;
}

/**
 * Deletes rows that no longer mean anything: idempotent answers past their 24 h, sessions past their
 * absolute expiry, and stale sign-in failure counters. Every gateway instance may run it: the
 * deletes are idempotent.
 */
export async function purgeExpired(
  db: Kysely<Database>,
  loginThrottleForgetMs: number,
  now = new Date(),
): Promise<PurgeResult> {
  const keys = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  const throttle = await db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', new Date(now.getTime() - loginThrottleForgetMs))
    .executeTakeFirst();
  return {
    idempotencyKeys: Number(keys.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    loginThrottle: Number(throttle.numDeletedRows),
  };
}

/** Runs {@link purgeExpired} on an unref'd timer, so it never keeps the process alive. */
export const housekeepingPlugin = fp(
  async (app: FastifyInstance, opts: HousekeepingOptions) => {
    const everyMs = opts.everyMs ?? 10 * 60_000;
    if (everyMs === false) return;
    let running: Promise<unknown> | null = null;
    const timer = setInterval(() => {
      if (running) return;
      running = purgeExpired(app.db, opts.loginThrottleForgetMs)
        .catch((err) => app.log.warn({ err }, 'housekeeping purge failed; retrying at the next tick'))
        .finally(() => {
          running = null;
        });
    }, everyMs);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: 'housekeeping', fastify: '5.x', dependencies: ['db'] },
);
