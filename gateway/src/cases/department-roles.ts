/** Roles that work a department's cases; they see cases of that department in their org subtree. */
export const departmentRoles: Record<string, string[]> = {
  innovation: ['innovation-reviewer', 'innovation-committee'],
  assistance: ['assistance-centre', 'grassroots-cadre'],
  rights: ['mediator'],
  admin: [],
};

/** Departments whose staff the user is, given their roles. */
export function staffDepartments(roles: string[]): string[] {
  if (roles.includes('admin')) return Object.keys(departmentRoles);
  return Object.entries(departmentRoles)
    .filter(([, r]) => r.some((role) => roles.includes(role)))
    .map(([d]) => d);
}
