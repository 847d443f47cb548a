import { type AuthUser, hasAnyRole } from '../auth';
import { departmentRoles, staffDepartments } from '../cases/department-roles';

/** Household numbers are for the assistance department's own staff: not even admins see them (ADR 029). */
export const HARDSHIP_ANALYTICS_ROLES = departmentRoles.assistance ?? [];
export const INNOVATION_ANALYTICS_ROLES = [...(departmentRoles.innovation ?? []), 'admin'];
export const DISPUTE_ANALYTICS_ROLES = [...(departmentRoles.rights ?? []), 'admin'];
/** Anyone who may see at least one board: department staff and admins. */
export const ANY_ANALYTICS_ROLES = [...new Set([...Object.values(departmentRoles).flat(), 'admin'])];

/** Whether the user may see the 看板 of a department's processes. */
export function mayAnalyse(user: Pick<AuthUser, 'roles'>, department: string): boolean {
  if (department === 'assistance') return hasAnyRole(user, HARDSHIP_ANALYTICS_ROLES);
  return user.roles.includes('admin') || staffDepartments(user.roles).includes(department);
}
