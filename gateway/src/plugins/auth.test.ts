import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../test-support/app-harness';
import { buildApp } from '../app';
import { inOrgScope } from '../auth';

let t: TestApp;
const routes: Pick<RouteOptions, 'method' | 'url' | 'config'>[] = [];

beforeAll(async () => {
  t = await createTestApp({
    register: (app) => {
      // Root-level onRoute sees every route the plugins register, the domain routes included.
      app.addHook('onRoute', (r) => {
        routes.push({ method: r.method, url: r.url, config: r.config });
      });
      app.register(async (i) => {
        i.get(
          '/api/test/admin-only',
          { config: { auth: 'user', roles: ['admin', 'auditor'] } },
          async (request) => ({
            user: request.user.username,
          }),
        );
      });
    },
  });
});
afterAll(async () => {
  await t?.close();
});

function concrete(url: string): string {
  return url.replace(/:[^/]+/g, 'x').replace(/\*$/, 'x');
}

describe('route guard', () => {
  it('refuses anonymous access to every route not declared public', async () => {
    const guarded = routes.filter((r) => (r.config as { auth?: string } | undefined)?.auth === 'user');
    expect(guarded.map((r) => r.url)).toContain('/api/me');
    for (const r of guarded) {
      for (const method of [r.method].flat()) {
        const res = await t.app.inject({ method: method as 'GET', url: concrete(r.url) });
        expect(`${method} ${r.url} → ${res.statusCode}`).toBe(`${method} ${r.url} → 401`);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    // Swagger UI registers its routes before the guard exists; they are public documentation.
    const undeclared = routes.filter((r) => {
      const auth = (r.config as { auth?: string } | undefined)?.auth;
      return auth !== 'user' && auth !== 'public' && !r.url.startsWith('/docs');
    });
    expect(undeclared).toEqual([]);
  });

  it('refuses at startup a route that declares no auth', async () => {
    const app = buildApp({ db: t.db, temporal: null, rateLimit: false, domainRoutes: false });
    app.register(async (i) => {
      i.get('/api/forgotten', async () => ({ ok: true }));
    });
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten must declare config\.auth/);
    await app.close().catch(() => {});
  });

  it('applies roles as any-of: 403 without one, 200 with one', async () => {
    const lina = await login(t.app, 'lina');
    const denied = await t.app.inject({ url: '/api/test/admin-only', headers: lina });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    const admin = await login(t.app, 'admin');
    const ok = await t.app.inject({ url: '/api/test/admin-only', headers: admin });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ user: 'admin' });
  });

  it('sets request.user with the org path', async () => {
    const lina = await login(t.app, 'lina');
    const me = await t.app.inject({ url: '/api/me', headers: lina });
    expect(me.statusCode).toBe(200);
  });
});

describe('inOrgScope', () => {
  it('is true for the user org and its subtree only', () => {
    const city = { orgPath: '/org-city/' };
    const steel = { orgPath: '/org-city/org-district/org-steel/' };
    expect(inOrgScope(city, '/org-city/org-district/org-steel/')).toBe(true);
    expect(inOrgScope(steel, '/org-city/org-district/org-steel/')).toBe(true);
    expect(inOrgScope(steel, '/org-city/')).toBe(false);
    expect(inOrgScope({ orgPath: '/org-city/org-d/' }, '/org-city/org-district/')).toBe(false);
  });
});
