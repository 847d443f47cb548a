import { randomUUID } from 'node:crypto';
import type {
  AdminUserDto,
  CreateUserBody,
  UpdateUserBody,
  UserListParams,
  UserPageDto,
  UserStatusResultDto,
} from '@unionflow/contracts';
import { appendAuditEvents, type Database, hashPassword } from '@unionflow/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { assertNewPassword, inOrgScope } from '../auth';
import { decodeCursor, encodeCursor } from '../cases/cursor';
import { conflict, notFound, unprocessable } from '../errors';
import { escapeLike } from '../sql-text';
import { pathInScope, type Scope } from './org-scope';
import { orgUnitInScope } from './org-unit-store';
import { knownRoleKeys } from './role-catalog';
import { type AdminUserRow, adminUserQuery, toAdminUser } from './user-view';

type Db = Kysely<Database>;

/** Users of the caller's subtree in username order, optionally searched and narrowed to one unit's subtree. */
export async function listUsers(db: Db, scope: Scope, query: UserListParams): Promise<UserPageDto> {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.cursor, ['key'])?.[0] ?? null;
  let q = adminUserQuery(db).where((eb) => pathInScope(eb.ref('o.path'), scope));
  if (query.orgId) {
    const unit = await orgUnitInScope(db, scope, query.orgId);
    if (!unit) return { items: [], nextCursor: null };
    q = q.where(sql<boolean>`starts_with(o.path, ${unit.path})`);
  }
  if (query.status === 'active') q = q.where('u.disabled', '=', false);
  if (query.status === 'inactive') q = q.where('u.disabled', '=', true);
  const text = query.q?.trim();
  if (text) {
    const term = escapeLike(text);
    q = q.where((eb) =>
      eb.or([eb('u.username', 'ilike', `${term}%`), eb('u.display_name', 'ilike', `%${term}%`)]),
    );
  }
  if (after !== null) q = q.where('u.username', '>', after);
  const rows = await q
    .orderBy('u.username')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toAdminUser),
    nextCursor: rows.length > limit && last ? encodeCursor([last.username]) : null,
  };
}

async function checkRoles(db: Db | Transaction<Database>, roles: string[]): Promise<void> {
  const known = new Set(await knownRoleKeys(db));
  const unknown = roles.filter((r) => !known.has(r));
  if (unknown.length > 0) {
    throw unprocessable(
      `没有这些角色：${unknown.join('、')} / unknown role(s): ${unknown.join(', ')}`,
      unknown.map((r) => ({ path: 'body.roles', message: `"${r}" is not a role the platform knows` })),
    );
  }
}

async function targetOrg(trx: Transaction<Database>, scope: Scope, orgId: string) {
  const org = await orgUnitInScope(trx, scope, orgId);
  if (!org) {
    throw unprocessable(`没有组织 ${orgId} / no org unit "${orgId}"`, [
      { path: 'body.orgId', message: 'is not an org unit you manage' },
    ]);
  }
  return org;
}

async function reload(trx: Transaction<Database>, id: string): Promise<AdminUserRow> {
  return adminUserQuery(trx).where('u.id', '=', id).executeTakeFirstOrThrow();
}

