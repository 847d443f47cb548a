import { sql } from 'kysely';
import type { AuthUser } from '../auth';
import { pathInScope } from '../org/org-scope';
import type { caseQuery } from './case-repository';
import { staffDepartments } from './department-roles';

type CaseQuery = ReturnType<typeof caseQuery>;

/**
 * The department case list: cases of the caller's departments in their org subtree, without the
 * household files `caseVisibility` refuses them. A staff member lacking every sensitive-viewer role a
 * definition names may not open its cases at all (admins excepted), so the list must not show them
 * either: the list and the detail apply one rule. Null when the caller works no department.
 */
export function departmentCases(q: CaseQuery, user: AuthUser): CaseQuery | null {
  const departments = staffDepartments(user.roles);
  if (departments.length === 0) return null;
  const scoped = q
    .where((eb) => pathInScope(eb.ref('o.path'), user))
    .where('c.department', 'in', departments);
  if (user.roles.includes('admin')) return scoped;
  const viewers = sql`pv.document->'sensitiveViewerRoles'`;
  return scoped.where(
    sql<boolean>`(${viewers} IS NULL OR ${viewers} = '[]'::jsonb OR ${viewers} ?| ${user.roles}::text[])`,
  );
}
