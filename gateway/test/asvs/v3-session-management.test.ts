import type { AdminUserDto, UserPageDto } from '@unionflow/contracts';
import { DEMO_PASSWORD } from '@unionflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../test-support/app-harness';
import { openEventStream, type SseClient } from '../sse-client';

let t: TestApp;
let base: string;
const streams: SseClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

async function liveStream(url: string, auth: AuthHeaders): Promise<SseClient> {
  const s = await openEventStream(`${url}/api/events`, { cookie: auth.cookie });
  streams.push(s);
  expect(s.status).toBe(200);
  await s.waitFor((f) => f.event === 'ready');
  return s;
}

/** Resolves true when the stream ends within `ms`, false when it is still open. */
function endsWithin(s: SseClient, ms: number): Promise<boolean> {
  return Promise.race([
    s.ended.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);
}

describe('V3.3 session termination ends live-update streams', () => {
  it('V3.3.1 signing out closes the session’s open event stream at once, and only that one', async () => {
    const desk = await login(t.app, 'lina');
    const phone = await login(t.app, 'lina');
    const deskStream = await liveStream(base, desk);
    const phoneStream = await liveStream(base, phone);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: desk });
    expect(out.statusCode).toBe(204);
    expect(await endsWithin(deskStream, 3_000)).toBe(true);
    // Another device's session is not signed out, so its stream stays.
    expect(await endsWithin(phoneStream, 500)).toBe(false);
    // The ended session cannot open a new stream.
    const again = await openEventStream(`${base}/api/events`, { cookie: desk.cookie });
    expect(again.status).toBe(401);
  });

  it('V3.3.1 deactivating a user closes all their open event streams', async () => {
    const admin = await login(t.app, 'admin');
    const user = await login(t.app, 'liuyang');
    const stream = await liveStream(base, user);
    const list = await t.app.inject({ url: '/api/admin/users?q=liuyang', headers: admin });
    const target = list.json<UserPageDto>().items.find((u: AdminUserDto) => u.username === 'liuyang')!;
    const off = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users/liuyang/deactivate',
      headers: admin,
      payload: { version: target.version },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(await endsWithin(stream, 3_000)).toBe(true);
  });

  it('V3.3.2 a stream closes when its session expires, without any request', async () => {
    const short = await createTestApp({
      domainRoutes: true,
      sessionTtl: { absoluteMs: 2_500, idleMs: 60_000, touchMs: 0 },
    });
    try {
      const url = await short.app.listen({ port: 0, host: '127.0.0.1' });
      const auth = await login(short.app, 'zhangwei');
      const stream = await liveStream(url, auth);
      expect(await endsWithin(stream, 500)).toBe(false);
      // A timer at the deadline ends it; no request and no 30 s check needed.
      expect(await endsWithin(stream, 4_000)).toBe(true);
    } finally {
      await short.close();
    }
  });
});

describe('V8.2.1 / V3.4 caching and cookie attributes', () => {
  it('V8.2.1 every /api response says Cache-Control: no-store (success, errors, sign-in, unknown routes)', async () => {
    const auth = await login(t.app, 'zhangwei');
    const responses = [
      await t.app.inject({ url: '/api/me', headers: auth }),
      await t.app.inject({ url: '/api/cases', headers: auth }),
      await t.app.inject({ url: '/api/inbox' }),
      await t.app.inject({ url: '/api/no-such-thing', headers: auth }),
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zhangwei', password: DEMO_PASSWORD },
      }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 401, 404, 200]);
    for (const r of responses) expect(r.headers['cache-control']).toBe('no-store');
    const stream = await liveStream(base, auth);
    expect(stream.headers.get('cache-control')).toContain('no-store');
  });

  it('V3.4.1 / V3.4.4 behind TLS (TRUST_PROXY) the cookie is Secure and named __Host-', async () => {
    const proxied = await createTestApp({ domainRoutes: false, trustProxy: true });
    try {
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'lina', password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/^__Host-uf_session=[\w-]{40,};/);
      expect(setCookie).toContain('Secure');
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('Path=/');
      expect(setCookie).not.toContain('Domain=');
      const token = setCookie.split(';')[0]!.split('=')[1]!;
      const https = { 'x-forwarded-proto': 'https' };
      const me = await proxied.app.inject({
        url: '/api/me',
        headers: { ...https, cookie: `__Host-uf_session=${token}` },
      });
      expect(me.statusCode).toBe(200);
      // Over https only the __Host- cookie counts: a plain one (which a sibling host could plant) does not.
      const planted = await proxied.app.inject({
        url: '/api/me',
        headers: { ...https, cookie: `uf_session=${token}` },
      });
      expect(planted.statusCode).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it('V3.4.1 without TRUST_PROXY a forged X-Forwarded-Proto changes nothing (plain http cookie)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'lina', password: DEMO_PASSWORD },
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^uf_session=/);
    expect(setCookie).not.toContain('Secure');
  });
});
