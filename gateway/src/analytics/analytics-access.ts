import {
  HARDSHIP_ANALYTICS_ROLES as hardshipRoles,
  mayAnalyse as mayAnalyseRoles,
} from '@unionflow/contracts';
import type { AuthUser } from '../auth';
import { departmentRoles } from '../cases/department-roles';

/** Household numbers are for the assistance department's own staff: not even admins see them (ADR 029). */
export const HARDSHIP_ANALYTICS_ROLES = [...hardshipRoles];
export const INNOVATION_ANALYTICS_ROLES = [...(departmentRoles.innovation ?? []), 'admin'];
export const DISPUTE_ANALYTICS_ROLES = [...(departmentRoles.rights ?? []), 'admin'];
/** Anyone who may see at least one board: department staff and admins. */
export const ANY_ANALYTICS_ROLES = [...new Set([...Object.values(departmentRoles).flat(), 'admin'])];

/** Whether the user may see the 看板 of a department's processes. */
export function mayAnalyse(user: Pick<AuthUser, 'roles'>, department: string): boolean {
  return mayAnalyseRoles(user.roles, department);
}
