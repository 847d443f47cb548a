import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { AuthUser } from '../auth';
import { compiledOnce, runPrepared } from '../compiled-once';
import { inDateRange, matchesKeyword } from './box-filters';
import { toTaskDto } from './task-dto';
import { shownTitle } from './title-mask';

export interface InboxFilters {
  process?: string;
  department?: string;
  /** Received (the task reached me) on or after this Beijing day. */
  from?: string;
  /** Received on or before this Beijing day. */
  to?: string;
  q?: string;
  due?: 'overdue' | 'soon';
  claimed?: boolean;
  delegated?: boolean;
}

const sortKey = sql`coalesce(tc.due_at, 'infinity'::timestamptz)`;

/** One user's open tasks with candidates, sorted by due time; the filters and cursor go on top. */
function pageQuery(db: Kysely<Database>, userId: string) {
  return (
    db
      .selectFrom('task_candidates as tc')
      .innerJoin('tasks as t', 't.id', 'tc.task_id')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .innerJoin('users as a', 'a.id', 'c.applicant_id')
      .innerJoin('orgs as o', 'o.id', 'c.org_id')
      .innerJoin('process_versions as pv', (j) =>
        j.onRef('pv.key', '=', 'c.process_key').onRef('pv.version', '=', 'c.process_version'),
      )
      .select([
        't.id',
        't.case_id',
        't.node_id',
        't.step_name',
        't.kind',
        't.status',
        't.assignee_id',
        't.form',
        't.created_at',
        't.due_at',
        'c.number',
        'c.title',
        'c.process_key',
        'c.process_version',
        'c.department',
        'c.applicant_id',
        'o.path as org_path',
        'a.username as applicant_username',
        'a.display_name as applicant_name',
        sql<{ zh: string; en?: string }>`pv.document->'name'`.as('process_name'),
        sql<string>`coalesce(tc.due_at, 'infinity'::timestamptz)::text`.as('sort_due'),
      ])
      // The page's candidates in the same statement (computed only for the rows the limit keeps).
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('task_candidates as cand')
            .innerJoin('users as u', 'u.id', 'cand.user_id')
            .select(['u.id', 'u.username', 'u.display_name as displayName'])
            .whereRef('cand.task_id', '=', 't.id')
            .orderBy('u.username'),
        ).as('candidates'),
      )
      .where('tc.user_id', '=', userId)
      .where('tc.open', '=', true)
  );
}

/** The first page without filters, the one every inbox opens with: one prepared statement. */
const firstPage = compiledOnce((db, userId, limit) =>
  pageQuery(db, userId)
    .orderBy(sortKey)
    .orderBy('tc.created_at')
    .orderBy('tc.task_id')
    .limit(limit as unknown as number),
);

function filteredPage(
  db: Kysely<Database>,
  base: ReturnType<typeof pageQuery>,
  userId: string,
  filters: InboxFilters,
  after: (string | null)[] | null,
  limit: number,
) {
  let q = base;
  if (filters.process) q = q.where('c.process_key', '=', filters.process);
  if (filters.department) q = q.where('c.department', '=', filters.department);
  if (filters.from || filters.to)
    q = q.where(inDateRange(sql.ref('tc.created_at'), filters.from, filters.to));
  if (filters.q?.trim()) q = q.where(matchesKeyword(filters.q, userId));
  if (filters.due === 'overdue') q = q.where(sql<boolean>`tc.due_at < now()`);
  if (filters.due === 'soon')
    q = q.where(sql<boolean>`tc.due_at >= now() AND tc.due_at < now() + interval '24 hours'`);
  if (filters.claimed) q = q.where('t.status', '=', 'claimed').where('t.assignee_id', '=', userId);
  if (filters.delegated) q = q.where('tc.on_behalf_of', 'is not', null);
  if (after)
    q = q.where(
      sql<boolean>`(${sortKey}, tc.created_at, tc.task_id) > (${after[0]}::timestamptz, ${after[1]}::timestamptz, ${after[2]})`,
    );
  return runPrepared(
    db,
    q
      .orderBy(sortKey)
      .orderBy('tc.created_at')
      .orderBy('tc.task_id')
      .limit(limit + 1),
  );
}

/** One page of a user's open tasks, soonest due first, after the keyset cursor. */
export async function inboxPage(
  db: Kysely<Database>,
  user: AuthUser,
  filters: InboxFilters,
  limit: number,
  after: (string | null)[] | null,
) {
  const userId = user.id;
  const unfiltered =
    !after && Object.values(filters).every((v) => v === undefined || v === '' || v === false);
  const rows = unfiltered
    ? await firstPage(db, userId, limit + 1)
    : await filteredPage(db, pageQuery(db, userId), userId, filters, after, limit);
  const page = rows.slice(0, limit);
  const items = await Promise.all(
    page.map(async (r) => ({
      ...toTaskDto(r, r.candidates),
      caseTitle: await shownTitle(db, user, r),
    })),
  );
  const last = page[page.length - 1];
  const next =
    rows.length > limit && last ? [last.sort_due, new Date(last.created_at).toISOString(), last.id] : null;
  return { items, next };
}
