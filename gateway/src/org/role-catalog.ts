import type { RoleInfoDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import { latestDefinitions } from '../cases/definitions';
import { pathInScope, type Scope } from './org-scope';

type Text = { zh: string; en: string };

/** A role the platform ships with: what it is called and what it lets its holder do. */
export interface BuiltInRole {
  key: string;
  name: Text;
  description: Text;
}

/** The roles the shipped processes, the gateway's permissions and the demo organisation use. */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    key: 'member',
    name: { zh: '会员', en: 'Member' },
    description: {
      zh: '提交申请，查看和跟进本人的案件',
      en: 'Submits applications and follows their own cases',
    },
  },
  {
    key: 'innovation-reviewer',
    name: { zh: '创新评审', en: 'Innovation reviewer' },
    description: {
      zh: '审核本单位及下级单位的创新提案',
      en: 'Reviews innovation proposals in their unit and below',
    },
  },
  {
    key: 'innovation-committee',
    name: { zh: '创新委员会', en: 'Innovation committee' },
    description: {
      zh: '评定创新成果等级与奖励，参与季度和年度评选',
      en: 'Grades innovation results and awards, and runs the quarterly and yearly selections',
    },
  },
  {
    key: 'assistance-centre',
    name: { zh: '帮扶中心', en: 'Assistance centre' },
    description: {
      zh: '受理困难职工建档与帮扶，可查看家庭信息',
      en: 'Handles hardship files and aid; may read household data',
    },
  },
  {
    key: 'grassroots-cadre',
    name: { zh: '基层工会干部', en: 'Grassroots union cadre' },
    description: {
      zh: '入户核实困难职工情况，结对帮扶',
      en: 'Verifies hardship cases at home and is paired with households',
    },
  },
  {
    key: 'mediator',
    name: { zh: '调解员', en: 'Mediator' },
    description: {
      zh: '办理劳动争议调解和主席信箱来信',
      en: "Mediates labour disputes and answers the chairman's mailbox",
    },
  },
  {
    key: 'social-worker',
    name: { zh: '社工', en: 'Social worker' },
    description: {
      zh: '工伤探视慰问：医院现场或电话探视，核实工伤待遇',
      en: 'Visits injured workers in hospital or by phone and checks their benefits',
    },
  },
  {
    key: 'organisation-dept',
    name: { zh: '组织部', en: 'Organisation department' },
    description: {
      zh: '审核基层工会补贴申请并核定金额',
      en: 'Reviews grassroots union subsidy applications and approves the amount',
    },
  },
  {
    key: 'admin',
    name: { zh: '平台管理员', en: 'Platform admin' },
    description: {
      zh: '管理本单位及下级单位的组织、用户、角色和流程',
      en: 'Manages org units, users, roles and processes in their unit and below',
    },
  },
  {
    key: 'auditor',
    name: { zh: '审计员', en: 'Auditor' },
    description: {
      zh: '查看本单位及下级单位的审计日志并校验哈希链',
      en: 'Reads the audit log of their unit and below and verifies its hash chain',
    },
  },
];

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
