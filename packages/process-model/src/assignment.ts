import type { Applicant, AssigneeRule, EmptyAssigneePolicy, OrgDirectory, OrgScope } from './types';

/** What an assignee rule is resolved against. */
export interface AssignmentContext {
  applicant: Applicant;
  data: Record<string, unknown>;
  /** The user who decided the previous human step (for `superior-of-previous`). */
  previousDeciderId?: string;
}

/** The policy used when a human step does not set `emptyAssignee`. */
export const DEFAULT_EMPTY_ASSIGNEE_POLICY: EmptyAssigneePolicy = 'admin-queue';

type OrgUser = OrgDirectory['users'][number];

/**
 * User ids the rule designates, without duplicates, in the order given (a `field` rule keeps the
 * applicant's order and a `users` rule the designer's, which a sequential 依次 step asks in) or, for role holders, by username; `[]` when
 * nobody matches (the caller then applies the step's empty-assignee policy).
 */
export function resolveAssignees(rule: AssigneeRule, ctx: AssignmentContext, org: OrgDirectory): string[] {
  return ordered(rule, resolveUsers(rule, ctx, org)).map((user) => user.id);
}

/** Like resolveAssignees but returns the directory entries. */
export function resolveAssigneeUsers(
  rule: AssigneeRule,
  ctx: AssignmentContext,
  org: OrgDirectory,
): OrgUser[] {
  return ordered(rule, resolveUsers(rule, ctx, org));
}

function resolveUsers(rule: AssigneeRule, ctx: AssignmentContext, org: OrgDirectory): OrgUser[] {
  switch (rule.kind) {
    case 'role':
      return roleHolders(org, rule.role, scopeOrgs(org, ctx.applicant.orgId, rule.scope, rule.role));
    case 'user':
      return org.users.filter((user) => user.username === rule.username);
    case 'users':
      return rule.usernames.flatMap((name) => org.users.filter((user) => user.username === name));
    case 'paired-cadre': {
      const cadreId = org.pairings?.[ctx.applicant.userId];
      return org.users.filter((user) => user.id === cadreId);
    }
    case 'superior-of-previous': {
      const previous = org.users.find((user) => user.id === ctx.previousDeciderId);
      return previous?.superiorId ? org.users.filter((user) => user.id === previous.superiorId) : [];
    }
    case 'field':
      return usersInField(org, ctx.data[rule.field]);
  }
}

/** Org ids where the role is looked up for a scope; `nearest` stops at the first org with a holder. */
function scopeOrgs(org: OrgDirectory, orgId: string, scope: OrgScope, role: string): string[] {
  const chain = ancestry(org, orgId);
  switch (scope) {
    case 'applicant-org':
      return chain.slice(0, 1);
    case 'parent-org':
      return chain.slice(1, 2);
    case 'root':
      return chain.slice(-1);
    case 'nearest': {
      const found = chain.find((id) => roleHolders(org, role, [id]).length > 0);
      return found === undefined ? [] : [found];
    }
  }
}

/** The org and its ancestors, nearest first; stops on unknown ids and on cycles in bad data. */
export function ancestry(org: OrgDirectory, orgId: string): string[] {
  const byId = new Map(org.orgs.map((o) => [o.id, o]));
  const chain: string[] = [];
  let current = byId.get(orgId);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

function roleHolders(org: OrgDirectory, role: string, orgIds: string[]): OrgUser[] {
  return org.users.filter((user) => orgIds.includes(user.orgId) && user.roles.includes(role));
}

/** A `field` rule's value is a username or a list of them (a user id is accepted as well), in its order. */
function usersInField(org: OrgDirectory, value: unknown): OrgUser[] {
  const names = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  return names.flatMap((name) => org.users.filter((user) => user.username === name || user.id === name));
}

/** Without duplicates; a list someone wrote keeps its order, role holders (no order of their own) go by username. */
function ordered(rule: AssigneeRule, users: OrgUser[]): OrgUser[] {
  const unique = [...new Map(users.map((user) => [user.id, user])).values()];
  if (rule.kind === 'field' || rule.kind === 'users') return unique;
  return unique.sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
}
