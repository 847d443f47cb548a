import type { Database } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import { type AuthUser, inOrgScope } from '../auth';
import { staffDepartments } from './department-roles';
import { onOrgLine } from './org-boundary';

export interface CaseAccessRow {
  id: string;
  applicant_id: string;
  department: string;
  org_path: string;
}

/** How much of a case a user may see: all of it, all but sensitive fields, or nothing (404). */
export type CaseVisibility = 'full' | 'masked' | 'none';

/**
 * The single rule for reading a case. The applicant sees everything; whoever holds or held one of its
 * tasks, and staff of its department in its org subtree, see it with sensitive household data masked
 * unless their role is one the definition names as a sensitive viewer. Users a step copied (a `cc`
 * notification) see it masked, whatever their role.
 */
export async function caseVisibility(
  db: Kysely<Database>,
  user: AuthUser,
  row: CaseAccessRow,
  def: Pick<ProcessDefinition, 'sensitiveViewerRoles'>,
): Promise<CaseVisibility> {
  if (row.applicant_id === user.id) return 'full';
  const sensitiveOk = (def.sensitiveViewerRoles ?? []).some((r) => user.roles.includes(r));
  const inScope = inOrgScope(user, row.org_path);
  const staff = inScope && staffDepartments(user.roles).includes(row.department);
  if (
    def.sensitiveViewerRoles &&
    def.sensitiveViewerRoles.length > 0 &&
    staff &&
    !sensitiveOk &&
    !user.roles.includes('admin')
  ) {
    // Household files: only the named roles in scope (and the applicant) may open them at all.
    return 'none';
  }
  if (staff) return sensitiveOk ? 'full' : 'masked';
  // "Holds or held": whoever transferred or handed on a task still reads the case they worked on, but
  // only on the case's org line (ADR 011).
  const involved =
    candidacyCounts(user, row.org_path) &&
    (await db
      .selectFrom('task_holders')
      .select('user_id')
      .where('case_id', '=', row.id)
      .where('user_id', '=', user.id)
      .executeTakeFirst());
  if (involved) return sensitiveOk ? 'full' : 'masked';
  // Someone a step copied (抄送) may read the case, never its household data.
  const copied = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', user.id)
    .where('case_id', '=', row.id)
    .where('type', '=', 'cc')
    .limit(1)
    .executeTakeFirst();
  if (copied) return 'masked';
  return 'none';
}

/**
 * Holding or having held a task counts only inside the case's org line (ADR 011): a task that reached
 * another branch of the org tree must not open the case there. Admins count anywhere, since the
 * platform admin queue draws on all of them.
 */
function candidacyCounts(user: AuthUser, caseOrgPath: string): boolean {
  return user.roles.includes('admin') || onOrgLine(user.orgPath, caseOrgPath);
}

export { sensitiveKeys } from './sensitive-fields';
