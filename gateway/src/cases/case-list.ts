import type { CaseSummaryDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { AuthUser } from '../auth';
import { type CaseRow, caseQuery } from './case-repository';
import { toCaseSummary } from './case-view';
import { departmentCases } from './department-scope';

/** Which cases a list shows: mine, or my departments' in my org scope; by status and process. */
export interface CaseListFilters {
  scope: 'mine' | 'department';
  status?: string;
  process?: string;
  /** One department's cases (a department app's list). */
  department?: string;
}

/**
 * One keyset page of a case list, newest first: the rows (for callers that need the case data, such
 * as exports) and the key of the last one. The list route and the export share it, so both show
 * exactly the same cases.
 */
export async function caseListRows(
  db: Kysely<Database>,
  user: AuthUser,
  filters: CaseListFilters,
  limit: number,
  after: (string | null)[] | null,
): Promise<{ items: CaseRow[]; next: string[] | null }> {
  let q = caseQuery(db);
  if (filters.scope === 'mine') {
    q = q.where('c.applicant_id', '=', user.id);
  } else {
    const department = departmentCases(q, user);
    if (!department) return { items: [], next: null };
    q = department;
  }
  if (filters.status) q = q.where('c.status', '=', filters.status as CaseRow['status']);
  if (filters.process) q = q.where('c.process_key', '=', filters.process);
  if (filters.department) q = q.where('c.department', '=', filters.department);
  if (after) q = q.where(sql<boolean>`(c.created_at, c.id) < (${after[0]}::timestamptz, ${after[1]})`);
  const rows = await q
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > limit && last ? [new Date(last.created_at).toISOString(), last.id] : null,
  };
}

/** {@link caseListRows} as the list shows it. */
export async function caseListPage(
  db: Kysely<Database>,
  user: AuthUser,
  filters: CaseListFilters,
  limit: number,
  after: (string | null)[] | null,
): Promise<{ items: CaseSummaryDto[]; next: string[] | null }> {
  const { items, next } = await caseListRows(db, user, filters, limit, after);
  return { items: items.map(toCaseSummary), next };
}
