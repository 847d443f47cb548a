import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/users', () => {
  it('finds people by username prefix or by name, exact username first', async () => {
    // The city federation's staff see the whole tree (ASVS V4 tests cover the subtree limit).
    const wangfang = await login(t.app, 'wangfang');
    const byName = await t.app.inject({
      method: 'GET',
      url: `/api/users?q=${encodeURIComponent('王')}`,
      headers: wangfang,
    });
    expect(byName.json().map((u: { username: string }) => u.username)).toEqual(['wangfang']);
    const byPrefix = await t.app.inject({ method: 'GET', url: '/api/users?q=zh', headers: wangfang });
    expect(byPrefix.json().map((u: { username: string }) => u.username)).toEqual(['zhangwei', 'zhaolei']);
    expect(byPrefix.json()[0]).toEqual({
      id: 'u-zhangwei',
      username: 'zhangwei',
      displayName: '张伟',
      orgName: '山钢莱芜分公司工会',
    });
  });

  it('treats LIKE wildcards as text and refuses an empty query', async () => {
    const lina = await login(t.app, 'lina');
    expect((await t.app.inject({ method: 'GET', url: '/api/users?q=%25', headers: lina })).json()).toEqual(
      [],
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/users?q=', headers: lina })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/users?q=li' })).statusCode).toBe(401);
  });
});
