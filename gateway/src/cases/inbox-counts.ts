import type { InboxBoxCountsDto } from '@unionflow/contracts';
import { type Database, PREPARED_MARK } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { AuthUser } from '../auth';
import { boxCountsOf, boxCountsRow } from './box-repository';

/** The to-do box's count per filter: all, overdue, dueSoon, claimed, delegated. */
export type TodoCounts = Record<'all' | 'overdue' | 'dueSoon' | 'claimed' | 'delegated', number>;

/**
 * Counts per inbox filter. The open candidate rows are counted from an index alone (their due time
 * and delegation are in it); "claimed by me" starts from the few claimed tasks, so no count visits
 * every open task (ADR 040). The statuses are literals so a generic plan still sees the partial index.
 */
function todoCountsRow(userId: string) {
  return sql`(SELECT count(*) AS "all",
      count(*) FILTER (WHERE tc.due_at < now()) AS overdue,
      count(*) FILTER (WHERE tc.due_at >= now() AND tc.due_at < now() + interval '24 hours') AS due_soon,
      (SELECT count(*) FROM tasks t JOIN task_candidates mine ON mine.task_id = t.id
        WHERE t.assignee_id = ${userId} AND t.status = 'claimed' AND mine.user_id = ${userId} AND mine.open) AS claimed,
      count(*) FILTER (WHERE tc.on_behalf_of IS NOT NULL) AS delegated
    FROM task_candidates tc WHERE tc.user_id = ${userId} AND tc.open)`;
}

/**
 * Every count an inbox page shows, in one prepared statement: the to-do box per filter and the other
 * boxes. Every inbox request asks for all of them; one statement instead of two saves a round trip, a
 * socket write and a backend wake-up per request, which is what an inbox request costs (ADR 045).
 */
export async function inboxCounts(
  db: Kysely<Database>,
  user: AuthUser,
): Promise<{ todo: TodoCounts; boxes: Omit<InboxBoxCountsDto, 'todo'> }> {
  const { rows } = await sql<Record<string, unknown>>`${sql.raw(PREPARED_MARK)}
    SELECT * FROM ${todoCountsRow(user.id)} i, ${boxCountsRow(user)} b`.execute(db);
  const r = rows[0];
  return {
    todo: {
      all: Number(r?.all ?? 0),
      overdue: Number(r?.overdue ?? 0),
      dueSoon: Number(r?.due_soon ?? 0),
      claimed: Number(r?.claimed ?? 0),
      delegated: Number(r?.delegated ?? 0),
    },
    boxes: boxCountsOf(r),
  };
}
