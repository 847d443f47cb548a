export { pathInScope, type Scope } from './org-scope';
export { createOrgUnit, listOrgTree, orgUnitInScope, updateOrgUnit } from './org-unit-store';
export {
  BUILT_IN_ROLES,
  type BuiltInRole,
  describeRole,
  knownRoleKeys,
  listRoles,
  rolesNamedIn,
} from './role-catalog';
export { createUser, listUsers, setUserActive, updateUser } from './user-store';
export { type AdminUserRow, adminUserQuery, toAdminUser } from './user-view';
