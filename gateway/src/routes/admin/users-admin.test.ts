import { randomUUID } from 'node:crypto';
import type { AdminUserDto, RoleInfoDto, UserPageDto } from '@unionflow/contracts';
import { createOrgDirectoryLoader } from '@unionflow/db';
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

function create(payload: Record<string, unknown>, auth: AuthHeaders = admin, key?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
}

function patch(username: string, payload: Record<string, unknown>, auth: AuthHeaders = admin) {
  return t.app.inject({ method: 'PATCH', url: `/api/admin/users/${username}`, headers: auth, payload });
}

function setActive(username: string, version: number, active: boolean, auth: AuthHeaders = admin) {
  return t.app.inject({
    method: 'POST',
    url: `/api/admin/users/${username}/${active ? 'reactivate' : 'deactivate'}`,
    headers: auth,
    payload: { version },
  });
}

async function list(query: string, auth: AuthHeaders = admin): Promise<UserPageDto> {
  const res = await t.app.inject({ method: 'GET', url: `/api/admin/users?${query}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UserPageDto>();
}

async function userAudit(userId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  const rows = await t.db
    .selectFrom('audit_events')
    .select(['type', 'payload'])
    .where('event_key', 'like', `user:${userId}:%`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ type: r.type, payload: r.payload as Record<string, unknown> }));
}

const tryLogin = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/admin/users', () => {
  it('pages through users in username order with their unit and roles', async () => {
    const first = await list('limit=3');
    expect(first.items.map((u) => u.username)).toEqual(['admin', 'chenjie', 'lina']);
    expect(first.items[2]).toMatchObject({
      displayName: '李娜',
      org: { id: 'org-steel', name: '山钢莱芜分公司工会' },
      roles: ['innovation-reviewer'],
      active: true,
      version: 1,
    });
    const second = await list(`limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((u) => u.username)).toEqual(['liuyang', 'wangfang', 'zhangwei']);
    const third = await list(`limit=3&cursor=${second.nextCursor}`);
    expect(third.items.map((u) => u.username)).toEqual(['zhaolei']);
    expect(third.nextCursor).toBeNull();
  });

  it('searches by username prefix or name, and narrows to a unit subtree', async () => {
    expect((await list('q=zha')).items.map((u) => u.username)).toEqual(['zhangwei', 'zhaolei']);
    expect((await list(`q=${encodeURIComponent('娜')}`)).items.map((u) => u.username)).toEqual(['lina']);
    expect((await list('q=%25')).items).toEqual([]);
    expect((await list('orgId=org-district')).items.map((u) => u.username)).toEqual([
      'lina',
      'zhangwei',
      'zhaolei',
    ]);
    expect((await list('orgId=org-nowhere')).items).toEqual([]);
  });

  it('refuses a forged cursor and an oversized page with 400', async () => {
    for (const q of ['cursor=bm90LWpzb24', 'limit=101', 'status=gone']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/admin/users?${q}`, headers: admin });
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('POST /api/admin/users', () => {
  it('creates a user who can sign in with the initial password; the hash is argon2id', async () => {
    const key = randomUUID();
    const payload = {
      username: 'sunli',
      displayName: '孙丽',
      orgId: 'org-steel',
      roles: ['member', 'innovation-reviewer'],
      password: 'initial-pass-1',
    };
    const res = await create(payload, admin, key);
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json<AdminUserDto>();
    expect(user).toMatchObject({
      username: 'sunli',
      displayName: '孙丽',
      org: { id: 'org-steel' },
      roles: ['innovation-reviewer', 'member'],
      active: true,
      version: 1,
    });
    const replay = await create(payload, admin, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(user.id);

    const stored = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect((await tryLogin('sunli', 'initial-pass-1')).statusCode).toBe(200);
    expect((await tryLogin('sunli', 'wrong-password')).statusCode).toBe(401);

    const audit = await userAudit(user.id);
    expect(audit.map((a) => a.type)).toEqual(['user-created']);
    expect(JSON.stringify(audit[0]!.payload)).not.toContain('initial-pass-1');
    expect(audit[0]!.payload).toMatchObject({ orgId: 'org-steel', username: 'sunli' });
  });

  it('refuses a taken username with 409, whatever its case', async () => {
    const res = await create({
      username: 'lina',
      displayName: '另一个李娜',
      orgId: 'org-steel',
      roles: [],
      password: 'initial-pass-1',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('taken');
    const upper = await create({
      username: 'Lina',
      displayName: 'x',
      orgId: 'org-steel',
      roles: [],
      password: 'initial-pass-1',
    });
    expect(upper.statusCode).toBe(400);
  });

  it('answers bad input with 400 or 422 problems and writes nothing', async () => {
    const good = {
      username: 'newperson',
      displayName: '新人',
      orgId: 'org-steel',
      roles: ['member'],
      password: 'initial-pass-1',
    };
    const before = await t.db.selectFrom('users').select('id').execute();
    const cases: [Record<string, unknown>, number][] = [
      [{ ...good, username: 'ab' }, 400],
      [{ ...good, username: '1abc' }, 400],
      [{ ...good, username: 'has space' }, 400],
      [{ ...good, displayName: ' ' }, 400],
      [{ ...good, password: 'short' }, 422],
      [{ ...good, roles: ['member', 'member'] }, 400],
      [{ ...good, roles: [''] }, 400],
      [{ ...good, orgId: undefined }, 400],
      [{ ...good, roles: ['galactic-overlord'] }, 422],
      [{ ...good, orgId: 'org-nowhere' }, 422],
    ];
    for (const [payload, status] of cases) {
      const res = await create(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await t.db.selectFrom('users').select('id').execute()).toEqual(before);
  });

  it('is for admins only', async () => {
    const lina = await login(t.app, 'lina');
    const res = await create(
      {
        username: 'sneaky',
        displayName: 'x',
        orgId: 'org-steel',
        roles: ['admin'],
        password: 'initial-pass-1',
      },
      lina,
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('PATCH /api/admin/users/:username', () => {
  it('changes name, unit and roles, records what changed, and takes effect on the next request', async () => {
    const lina = await login(t.app, 'lina');
    const res = await patch('zhaolei', {
      version: 1,
      displayName: '赵磊（调任）',
      orgId: 'org-district',
      roles: ['grassroots-cadre', 'mediator'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const user = res.json<AdminUserDto>();
    expect(user).toMatchObject({
      displayName: '赵磊（调任）',
      org: { id: 'org-district' },
      roles: ['grassroots-cadre', 'mediator'],
      version: 2,
    });
    const audit = await userAudit('u-zhaolei');
    expect(audit.map((a) => a.type)).toEqual(['user-updated']);
    expect(audit[0]!.payload).toMatchObject({
      orgId: 'org-district',
      changes: {
        displayName: { from: '赵磊', to: '赵磊（调任）' },
        orgId: { from: 'org-steel', to: 'org-district' },
        roles: { added: ['mediator'], removed: [] },
      },
    });
    // Sending the same values again changes nothing and appends nothing.
    const same = await patch('zhaolei', { version: 2, displayName: '赵磊（调任）' });
    expect(same.json().version).toBe(2);
    expect(await userAudit('u-zhaolei')).toHaveLength(1);
    // Roles are read per request: lina gains the mediator's view at once.
    await patch('lina', { version: 1, roles: ['innovation-reviewer', 'mediator'] });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: lina });
    expect(me.json().roles).toEqual(['innovation-reviewer', 'mediator']);
  });

  it('lets exactly one of two concurrent edits through; the other gets 409', async () => {
    const current = (await list('q=wangfang')).items[0]!;
    const [a, b] = await Promise.all([
      patch('wangfang', { version: current.version, displayName: '王芳甲' }),
      patch('wangfang', { version: current.version, displayName: '王芳乙' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await userAudit('u-wangfang')).map((e) => e.type)).toEqual(['user-updated']);
  });

  it('will not let an admin remove their own admin role, and 404s unknown users', async () => {
    const self = await patch('admin', { version: 1, roles: ['member'] });
    expect(self.statusCode).toBe(422);
    const unknown = await patch('nobody-here', { version: 1, displayName: 'x' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('deactivating and reactivating', () => {
  it('signs the user out, refuses their sign-in, drops them from the org directory, and back again', async () => {
    const directory = createOrgDirectoryLoader(t.db);
    expect((await directory()).users.map((u) => u.username)).toContain('chenjie');
    const session = await login(t.app, 'chenjie');

    const off = await setActive('chenjie', 1, false);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ user: { active: false, version: 2 }, openTasks: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session })).statusCode).toBe(401);
    const refused = await tryLogin('chenjie', 'demo1234');
    expect(refused.statusCode).toBe(401);
    // The loader notices the change the moment it commits, without waiting for any cache to expire.
    expect((await directory()).users.map((u) => u.username)).not.toContain('chenjie');
    expect((await list('status=inactive')).items.map((u) => u.username)).toEqual(['chenjie']);

    const twice = await setActive('chenjie', 2, false);
    expect(twice.statusCode).toBe(409);
    const stale = await setActive('chenjie', 1, true);
    expect(stale.statusCode).toBe(409);

    const on = await setActive('chenjie', 2, true);
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().user).toMatchObject({ active: true, version: 3 });
    expect((await tryLogin('chenjie', 'demo1234')).statusCode).toBe(200);
    expect((await directory()).users.map((u) => u.username)).toContain('chenjie');
    expect((await userAudit('u-chenjie')).map((a) => a.type)).toEqual([
      'user-deactivated',
      'user-reactivated',
    ]);
  });

  it('will not let an admin deactivate themselves', async () => {
    const res = await setActive('admin', 1, false);
    expect(res.statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: admin })).statusCode).toBe(200);
  });

  it('keeps an admin of a grassroots union out of users above it (404)', async () => {
    await create({
      username: 'steeladmin',
      displayName: '基层管理员',
      orgId: 'org-steel',
      roles: ['admin'],
      password: 'steel-pass-12',
    });
    const steel = await firstSignIn(t.app, 'steeladmin', 'steel-pass-12');
    const visible = (await list('limit=100', steel)).items.map((u) => u.username);
    expect(visible).toContain('zhangwei');
    expect(visible).not.toContain('wangfang');
    expect((await setActive('wangfang', 1, false, steel)).statusCode).toBe(404);
    expect((await patch('wangfang', { version: 1, displayName: 'x' }, steel)).statusCode).toBe(404);
    const moveUp = await patch('zhangwei', { version: 1, orgId: 'org-city' }, steel);
    expect(moveUp.statusCode).toBe(422);
    const outside = await create(
      { username: 'cityperson', displayName: 'x', orgId: 'org-city', roles: [], password: 'steel-pass-12' },
      steel,
    );
    expect(outside.statusCode).toBe(422);
  });
});

describe('GET /api/admin/roles', () => {
  it('lists the built-in roles with labels and active member counts, then roles only data names', async () => {
    await t.db.insertInto('user_roles').values({ user_id: 'u-zhangwei', role: 'union-treasurer' }).execute();
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/roles', headers: admin });
    expect(res.statusCode).toBe(200);
    const roles = res.json<RoleInfoDto[]>();
    const byKey = new Map(roles.map((r) => [r.key, r]));
    expect(byKey.get('admin')).toMatchObject({
      name: { zh: '平台管理员', en: 'Platform admin' },
      builtIn: true,
    });
    expect(byKey.get('auditor')).toMatchObject({ builtIn: true, memberCount: 0 });
    expect(byKey.get('innovation-reviewer')!.memberCount).toBeGreaterThanOrEqual(2);
    expect(byKey.get('union-treasurer')).toMatchObject({ builtIn: false, memberCount: 1 });
    expect(roles.at(-1)!.key).toBe('union-treasurer');
    // A role someone holds may be granted to others.
    const granted = await patch('liuyang', { version: 1, roles: ['mediator', 'union-treasurer'] });
    expect(granted.statusCode, granted.body).toBe(200);
  });
});

describe('a user’s superior', () => {
  const current = async (username: string) =>
    (await list(`q=${username}`)).items.find((u) => u.username === username) as AdminUserDto;

  it('is set by username, refused when it would point at the user or loop back, and cleared with null', async () => {
    // In the demo organisation lina reports to wangfang.
    const lina = await current('lina');
    expect(lina.superior?.username).toBe('wangfang');
    const wangfang = await current('wangfang');

    const loop = await patch('wangfang', { version: wangfang.version, superior: 'lina' });
    expect(loop.statusCode, loop.body).toBe(422);
    expect(loop.json().detail).toContain('lina');
    const self = await patch('lina', { version: lina.version, superior: 'lina' });
    expect(self.statusCode).toBe(422);
    const nobody = await patch('lina', { version: lina.version, superior: 'no-such-user' });
    expect(nobody.statusCode).toBe(422);

    const moved = await patch('lina', { version: lina.version, superior: 'chenjie' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<AdminUserDto>().superior).toMatchObject({ username: 'chenjie', displayName: '陈杰' });
    const row = await t.db
      .selectFrom('users')
      .select('superior_id')
      .where('username', '=', 'lina')
      .executeTakeFirst();
    expect(row?.superior_id).toBe('u-chenjie');
    expect((await userAudit('u-lina')).at(-1)).toMatchObject({
      type: 'user-updated',
      payload: { changes: { superior: { from: 'wangfang', to: 'chenjie' } } },
    });

    const cleared = await patch('lina', { version: moved.json<AdminUserDto>().version, superior: null });
    expect(cleared.json<AdminUserDto>().superior).toBeNull();
    const restored = await patch('lina', {
      version: cleared.json<AdminUserDto>().version,
      superior: 'wangfang',
    });
    expect(restored.statusCode).toBe(200);
  });
});
