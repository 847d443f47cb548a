import { claimProcessKey, type Database } from '@unionflow/db';
import type { Kysely, Transaction } from 'kysely';
import { type AuthUser, inOrgScope } from '../auth';
import { notFound, unprocessable } from '../errors';

type Db = Kysely<Database>;

/** The owning org of a process key and whether it is retired; null fields when the key has no owner row. */
export interface ProcessOwnership {
  ownerOrgId: string | null;
  ownerName: string | null;
  ownerPath: string | null;
  retiredAt: Date | null;
}

/** An admin of a unit without a parent: the federation's own admins. */
export function isTopLevel(user: Pick<AuthUser, 'orgPath'>): boolean {
  return user.orgPath.split('/').filter(Boolean).length === 1;
}

/**
 * Whether an admin manages a process: its owner lies in their subtree. A process without an owner
 * (published before ownership existed, on a directory without a root) is federation-wide.
 */
export function managesProcess(user: Pick<AuthUser, 'orgPath'>, owner: Pick<ProcessOwnership, 'ownerPath'>) {
  return owner.ownerPath === null ? isTopLevel(user) : inOrgScope(user, owner.ownerPath);
}

/** Whether a user may start a process owned this way: they belong to the owner's subtree. */
export function inStartScope(user: Pick<AuthUser, 'orgPath'>, owner: Pick<ProcessOwnership, 'ownerPath'>) {
  return owner.ownerPath === null || user.orgPath.startsWith(owner.ownerPath);
}

/** Ownership of a key, or null when no row names an owner. */
export async function processOwnership(db: Db, key: string): Promise<ProcessOwnership | null> {
  const row = await db
    .selectFrom('process_owners as p')
    .leftJoin('orgs as o', 'o.id', 'p.owner_org_id')
    .select(['p.owner_org_id', 'o.name', 'o.path', 'p.retired_at'])
    .where('p.key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ownerOrgId: row.owner_org_id,
    ownerName: row.name,
    ownerPath: row.path,
    retiredAt: row.retired_at ? new Date(row.retired_at) : null,
  };
}

async function keyExists(db: Db, key: string): Promise<boolean> {
  const [version, draft] = await Promise.all([
    db.selectFrom('process_versions').select('key').where('key', '=', key).limit(1).executeTakeFirst(),
    db.selectFrom('process_drafts').select('key').where('key', '=', key).executeTakeFirst(),
  ]);
  return version !== undefined || draft !== undefined;
}

/** The 404 for a process the caller may not see: the same answer as for one that does not exist. */
export const noProcess = (key: string) => notFound(`没有名为 ${key} 的流程 / no process "${key}"`);

/**
 * Refuses (404, as if it did not exist) a process key owned outside the admin's subtree. A key nobody
 * has used yet passes: saving its first draft makes the admin's org (or the one they name) its owner.
 */
export async function requireManagedKey(db: Db, user: AuthUser, key: string): Promise<void> {
  const owner = await processOwnership(db, key);
  if (owner) {
    if (!managesProcess(user, owner)) throw noProcess(key);
    return;
  }
  if ((await keyExists(db, key)) && !isTopLevel(user)) throw noProcess(key);
}

/**
 * Inside the draft save's transaction: makes sure the key is the admin's to edit, and gives a new key
 * its owner (`ownerOrgId`, default the admin's own org), which must lie in the admin's subtree.
 */
export async function claimForDraft(
  trx: Transaction<Database>,
  user: AuthUser,
  key: string,
  ownerOrgId: string | undefined,
): Promise<void> {
  const owner = await processOwnership(trx, key);
  if (owner) {
    if (!managesProcess(user, owner)) throw noProcess(key);
    if (ownerOrgId !== undefined && ownerOrgId !== owner.ownerOrgId) {
      throw unprocessable(
        `流程 ${key} 已属于${owner.ownerName ?? '其他组织'}，不能更换所属组织 / process "${key}" already belongs to ${owner.ownerName ?? 'another unit'}; its owner cannot be changed`,
        [{ path: '/ownerOrgId', message: 'The owner of an existing process cannot be changed.' }],
      );
    }
    return;
  }
  if (await keyExists(trx, key)) {
    // Published before owners were recorded: federation-wide, which the hook already checked.
    await claimProcessKey(trx, key, undefined);
    return;
  }
  const wanted = ownerOrgId ?? user.orgId;
  const org = await trx.selectFrom('orgs').select('path').where('id', '=', wanted).executeTakeFirst();
  if (!org || !inOrgScope(user, org.path)) {
    throw unprocessable(
      `所属组织 ${wanted} 不存在或不在您管理的范围内 / the owning unit "${wanted}" does not exist or is outside the units you manage`,
      [{ path: '/ownerOrgId', message: 'Name a unit in your own subtree.' }],
    );
  }
  await claimProcessKey(trx, key, wanted);
}

/**
 * A process may run as sub-processes only processes its own members could start: each child's owner
 * must be the parent's owner or above it. Otherwise a union's admin could let its members start another
 * union's process through a child step (422, naming each step).
 */
export async function requireReachableSubprocesses(db: Db, key: string, document: Record<string, unknown>) {
  const nodes = Array.isArray(document.nodes) ? (document.nodes as Record<string, unknown>[]) : [];
  const children = nodes.filter((n) => n.kind === 'subprocess' && typeof n.processKey === 'string');
  if (children.length === 0) return;
  const parent = await processOwnership(db, key);
  const parentPath = parent?.ownerPath ?? null;
  const problems = [];
  for (const node of children) {
    const child = await processOwnership(db, node.processKey as string);
    const childPath = child?.ownerPath ?? null;
    const reachable = childPath === null || parentPath?.startsWith(childPath) === true;
    if (!reachable) {
      problems.push({
        path: String(node.id),
        message: `子流程 ${String(node.processKey)} 属于${child?.ownerName ?? '其他组织'}，本流程的申请人无权发起 / the sub-process "${String(node.processKey)}" belongs to ${child?.ownerName ?? 'another unit'}, whose processes this process's applicants may not start`,
      });
    }
  }
  const first = problems[0];
  if (first) throw unprocessable(first.message, problems);
}
