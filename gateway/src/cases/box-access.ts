import { type Expression, type SqlBool, sql } from 'kysely';
import type { AuthUser } from '../auth';
import { pathInScope, pathOnLine } from '../org/org-scope';
import { staffDepartments } from './department-roles';

/**
 * SQL over `c` (cases), `o` (its org) and `pv` (its definition version): the caller may read the case.
 * The same rule as `caseVisibility` (which answers 'none' exactly when this is false), written for a
 * list so that a box never lists a case its detail page would refuse: the applicant always; otherwise
 * not a household file of the caller's department that they hold no sensitive-viewer role for (admins
 * excepted); otherwise staff of its department in their org subtree, whoever holds or held one of its
 * tasks on the case's org line (admins anywhere), and whoever a step copied. `box-access.test.ts`
 * holds the two versions to each other.
 */
export function mayReadCase(user: AuthUser): Expression<SqlBool> {
  const departments = staffDepartments(user.roles);
  const admin = user.roles.includes('admin');
  const staff =
    departments.length === 0
      ? sql<SqlBool>`false`
      : sql<SqlBool>`(${pathInScope(sql.ref('o.path'), user)} AND c.department = ANY(${departments}::text[]))`;
  const viewers = sql`pv.document->'sensitiveViewerRoles'`;
  const household = sql<SqlBool>`coalesce(jsonb_typeof(${viewers}) = 'array' AND ${viewers} <> '[]'::jsonb, false)`;
  const sensitiveOk = sql<SqlBool>`coalesce(${viewers} ?| ${user.roles}::text[], false)`;
  const refused = admin
    ? sql<SqlBool>`false`
    : sql<SqlBool>`(${staff} AND ${household} AND NOT ${sensitiveOk})`;
  const line = admin ? sql<SqlBool>`true` : pathOnLine(sql.ref('o.path'), user.orgPath);
  const held = sql<SqlBool>`(${line} AND EXISTS (SELECT 1 FROM task_holders h WHERE h.case_id = c.id AND h.user_id = ${user.id}))`;
  const copied = sql<SqlBool>`EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = ${user.id} AND n.case_id = c.id AND n.type = 'cc')`;
  return sql<SqlBool>`(c.applicant_id = ${user.id} OR (NOT ${refused} AND (${staff} OR ${held} OR ${copied})))`;
}
