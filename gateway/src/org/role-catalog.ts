import type { RoleInfoDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { BUILT_IN_ROLES, type BuiltInRole } from '@unionflow/domain/names';
import type { Kysely } from 'kysely';
import { latestDefinitions } from '../cases/definitions';
import { pathInScope, type Scope } from './org-scope';

export { BUILT_IN_ROLES, type BuiltInRole } from '@unionflow/domain/names';

const BUILT_IN = new Set(BUILT_IN_ROLES.map((r) => r.key));

/** Role keys named anywhere inside a definition: assignee rules and sensitive viewers. */
export function rolesNamedIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) rolesNamedIn(v, into);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.kind === 'role' && typeof o.role === 'string') into.add(o.role);
    if (Array.isArray(o.sensitiveViewerRoles)) {
      for (const r of o.sensitiveViewerRoles) if (typeof r === 'string') into.add(r);
    }
    for (const v of Object.values(o)) rolesNamedIn(v, into);
  }
  return into;
}

/**
 * Every role an admin may grant: the built-in ones, those the latest published definitions assign
 * steps to (an admin may design a step for a new role), and those users already hold.
 */
export async function knownRoleKeys(db: Kysely<Database>): Promise<string[]> {
  const [latest, held] = await Promise.all([
    latestDefinitions(db),
    db.selectFrom('user_roles').select('role').distinct().execute(),
  ]);
  const keys = new Set<string>(BUILT_IN);
  for (const definition of latest) rolesNamedIn(definition, keys);
  for (const row of held) keys.add(row.role);
  const order = (k: string) => {
    const i = BUILT_IN_ROLES.findIndex((r) => r.key === k);
    return i === -1 ? BUILT_IN_ROLES.length : i;
  };
  return [...keys].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

/** The label and description of a role; roles the platform does not ship are shown by their key. */
export function describeRole(key: string): BuiltInRole & { builtIn: boolean } {
  const found = BUILT_IN_ROLES.find((r) => r.key === key);
  if (found) return { ...found, builtIn: true };
  return {
    key,
    name: { zh: key, en: key },
    description: { zh: '流程定义中使用的角色', en: 'A role a process definition uses' },
    builtIn: false,
  };
}

/** Every known role with its label and how many active users of the caller's subtree hold it. */
export async function listRoles(db: Kysely<Database>, scope: Scope): Promise<RoleInfoDto[]> {
  const [keys, counts] = await Promise.all([
    knownRoleKeys(db),
    db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['r.role', (eb) => eb.fn.countAll<string>().as('n')])
      .where('u.disabled', '=', false)
      .where((eb) => pathInScope(eb.ref('o.path'), scope))
      .groupBy('r.role')
      .execute(),
  ]);
  const held = new Map(counts.map((c) => [c.role, Number(c.n)]));
  return keys.map((key) => {
    const { name, description, builtIn } = describeRole(key);
    return { key, name, description, builtIn, memberCount: held.get(key) ?? 0 };
  });
}
