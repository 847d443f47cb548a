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

/**
 * Department apps only their staff open, with the readers they have beyond staff: the admin app
 * (auditors read its audit log). Every other department app is open to every member, who starts that
 * department's processes and follows their own cases there; the gateway scopes the data either way.
 */
const STAFF_ONLY_APPS: Readonly<Record<string, readonly string[]>> = { admin: ['auditor'] };

function worksIn(roles: readonly string[], department: string): boolean {
  if (roles.includes('admin')) return true;
  const readers = STAFF_ONLY_APPS[department] ?? [];
  return staffDepartments(roles).includes(department) || readers.some((r) => roles.includes(r));
}

/** Whether a user may open a department's app at all (the shell says whose app it is otherwise). */
export function mayOpenDepartmentApp(roles: readonly string[], department: string): boolean {
  return !(department in STAFF_ONLY_APPS) || worksIn(roles, department);
}

/**
 * Whether the navigation lists a department's app: for its staff, readers and admins. Members reach
 * the member side of the others from 发起申请 and their own cases, without a menu of departments.
 */
export function listsDepartmentApp(roles: readonly string[], department: string): boolean {
  return worksIn(roles, department);
}
