import type { BoxEntryDto, InboxBoxCountsDto } from '@unionflow/contracts';
import { type Database, PREPARED_MARK } from '@unionflow/db';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { AuthUser } from '../auth';
import { mayReadCase } from './box-access';
import { type BoxFilters, caseOverdue, inDateRange, matchesKeyword } from './box-filters';
import { DECISION_EVENT_TYPES, decisionOf } from './my-decisions';
import { shownTitle } from './title-mask';

/** The boxes that list cases (the to-do box lists tasks, in `inbox-repository.ts`). */
export type CaseBox = 'done' | 'started' | 'cc';

/** Columns of a box entry, over `c`, `o`, `a` (applicant) and `pv`. */
const entryColumns = [
  sql<string>`c.id`.as('case_id'),
  sql<string>`c.number`.as('number'),
  sql<string>`c.title`.as('title'),
  sql<string>`c.process_key`.as('process_key'),
  sql<number>`c.process_version`.as('process_version'),
  sql<string>`c.department`.as('department'),
  sql<string>`c.status`.as('status'),
  sql<string | null>`c.outcome`.as('outcome'),
  sql<{ zh: string; en?: string } | null>`c.current_step`.as('current_step'),
  sql<string>`c.applicant_id`.as('applicant_id'),
  sql<string>`a.username`.as('applicant_username'),
  sql<string>`a.display_name`.as('applicant_name'),
  sql<string>`o.path`.as('org_path'),
  sql<{ zh: string; en?: string }>`pv.document->'name'`.as('process_name'),
  sql<Date | null>`(SELECT min(ot.due_at) FROM tasks ot WHERE ot.case_id = c.id AND ot.status IN ('open', 'claimed'))`.as(
    'due_at',
  ),
];

interface EntryRow {
  case_id: string;
  number: string;
  title: string;
  process_key: string;
  process_version: number;
  department: string;
  status: string;
  outcome: string | null;
  current_step: { zh: string; en?: string } | null;
  applicant_id: string;
  applicant_username: string;
  applicant_name: string;
  org_path: string;
  process_name: { zh: string; en?: string };
  due_at: Date | string | null;
  at: Date | string;
}

/**
 * The decision event types as literals, not a parameter: the planner can then see that the query
 * lies inside the partial index `timeline_events_decider_idx`, also in a generic (cached) plan.
 */
const decisionTypes = sql.join(DECISION_EVENT_TYPES.map((type) => sql.lit(type)));

/** The joins every entry needs, written once as SQL so each box's base table can differ. */
const caseJoins = sql`
  JOIN cases c ON c.id = base.case_id
  JOIN orgs o ON o.id = c.org_id
  JOIN users a ON a.id = c.applicant_id
  JOIN process_versions pv ON pv.key = c.process_key AND pv.version = c.process_version`;

/** The filters every box shares, over the case and the box's own time. */
function filtersSql(filters: BoxFilters, at: Expression<unknown>, userId: string): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [inDateRange(at, filters.from, filters.to)];
  if (filters.process) where.push(sql<SqlBool>`c.process_key = ${filters.process}`);
  if (filters.q?.trim()) where.push(matchesKeyword(filters.q, userId));
  if (filters.overdue) where.push(caseOverdue());
  return where;
}

const and = (parts: Expression<SqlBool>[]) => sql.join(parts, sql` AND `);

/**
 * The base rows of a box: one per entry, with the case id, the box's time `at`, a unique `key` and
 * what the box adds. Each reads an index that starts with the caller (ADR 018).
 */
function baseOf(box: CaseBox, userId: string) {
  switch (box) {
    case 'done':
      // My decisions, one entry each (a case returned to me and decided again appears twice).
      return sql`(SELECT e.case_id, e.at, e.id::text AS key, e.type AS decision_type, e.step_name,
          NULL::boolean AS unread
        FROM timeline_events e
        WHERE e.actor_id = ${userId} AND e.type IN (${decisionTypes})) base`;
    case 'started':
      return sql`(SELECT c0.id AS case_id, c0.created_at AS at, c0.id AS key, NULL::text AS decision_type,
          NULL::jsonb AS step_name, NULL::boolean AS unread
        FROM cases c0 WHERE c0.applicant_id = ${userId}) base`;
    case 'cc':
      // A case copied by several steps is one entry: the latest copy, unread while any copy is.
      return sql`(SELECT n.case_id, max(n.created_at) AS at, n.case_id AS key, NULL::text AS decision_type,
          NULL::jsonb AS step_name, bool_or(n.read_at IS NULL) AS unread
        FROM notifications n WHERE n.user_id = ${userId} AND n.type = 'cc' AND n.case_id IS NOT NULL
        GROUP BY n.case_id) base`;
  }
}

