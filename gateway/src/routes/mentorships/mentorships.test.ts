import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('mentor registration (导师带徒)', () => {
  it('lets innovation staff register a pair once, and lists it', async () => {
    const lina = await login(t.app, 'lina');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/mentorships',
      headers: lina,
      payload: { apprentice: 'zhangwei', mentor: 'zhaolei' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      apprentice: { username: 'zhangwei' },
      mentor: { username: 'zhaolei' },
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/mentorships',
      headers: lina,
      payload: { apprentice: 'zhangwei', mentor: 'zhaolei' },
    });
    expect(again.statusCode).toBe(409);
    const list = await t.app.inject({ method: 'GET', url: '/api/mentorships', headers: lina });
    expect(list.json()).toEqual([
      expect.objectContaining({ apprentice: expect.objectContaining({ username: 'zhangwei' }) }),
    ]);
  });

  it("refuses users outside the caller's org, self-mentoring and members", async () => {
    const lina = await login(t.app, 'lina');
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/mentorships',
      headers: lina,
      payload: { apprentice: 'zhangwei', mentor: 'wangfang' },
    });
    expect(outside.statusCode).toBe(404);
    const self = await t.app.inject({
      method: 'POST',
      url: '/api/mentorships',
      headers: lina,
      payload: { apprentice: 'zhaolei', mentor: 'zhaolei' },
    });
    expect(self.statusCode).toBe(422);
    const member = await login(t.app, 'zhangwei');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/mentorships',
      headers: member,
      payload: { apprentice: 'zhangwei', mentor: 'zhaolei' },
    });
    expect(denied.statusCode).toBe(403);
  });
});
