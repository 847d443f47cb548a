/**
 * Who works which department, and so who may see its 看板: declared once here, read by the gateway
 * (which enforces it) and by the apps (which only hide what the gateway would refuse).
 */

/** Roles that work a department's cases; they see cases of that department in their org subtree. */
export const DEPARTMENT_STAFF_ROLES: Readonly<Record<string, readonly string[]>> = {
  innovation: ['innovation-reviewer', 'innovation-committee'],
  assistance: ['assistance-centre', 'grassroots-cadre'],
  rights: ['mediator'],
  admin: [],
};

/** Departments whose staff the user is, given their roles (an admin is staff of every one). */
export function staffDepartments(roles: readonly string[]): string[] {
  if (roles.includes('admin')) return Object.keys(DEPARTMENT_STAFF_ROLES);
  return Object.entries(DEPARTMENT_STAFF_ROLES)
    .filter(([, r]) => r.some((role) => roles.includes(role)))
    .map(([d]) => d);
}

/** Household numbers are for the assistance department's own staff: not even admins see them (ADR 029). */
export const HARDSHIP_ANALYTICS_ROLES: readonly string[] = DEPARTMENT_STAFF_ROLES.assistance ?? [];

/** Whether a user with these roles may see the 看板 of a department's processes. */
export function mayAnalyse(roles: readonly string[], department: string): boolean {
  if (department === 'assistance') return roles.some((r) => HARDSHIP_ANALYTICS_ROLES.includes(r));
  return roles.includes('admin') || staffDepartments(roles).includes(department);
}

/** Whether the user may see at least one board, the federation board among them: staff and admins. */
export function mayAnalyseAny(roles: readonly string[]): boolean {
  return roles.includes('admin') || staffDepartments(roles).length > 0;
}