/** One page of a box, newest first, after the keyset cursor `[at, key]`. */
export async function boxPage(
  db: Kysely<Database>,
  user: AuthUser,
  box: CaseBox,
  filters: BoxFilters,
  limit: number,
  after: string[] | null,
): Promise<{ items: BoxEntryDto[]; next: string[] | null }> {
  const where = [...filtersSql(filters, sql.ref('base.at'), user.id), mayReadCase(user)];
  // `done` keys are event ids (numbers), the others case ids: each compares in its own type.
  const keyCmp = box === 'done' ? sql`base.key::bigint` : sql`base.key`;
  const keyArg = box === 'done' ? sql`${after?.[1] ?? null}::bigint` : sql`${after?.[1] ?? null}`;
  if (after) where.push(sql<SqlBool>`(base.at, ${keyCmp}) < (${after[0]}::timestamptz, ${keyArg})`);
  const { rows } = await sql<
    EntryRow & { key: string; decision_type: string | null; step_name: never; unread: boolean | null }
  >`
    SELECT ${sql.join(entryColumns)}, base.at, base.key, base.decision_type, base.step_name, base.unread
    FROM ${baseOf(box, user.id)} ${caseJoins}
    WHERE ${and(where)}
    ORDER BY base.at DESC, ${keyCmp} DESC
    LIMIT ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const items = await Promise.all(
    page.map(async (r) => ({
      key: r.key,
      caseId: r.case_id,
      caseNumber: r.number,
      caseTitle: await shownTitle(db, user, r),
      processKey: r.process_key,
      processName: r.process_name,
      department: r.department,
      applicant: { id: r.applicant_id, username: r.applicant_username, displayName: r.applicant_name },
      status: r.status as BoxEntryDto['status'],
      outcome: r.outcome,
      currentStep: r.current_step,
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      at: new Date(r.at).toISOString(),
      myDecision: r.decision_type
        ? { ...decisionOf(r.decision_type), stepName: r.step_name ?? null, at: new Date(r.at).toISOString() }
        : null,
      unread: r.unread,
    })),
  );
  const last = page[page.length - 1];
  const next = rows.length > limit && last ? [new Date(last.at).toISOString(), last.key] : null;
  return { items, next };
}

/**
 * One row: how many entries each case box holds for the caller (`done`, `started`, `cc`) and how many
 * copies are unread (`cc_unread`). A subquery, so the inbox can read it in the statement that counts
 * its to-do box (ADR 045).
 */
export function boxCountsRow(user: AuthUser) {
  const readable = mayReadCase(user);
  const count = (box: CaseBox) =>
    sql`(SELECT count(*) AS n, count(*) FILTER (WHERE base.unread) AS unread
      FROM ${baseOf(box, user.id)} ${caseJoins}
      WHERE ${readable})`;
  return sql`(SELECT d.n AS done, s.n AS started, c.n AS cc, c.unread AS cc_unread
    FROM ${count('done')} d, ${count('started')} s, ${count('cc')} c)`;
}

/** What {@link boxCountsRow} reads, as numbers. */
export function boxCountsOf(
  r: { done?: unknown; started?: unknown; cc?: unknown; cc_unread?: unknown } | undefined,
): Omit<InboxBoxCountsDto, 'todo'> {
  return {
    done: Number(r?.done ?? 0),
    started: Number(r?.started ?? 0),
    cc: Number(r?.cc ?? 0),
    ccUnread: Number(r?.cc_unread ?? 0),
  };
}

/** How many entries each case box holds for the caller, and how many copies are unread. */
export async function boxCounts(
  db: Kysely<Database>,
  user: AuthUser,
): Promise<Omit<InboxBoxCountsDto, 'todo'>> {
  // Prepared: its text depends only on the shape of the caller's roles, and planning it cost forty
  // times its execution (ADR 040).
  const { rows } = await sql<Record<string, unknown>>`${sql.raw(PREPARED_MARK)}
    SELECT * FROM ${boxCountsRow(user)} b`.execute(db);
  return boxCountsOf(rows[0]);
}

/** Marks the caller's copies of these cases read; returns how many copies changed. */
export async function markCopiesRead(
  db: Kysely<Database>,
  userId: string,
  caseIds: string[],
): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('type', '=', 'cc')
    .where('case_id', 'in', caseIds)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
