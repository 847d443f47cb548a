import { randomUUID } from 'node:crypto';
import type { OrgTreeDto, OrgUnitDto } from '@unionflow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthHeaders,
  createTestApp,
  firstSignIn,
  login,
  type TestApp,
} from '../../../test-support/app-harness';

let t: TestApp;
let admin: AuthHeaders;

async function tree(auth: AuthHeaders): Promise<OrgTreeDto> {
  const res = await t.app.inject({ method: 'GET', url: '/api/admin/org-units', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OrgTreeDto>();
}

async function createUnit(auth: AuthHeaders, payload: Record<string, unknown>, key?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/admin/org-units',
    headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
}

async function patchUnit(auth: AuthHeaders, id: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'PATCH', url: `/api/admin/org-units/${id}`, headers: auth, payload });
}

async function pathOf(id: string): Promise<string> {
  return (await t.db.selectFrom('orgs').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
}

async function auditTypes(orgId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('audit_events')
    .select('type')
    .where('event_key', 'like', `org-unit:${orgId}:%`)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.type);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => {
  await t?.close();
});

describe('/api/admin/org-units', () => {
  it('lists the whole tree for the city admin, parents first, with active user counts', async () => {
    const body = await tree(admin);
    expect(body.rootId).toBe('org-city');
    expect(body.units.map((u) => u.id).slice(0, 3)).toEqual(['org-city', 'org-district', 'org-steel']);
    const steel = body.units.find((u) => u.id === 'org-steel')!;
    expect(steel).toMatchObject({ parentId: 'org-district', name: '山钢莱芜分公司工会', version: 1 });
    expect(steel.activeUsers).toBe(3);
  });

  it('creates a unit once per Idempotency-Key, with its path and an audit event', async () => {
    const key = randomUUID();
    const first = await createUnit(admin, { parentId: 'org-steel', name: ' 炼钢厂分工会 ' }, key);
    expect(first.statusCode, first.body).toBe(201);
    const unit = first.json<OrgUnitDto>();
    expect(unit).toMatchObject({
      parentId: 'org-steel',
      name: '炼钢厂分工会',
      level: 'grassroots',
      version: 1,
    });
    // A retry sends the very same body (another body under this key is refused with 422).
    const replay = await createUnit(admin, { parentId: 'org-steel', name: ' 炼钢厂分工会 ' }, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(unit.id);
    expect(await pathOf(unit.id)).toBe(`/org-city/org-district/org-steel/${unit.id}/`);
    expect(await auditTypes(unit.id)).toEqual(['org-unit-created']);

    const again = await createUnit(admin, { parentId: 'org-steel', name: '炼钢厂分工会' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('renames and moves a unit; the move carries its whole subtree along', async () => {
    const parent = (
      await createUnit(admin, { parentId: 'org-steel', name: '轧钢厂分工会' })
    ).json<OrgUnitDto>();
    const child = (await createUnit(admin, { parentId: parent.id, name: '一车间' })).json<OrgUnitDto>();

    const renamed = await patchUnit(admin, parent.id, { version: 1, name: '轧钢厂工会' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '轧钢厂工会', version: 2 });

    const moved = await patchUnit(admin, parent.id, { version: 2, parentId: 'org-district' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: 'org-district', version: 3 });
    expect(await pathOf(parent.id)).toBe(`/org-city/org-district/${parent.id}/`);
    expect(await pathOf(child.id)).toBe(`/org-city/org-district/${parent.id}/${child.id}/`);
    expect(await auditTypes(parent.id)).toEqual(['org-unit-created', 'org-unit-renamed', 'org-unit-moved']);

    // Under itself or its own sub-unit: refused, nothing moves.
    for (const target of [parent.id, child.id]) {
      const cycle = await patchUnit(admin, parent.id, { version: 3, parentId: target });
      expect(cycle.statusCode, cycle.body).toBe(422);
    }
    expect(await pathOf(child.id)).toBe(`/org-city/org-district/${parent.id}/${child.id}/`);
  });

  it('refuses a stale version with 409, and only one of two concurrent edits wins', async () => {
    const unit = (
      await createUnit(admin, { parentId: 'org-district', name: '并发测试工会' })
    ).json<OrgUnitDto>();
    const [a, b] = await Promise.all([
      patchUnit(admin, unit.id, { version: 1, name: '并发甲' }),
      patchUnit(admin, unit.id, { version: 1, name: '并发乙' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const stale = await patchUnit(admin, unit.id, { version: 1, name: '过期' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('reload');
    expect(await auditTypes(unit.id)).toEqual(['org-unit-created', 'org-unit-renamed']);
  });

  it('answers bad input with 400 or 422 problems and writes nothing', async () => {
    const before = await t.db.selectFrom('orgs').select('id').execute();
    const cases: [Record<string, unknown>, number][] = [
      [{ parentId: 'org-steel', name: '' }, 400],
      [{ parentId: 'org-steel', name: '   ' }, 400],
      [{ parentId: 'org-steel', name: 'x'.repeat(101) }, 400],
      [{ parentId: 'org-steel', name: '好', level: 'galaxy' }, 400],
      [{ name: '无上级' }, 400],
      [{ parentId: 'org-nowhere', name: '好' }, 422],
    ];
    for (const [payload, status] of cases) {
      const res = await createUnit(admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await t.db.selectFrom('orgs').select('id').execute()).toEqual(before);
    const missing = await patchUnit(admin, 'org-nowhere', { version: 1, name: '好' });
    expect(missing.statusCode).toBe(404);
    const rootMove = await patchUnit(admin, 'org-city', { version: 1, parentId: 'org-steel' });
    expect(rootMove.statusCode).toBe(422);
  });

  describe('an admin of a district federation', () => {
    let district: AuthHeaders;

    beforeAll(async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: admin,
        payload: {
          username: 'districtadmin',
          displayName: '区管理员',
          orgId: 'org-district',
          roles: ['admin'],
          password: 'district-pass-1',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      district = await firstSignIn(t.app, 'districtadmin', 'district-pass-1');
    });

    it('sees only their own subtree and cannot touch the city federation (404)', async () => {
      const body = await tree(district);
      expect(body.rootId).toBe('org-district');
      const ids = body.units.map((u) => u.id);
      expect(ids).toContain('org-steel');
      expect(ids).not.toContain('org-city');

      const city = await patchUnit(district, 'org-city', { version: 1, name: '改名' });
      expect(city.statusCode).toBe(404);
      const under = await createUnit(district, { parentId: 'org-city', name: '越权' });
      expect(under.statusCode).toBe(422);
      const own = await patchUnit(district, 'org-district', { version: 1, parentId: 'org-steel' });
      expect(own.statusCode).toBe(422);
      const ok = await createUnit(district, { parentId: 'org-steel', name: '区里建的' });
      expect(ok.statusCode).toBe(201);
    });
  });
});
