import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';

/**
 * A copy (抄送, type `cc`) is read only by opening it from 抄送我的 (`markCopiesRead`, ADR 025): the bell
 * neither counts it as unread nor marks it read, so glancing at the bell or opening the case some other
 * way leaves the box's unread mark in place.
 */
const COPY = 'cc';

/** How many of the user's notifications are unread, copies aside (抄送我的 counts those). */
export async function unreadCount(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('type', '<>', COPY)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Up to `limit` of the user's notifications, newest first, older than the `before` id. */
export async function notificationsPage(
  db: Kysely<Database>,
  userId: string,
  opts: { unreadOnly?: boolean; before?: string | null; limit: number },
) {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'case_id', 'type', 'message', 'created_at', 'read_at'])
    .where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null).where('type', '<>', COPY);
  if (opts.before) q = q.where(sql<boolean>`id < ${opts.before}::bigint`);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Marks the user's unread notifications (all, or those with the given ids) read, copies aside; returns how many. */
export async function markNotificationsRead(
  db: Kysely<Database>,
  userId: string,
  ids: string[] | null,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('type', '<>', COPY);
  if (ids) q = q.where(sql<boolean>`id = ANY(${ids}::bigint[])`);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
