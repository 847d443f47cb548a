import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, sessionCookieFrom, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ domainRoutes: false });
});
afterAll(async () => {
  await t?.close();
});

function postLogin(username: string, password: string, cookie?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: cookie ? { cookie } : {},
  });
}

describe('POST /api/auth/login', () => {
  it('signs in with the demo password and returns Me with a hardened session cookie', async () => {
    const res = await postLogin('lina', 'demo1234');
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user).toEqual({ id: 'u-lina', username: 'lina', displayName: '李娜' });
    expect(me.org.id).toBe('org-steel');
    expect(me.roles).toEqual(['innovation-reviewer']);
    expect(me.csrfToken).toMatch(/^[\w-]{40,}$/);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^uf_session=[\w-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
  });

  it('stores only the SHA-256 of the token', async () => {
    const { cookie } = await login(t.app, 'zhangwei');
    const token = cookie.split('=')[1] ?? '';
    const rows = await t.db.selectFrom('sessions').select('id').where('user_id', '=', 'u-zhangwei').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.id !== token && /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });

  it('answers the same generic 401 for a wrong password and an unknown user', async () => {
    const wrong = await postLogin('wangfang', 'nope');
    const unknown = await postLogin('nobody-here', 'nope');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toBe('用户名或密码错误 / wrong username or password');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('slows down a username from one address after repeated failures, without touching others', async () => {
    // Three failures are free; the fourth makes this (account, address) pair wait.
    for (let i = 0; i < 4; i++) expect((await postLogin('chenjie', `bad-${i}`)).statusCode).toBe(401);
    const waiting = await postLogin('chenjie', 'demo1234');
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    expect(waiting.json().code).toBe('too-many-requests');
    expect((await postLogin('liuyang', 'demo1234')).statusCode).toBe(200);
    // Once the wait has passed, the right password works again and the count resets.
    await t.db
      .updateTable('login_throttle')
      .set({ retry_at: new Date(Date.now() - 1000) })
      .where('username', '=', 'chenjie')
      .execute();
    expect((await postLogin('chenjie', 'demo1234')).statusCode).toBe(200);
    expect(
      await t.db.selectFrom('login_throttle').selectAll().where('username', '=', 'chenjie').execute(),
    ).toEqual([]);
  });

  it('rejects a body of the wrong shape with 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lina' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.password');
    expect(res.json().detail).toContain('body.password');
  });
});

describe('sessions', () => {
  it('issues a new session id on every login and kills the one presented (fixation defence)', async () => {
    const first = await login(t.app, 'lina');
    const again = await postLogin('lina', 'demo1234', first.cookie);
    const second = sessionCookieFrom(again.headers['set-cookie']);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first.cookie);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: second ?? '' } })).statusCode).toBe(200);
  });

  it('logout deletes the session and clears the cookie', async () => {
    const auth = await login(t.app, 'zhaolei');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/uf_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await t.app.inject({ url: '/api/me', headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toContain('please sign in');
  });

  it('GET /api/me returns the user, org, roles and the session CSRF token', async () => {
    const auth = await login(t.app, 'wangfang');
    const res = await t.app.inject({ url: '/api/me', headers: { cookie: auth.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: 'wangfang' },
      org: { id: 'org-city', name: '济南市总工会' },
      roles: ['innovation-committee', 'innovation-reviewer'],
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      csrfToken: auth['x-csrf-token'],
      mustChangePassword: false,
    });
  });

  it('expires after 30 minutes idle and after 12 hours regardless of activity', async () => {
    const idle = await login(t.app, 'admin');
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('user_id', '=', 'u-admin')
      .execute();
    const idleRes = await t.app.inject({ url: '/api/me', headers: idle });
    expect(idleRes.statusCode).toBe(401);
    expect(String(idleRes.headers['set-cookie'])).toContain('uf_session=;');

    const busy = await login(t.app, 'admin');
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', 'u-admin')
      .execute();
    expect((await t.app.inject({ url: '/api/me', headers: busy })).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', 'u-admin').execute()).toEqual(
      [],
    );
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without the right X-CSRF-Token', async () => {
    const auth = await login(t.app, 'lina');
    for (const headers of [{ cookie: auth.cookie }, { cookie: auth.cookie, 'x-csrf-token': 'wrong' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toContain('missing or wrong CSRF token');
    }
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: auth.cookie } })).statusCode).toBe(200);
  });
});

describe('short TTLs from buildApp options', () => {
  it('honours sessionTtl (sliding idle expiry) and a strict per-IP login rate limit', async () => {
    const s = await createTestApp({
      domainRoutes: false,
      sessionTtl: { idleMs: 400, absoluteMs: 60_000, touchMs: 0 },
      rateLimit: { max: 1000, loginMax: 3 },
    });
    try {
      const auth = await login(s.app, 'lina');
      // Activity slides the idle window.
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 200));
        expect((await s.app.inject({ url: '/api/me', headers: auth })).statusCode).toBe(200);
      }
      await new Promise((r) => setTimeout(r, 500));
      expect((await s.app.inject({ url: '/api/me', headers: auth })).statusCode).toBe(401);

      await login(s.app, 'lina');
      await login(s.app, 'lina');
      const limited = await s.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'lina', password: 'demo1234' },
      });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(limited.headers['retry-after']).toBeDefined();
    } finally {
      await s.close();
    }
  });
});
