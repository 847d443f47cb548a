import { DEPARTMENT_STAFF_ROLES, staffDepartments } from '@unionflow/contracts';

/** Roles that work a department's cases (declared in the contracts, which the apps read too). */
export const departmentRoles: Record<string, string[]> = Object.fromEntries(
  Object.entries(DEPARTMENT_STAFF_ROLES).map(([department, roles]) => [department, [...roles]]),
);

export { staffDepartments };