/** Creates a user in a unit of the caller's subtree; the password is stored as an argon2id hash only. */
export async function createUser(db: Db, scope: Scope, body: CreateUserBody): Promise<AdminUserDto> {
  await checkRoles(db, body.roles);
  assertNewPassword(body.password, body.username);
  // Hashing takes a while on purpose; do it before the transaction holds any lock.
  const passwordHash = await hashPassword(body.password);
  const displayName = body.displayName.trim();
  return db.transaction().execute(async (trx) => {
    const org = await targetOrg(trx, scope, body.orgId);
    const id = `u-${randomUUID()}`;
    const now = new Date();
    const inserted = await trx
      .insertInto('users')
      .values({
        id,
        username: body.username,
        display_name: displayName,
        password_hash: passwordHash,
        org_id: org.id,
        superior_id: null,
        locale: 'zh-CN',
        time_zone: 'Asia/Shanghai',
        disabled: false,
        // The admin knows this password: the user replaces it before doing anything else.
        must_change_password: true,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      throw conflict(`用户名 ${body.username} 已被使用 / the username "${body.username}" is taken`);
    }
    if (body.roles.length > 0) {
      await trx
        .insertInto('user_roles')
        .values(body.roles.map((role) => ({ user_id: id, role })))
        .execute();
    }
    await appendAuditEvents(trx, [
      {
        eventKey: `user:${id}:v1:created`,
        caseId: null,
        at: now.toISOString(),
        actorId: scope.id,
        type: 'user-created',
        payload: { orgId: org.id, userId: id, username: body.username, displayName, roles: body.roles },
      },
    ]);
    return toAdminUser(await reload(trx, id));
  });
}

/** Locks the user row and checks scope and version: 404 outside the caller's subtree, 409 when stale. */
async function lockForEdit(
  trx: Transaction<Database>,
  scope: Scope,
  username: string,
  version: number,
): Promise<AdminUserRow> {
  const locked = await trx
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .forUpdate()
    .executeTakeFirst();
  const row = locked ? await reload(trx, locked.id) : undefined;
  // Users outside the admin's subtree are as unknown as users that do not exist.
  if (!row || !inOrgScope(scope, row.org_path))
    throw notFound(`没有用户 ${username} / no user "${username}"`);
  if (row.version !== version) {
    throw conflict(
      '该用户已被他人修改，请刷新后再改 / someone changed this user meanwhile; reload and retry',
    );
  }
  return row;
}

/**
 * The id of an active user who may be `userId`'s superior: not the user, and not anyone whose own
 * chain of superiors leads back to the user (an escalation would go round in circles).
 */
async function superiorFor(trx: Transaction<Database>, userId: string, username: string): Promise<string> {
  const refuse = (message: string) =>
    unprocessable(message, [{ path: 'body.superior', message: 'not a possible superior' }]);
  const superior = await trx
    .selectFrom('users')
    .select(['id', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!superior || superior.disabled)
    throw refuse(`没有在用的用户 ${username} / no active user "${username}"`);
  if (superior.id === userId) throw refuse('不能把自己设为上级 / a user cannot be their own superior');
  const chain = await sql<{ id: string }>`
    with recursive up(id, depth) as (
      select superior_id, 1 from users where id = ${superior.id}
      union all
      select u.superior_id, up.depth + 1 from users u join up on u.id = up.id where up.depth < 100
    )
    select id from up where id = ${userId} limit 1`.execute(trx);
  if (chain.rows.length > 0)
    throw refuse(`${username} 的上级链中已有此人，会形成循环 / "${username}" already reports to this user`);
  return superior.id;
}

/** Changes a user's name, unit, roles and/or superior; only the fields sent change, each is audited. */
export async function updateUser(
  db: Db,
  scope: Scope,
  username: string,
  body: UpdateUserBody,
): Promise<AdminUserDto> {
  if (body.roles) await checkRoles(db, body.roles);
  return db.transaction().execute(async (trx) => {
    const row = await lockForEdit(trx, scope, username, body.version);
    const displayName = body.displayName?.trim();
    const changes: Record<string, unknown> = {};
    if (displayName !== undefined && displayName !== row.display_name) {
      changes.displayName = { from: row.display_name, to: displayName };
    }
    let orgId = row.org_id;
    if (body.orgId !== undefined && body.orgId !== row.org_id) {
      orgId = (await targetOrg(trx, scope, body.orgId)).id;
      changes.orgId = { from: row.org_id, to: orgId };
    }
    const added = (body.roles ?? []).filter((r) => !row.roles.includes(r));
    const removed = body.roles ? row.roles.filter((r) => !body.roles!.includes(r)) : [];
    if (row.id === scope.id && removed.includes('admin')) {
      throw unprocessable('不能取消自己的管理员角色 / you cannot remove your own admin role', [
        { path: 'body.roles', message: 'must keep admin for yourself' },
      ]);
    }
    if (added.length > 0 || removed.length > 0) changes.roles = { added, removed };
    let superiorId = row.superior_id;
    if (body.superior !== undefined && body.superior !== (row.superior_username ?? null)) {
      superiorId = body.superior === null ? null : await superiorFor(trx, row.id, body.superior);
      changes.superior = { from: row.superior_username ?? null, to: body.superior };
    }
    if (Object.keys(changes).length === 0) return toAdminUser(row);

    const now = new Date();
    const version = row.version + 1;
    await trx
      .updateTable('users')
      .set({
        display_name: displayName ?? row.display_name,
        org_id: orgId,
        superior_id: superiorId,
        version,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    if (removed.length > 0) {
      await trx.deleteFrom('user_roles').where('user_id', '=', row.id).where('role', 'in', removed).execute();
    }
    if (added.length > 0) {
      await trx
        .insertInto('user_roles')
        .values(added.map((role) => ({ user_id: row.id, role })))
        .execute();
    }
    await appendAuditEvents(trx, [
      {
        eventKey: `user:${row.id}:v${version}:updated`,
        caseId: null,
        at: now.toISOString(),
        actorId: scope.id,
        type: 'user-updated',
        payload: { orgId, userId: row.id, username: row.username, changes },
      },
    ]);
    return toAdminUser(await reload(trx, row.id));
  });
}

/**
 * Deactivates or reactivates a user. A deactivated user's sessions end at once, sign-in refuses
 * them, and the org directory (which assignment reads) leaves them out; tasks they already hold stay
 * where they are, so the answer says how many, for a hand-over.
 */
export async function setUserActive(
  db: Db,
  scope: Scope,
  username: string,
  version: number,
  active: boolean,
): Promise<UserStatusResultDto> {
  const user = await db.transaction().execute(async (trx) => {
    const row = await lockForEdit(trx, scope, username, version);
    if (!active && row.id === scope.id) {
      throw unprocessable('不能停用自己的账号 / you cannot deactivate yourself');
    }
    if (row.disabled === !active) {
      throw conflict(
        active
          ? `用户 ${username} 已是启用状态 / "${username}" is already active`
          : `用户 ${username} 已停用 / "${username}" is already deactivated`,
      );
    }
    const now = new Date();
    const next = row.version + 1;
    await trx
      .updateTable('users')
      .set({ disabled: !active, version: next, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    if (!active) await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    await appendAuditEvents(trx, [
      {
        eventKey: `user:${row.id}:v${next}:${active ? 'reactivated' : 'deactivated'}`,
        caseId: null,
        at: now.toISOString(),
        actorId: scope.id,
        type: active ? 'user-reactivated' : 'user-deactivated',
        payload: { orgId: row.org_id, userId: row.id, username: row.username },
      },
    ]);
    return toAdminUser(await reload(trx, row.id));
  });
  const open = await db
    .selectFrom('task_candidates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', user.id)
    .where('open', '=', true)
    .executeTakeFirstOrThrow();
  return { user, openTasks: Number(open.n) };
}
