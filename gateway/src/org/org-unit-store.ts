import { randomUUID } from 'node:crypto';
import type { CreateOrgUnitBody, OrgTreeDto, OrgUnitDto, UpdateOrgUnitBody } from '@unionflow/contracts';
import { type AuditEventInput, appendAuditEvents, type Database } from '@unionflow/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { inOrgScope } from '../auth';
import { conflict, notFound, unprocessable } from '../errors';
import { lockOrgTree, pathInScope, type Scope } from './org-scope';

type Db = Kysely<Database>;

function unitQuery(db: Db | Transaction<Database>) {
  return db
    .selectFrom('orgs as o')
    .select([
      'o.id',
      'o.parent_id',
      'o.name',
      'o.level',
      'o.path',
      'o.version',
      sql<string>`(select count(*) from users u where u.org_id = o.id and not u.disabled)`.as('active_users'),
    ]);
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

function toOrgUnit(row: UnitRow): OrgUnitDto {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    level: row.level,
    version: row.version,
    activeUsers: Number(row.active_users),
  };
}

/** The caller's own unit and every unit under it, parents before children. */
export async function listOrgTree(db: Db, scope: Scope): Promise<OrgTreeDto> {
  const rows = await unitQuery(db)
    .where((eb) => pathInScope(eb.ref('o.path'), scope))
    .orderBy('o.path')
    .execute();
  return { rootId: scope.orgId, units: rows.map(toOrgUnit) };
}

/** One unit of the caller's subtree, for the admin screens; undefined when absent or out of scope. */
export async function orgUnitInScope(
  db: Db | Transaction<Database>,
  scope: Scope,
  id: string,
): Promise<UnitRow | undefined> {
  const row = await unitQuery(db).where('o.id', '=', id).executeTakeFirst();
  return row && inOrgScope(scope, row.path) ? row : undefined;
}

async function siblingNamed(
  trx: Transaction<Database>,
  parentId: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  let q = trx.selectFrom('orgs').select('id').where('parent_id', '=', parentId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

function duplicateName(name: string) {
  return conflict(`上级单位下已有名为「${name}」的组织 / the parent already has a unit named "${name}"`);
}

async function parentOrThrow(trx: Transaction<Database>, scope: Scope, parentId: string) {
  const parent = await orgUnitInScope(trx, scope, parentId);
  if (!parent) {
    throw unprocessable(`没有上级单位 ${parentId} / no org unit "${parentId}"`, [
      { path: 'body.parentId', message: 'is not an org unit you manage' },
    ]);
  }
  return parent;
}

/** Creates a unit under a parent in the caller's subtree, with its audit event. */
export async function createOrgUnit(db: Db, scope: Scope, body: CreateOrgUnitBody): Promise<OrgUnitDto> {
  const name = body.name.trim();
  return db.transaction().execute(async (trx) => {
    await lockOrgTree().execute(trx);
    const parent = await parentOrThrow(trx, scope, body.parentId);
    if (await siblingNamed(trx, parent.id, name, null)) throw duplicateName(name);
    const id = `org-${randomUUID()}`;
    const level = body.level ?? 'grassroots';
    const now = new Date();
    await trx
      .insertInto('orgs')
      .values({ id, parent_id: parent.id, name, level, path: `${parent.path}${id}/`, updated_at: now })
      .execute();
    await appendAuditEvents(trx, [
      {
        eventKey: `org-unit:${id}:v1:created`,
        caseId: null,
        at: now.toISOString(),
        actorId: scope.id,
        type: 'org-unit-created',
        payload: { orgId: id, parentId: parent.id, name, level },
      },
    ]);
    return toOrgUnit((await unitQuery(trx).where('o.id', '=', id).executeTakeFirst())!);
  });
}

/**
 * Renames and/or moves a unit of the caller's subtree. `version` must be the one the edit started
 * from (409 otherwise). A move rewrites the materialised path of the whole subtree in the same
 * transaction, so scope checks never see half a move.
 */
export async function updateOrgUnit(
  db: Db,
  scope: Scope,
  id: string,
  body: UpdateOrgUnitBody,
): Promise<OrgUnitDto> {
  return db.transaction().execute(async (trx) => {
    await lockOrgTree().execute(trx);
    const unit = await orgUnitInScope(trx, scope, id);
    if (!unit) throw notFound(`没有组织 ${id} / no org unit "${id}"`);
    if (unit.version !== body.version) {
      throw conflict(
        '该组织已被他人修改，请刷新后再改 / someone changed this unit meanwhile; reload and retry',
      );
    }
    const name = body.name?.trim();
    const renamed = name !== undefined && name !== unit.name;
    const moved = body.parentId !== undefined && body.parentId !== unit.parent_id;
    if (!renamed && !moved) return toOrgUnit(unit);

    let parentId = unit.parent_id;
    let path = unit.path;
    if (moved) {
      if (unit.id === scope.orgId || unit.parent_id === null) {
        throw unprocessable('不能移动您所在的组织 / you cannot move the unit you administer from', [
          { path: 'body.parentId', message: 'cannot move this unit' },
        ]);
      }
      const parent = await parentOrThrow(trx, scope, body.parentId!);
      if (parent.path.startsWith(unit.path)) {
        throw unprocessable(
          '不能移到自身或其下级组织之下 / a unit cannot move under itself or its sub-units',
          [{ path: 'body.parentId', message: 'is this unit or one of its sub-units' }],
        );
      }
      parentId = parent.id;
      path = `${parent.path}${unit.id}/`;
    }
    const finalName = renamed ? name : unit.name;
    if ((renamed || moved) && parentId && (await siblingNamed(trx, parentId, finalName, unit.id))) {
      throw duplicateName(finalName);
    }

    const now = new Date();
    const version = unit.version + 1;
    if (moved) {
      await trx
        .updateTable('orgs')
        .set({ path: sql`${path} || substr(path, ${unit.path.length + 1})` })
        .where(sql<boolean>`starts_with(path, ${unit.path})`)
        .execute();
    }
    await trx
      .updateTable('orgs')
      .set({ name: finalName, parent_id: parentId, version, updated_at: now })
      .where('id', '=', unit.id)
      .execute();
    const events: AuditEventInput[] = [];
    const base = { caseId: null, at: now.toISOString(), actorId: scope.id };
    if (renamed) {
      events.push({
        ...base,
        eventKey: `org-unit:${unit.id}:v${version}:renamed`,
        type: 'org-unit-renamed',
        payload: { orgId: unit.id, from: unit.name, to: finalName },
      });
    }
    if (moved) {
      events.push({
        ...base,
        eventKey: `org-unit:${unit.id}:v${version}:moved`,
        type: 'org-unit-moved',
        payload: { orgId: unit.id, fromParentId: unit.parent_id, toParentId: parentId },
      });
    }
    await appendAuditEvents(trx, events);
    return toOrgUnit((await unitQuery(trx).where('o.id', '=', unit.id).executeTakeFirst())!);
  });
}
