/** The signed-in caller, resolved from the session on every `auth: 'user'` route. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  /** Materialised org path, e.g. `/org-city/org-district/org-steel/`. */
  orgPath: string;
  roles: string[];
  locale: string;
  timeZone: string;
}

/**
 * An org path with its trailing separator. Stored paths end in `/`; a prefix test on one without it
 * would read `/org-1/org-2` as the start of `/org-1/org-23/`, a sibling's subtree.
 */
export function subtreePrefix(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/** True when something owned by the org at `orgPath` lies in the user's org subtree. */
export function inOrgScope(user: Pick<AuthUser, 'orgPath'>, orgPath: string): boolean {
  return subtreePrefix(orgPath).startsWith(subtreePrefix(user.orgPath));
}

/** True when the user holds at least one of `roles`. */
export function hasAnyRole(user: Pick<AuthUser, 'roles'>, roles: readonly string[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
