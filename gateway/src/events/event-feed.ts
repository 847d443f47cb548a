import { caseEventKey, type Database, parseCaseEventKey } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';

/**
 * One change to a case, as pushed to the people it concerns. `id` is the stream position: the audit
 * id of the change's first timeline entry (null for a change that recorded no timeline entry).
 */
export interface CaseEvent {
  id: string | null;
  caseId: string;
  seq: number;
}

/** Stream positions are bigint ids; compare them as numbers, never as strings. */
export function isAfter(id: string, than: string): boolean {
  return BigInt(id) > BigInt(than);
}

/** Accepts a Last-Event-ID we could have sent (a non-negative integer), else null. */
export function parseEventId(raw: unknown): string | null {
  if (typeof raw !== 'string' || !/^\d{1,18}$/.test(raw)) return null;
  return BigInt(raw).toString();
}

/** The stream position of one projection batch, or null when it wrote no timeline entry. */
export async function positionOf(db: Kysely<Database>, caseId: string, seq: number): Promise<string | null> {
  const row = await db
    .selectFrom('audit_events')
    .select('id')
    .where('event_key', '=', caseEventKey(caseId, seq, 0))
    .executeTakeFirst();
  return row ? String(row.id) : null;
}

/** The newest stream position (0 on an empty database). */
export async function headPosition(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id ? String(row.id) : '0';
}

/**
 * Changes after `afterId` to cases the user is involved in (applicant, task candidate, or notified),
 * oldest first. Audit ids are handed out under the audit chain's lock, so they follow commit order:
 * nothing committed later can carry a smaller id, which is what makes "everything after N" complete.
 * Returns `overflow` when more than `limit` are waiting, so the caller can ask the client to reload.
 */
export async function changesSince(
  db: Kysely<Database>,
  userId: string,
  afterId: string,
  limit: number,
): Promise<{ events: CaseEvent[]; overflow: boolean }> {
  const rows = await db
    .selectFrom('audit_events as a')
    .select(['a.id', 'a.case_id', 'a.event_key'])
    .where(sql<boolean>`a.id > ${afterId}::bigint`)
    .where('a.case_id', 'is not', null)
    .where('a.event_key', 'like', '%:0')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('cases as c')
            .select(sql`1`.as('one'))
            .whereRef('c.id', '=', 'a.case_id')
            .where('c.applicant_id', '=', userId),
        ),
        eb.exists(
          eb
            .selectFrom('tasks as t')
            .innerJoin('task_candidates as tc', 'tc.task_id', 't.id')
            .select(sql`1`.as('one'))
            .whereRef('t.case_id', '=', 'a.case_id')
            .where('tc.user_id', '=', userId),
        ),
        eb.exists(
          eb
            .selectFrom('notifications as n')
            .select(sql`1`.as('one'))
            .whereRef('n.case_id', '=', 'a.case_id')
            .where('n.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('a.id')
    .limit(limit + 1)
    .execute();
  const events: CaseEvent[] = [];
  for (const row of rows.slice(0, limit)) {
    // A batch's first timeline entry (idx 0) marks the batch.
    const key = parseCaseEventKey(row.event_key);
    if (!key || key.idx !== 0 || key.caseId !== row.case_id) continue;
    events.push({ id: String(row.id), caseId: row.case_id, seq: key.seq });
  }
  return { events, overflow: rows.length > limit };
}
