import { randomUUID } from 'node:crypto';
import type { AdminUserDto, CaseDetailDto, UserPageDto } from '@unionflow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;
let engine: EngineHarness;
let admin: AuthHeaders;
let applicant: AuthHeaders;

async function candidatesOfNewCase(title: string): Promise<string[]> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: applicant,
    payload: { processKey: 'simple-approval', data: { title } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseDetailDto>().tasks[0]!.candidates.map((c) => c.username);
}

async function user(username: string): Promise<AdminUserDto> {
  const res = await t.app.inject({ method: 'GET', url: `/api/admin/users?q=${username}`, headers: admin });
  return res.json<UserPageDto>().items.find((u) => u.username === username)!;
}

async function setActive(username: string, active: boolean) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/admin/users/${username}/${active ? 'reactivate' : 'deactivate'}`,
    headers: admin,
    payload: { version: (await user(username)).version },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ user: AdminUserDto; openTasks: number }>();
}

beforeAll(async () => {
  const taskQueue = `deactivated-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  admin = await login(t.app, 'admin');
  applicant = await login(t.app, 'zhangwei');
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('a deactivated user', () => {
  it('cannot sign in and is not assigned new tasks; the next reviewer up the tree is', async () => {
    expect(await candidatesOfNewCase('停用之前')).toEqual(['lina']);
    const linaSession = await login(t.app, 'lina');

    const off = await setActive('lina', false);
    // The task she already holds stays with her: the admin is told to hand it over.
    expect(off.openTasks).toBe(1);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lina', password: 'demo1234' },
    });
    expect(signIn.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox', headers: linaSession })).statusCode).toBe(
      401,
    );
    // The nearest innovation reviewer is now the city federation's.
    expect(await candidatesOfNewCase('停用之后')).toEqual(['wangfang']);

    await setActive('lina', true);
    expect(await candidatesOfNewCase('重新启用之后')).toEqual(['lina']);
  });

  it('does not receive tasks through a standing delegation given to them before', async () => {
    const lina = await login(t.app, 'lina');
    const delegated = await t.app.inject({
      method: 'POST',
      url: '/api/me/delegations',
      headers: lina,
      payload: { to: 'liuyang', reason: '外出学习' },
    });
    expect(delegated.statusCode, delegated.body).toBe(201);
    expect(await candidatesOfNewCase('委托给在岗的人')).toEqual(['liuyang']);

    await setActive('liuyang', false);
    expect(await candidatesOfNewCase('委托给已停用的人')).toEqual(['lina']);
  });
});
