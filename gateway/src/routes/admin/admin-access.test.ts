import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const doc = { key: 'simple-approval' };
const routes = [
  { method: 'GET', url: '/api/admin/definitions' },
  { method: 'GET', url: '/api/admin/definitions/simple-approval/draft' },
  { method: 'PUT', url: '/api/admin/definitions/simple-approval/draft', payload: { document: doc } },
  { method: 'POST', url: '/api/admin/definitions/simple-approval/validate', payload: {} },
  { method: 'POST', url: '/api/admin/definitions/simple-approval/simulate', payload: {} },
  { method: 'POST', url: '/api/admin/definitions/simple-approval/publish' },
  { method: 'GET', url: '/api/admin/definitions/simple-approval/versions' },
  { method: 'GET', url: '/api/admin/definitions/simple-approval/versions/1' },
  {
    method: 'POST',
    url: '/api/admin/definitions/simple-approval/versions/1/restore',
    payload: { baseVersion: 1 },
  },
  { method: 'GET', url: '/api/admin/definitions/simple-approval/impact' },
  { method: 'POST', url: '/api/admin/cases/some-case/migrate', payload: { version: 1 } },
  { method: 'GET', url: '/api/admin/attention' },
  { method: 'GET', url: '/api/admin/attention/some-case' },
  { method: 'POST', url: '/api/admin/cases/some-case/attention/retry', payload: {} },
  { method: 'POST', url: '/api/admin/cases/some-case/attention/terminate', payload: {} },
] as const;

describe('admin routes are for admins only', () => {
  // A 401 also proves the route exists: unknown paths get 404 from the not-found handler.
  it('answers 401 to anonymous callers and 403 to signed-in non-admins', async () => {
    const member = await login(t.app, 'zhangwei');
    const reviewer = await login(t.app, 'lina');
    for (const r of routes) {
      const anonymous = await t.app.inject({ ...r });
      expect(anonymous.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      for (const headers of [member, reviewer]) {
        const refused = await t.app.inject({ ...r, headers });
        expect(refused.statusCode, `${r.method} ${r.url} non-admin`).toBe(403);
      }
    }
  });

  it('documents every admin route in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, object>;
    }>();
    for (const path of [
      '/api/admin/definitions',
      '/api/admin/definitions/{key}/draft',
      '/api/admin/definitions/{key}/validate',
      '/api/admin/definitions/{key}/simulate',
      '/api/admin/definitions/{key}/publish',
      '/api/admin/definitions/{key}/versions',
      '/api/admin/definitions/{key}/versions/{version}',
      '/api/admin/definitions/{key}/versions/{version}/restore',
      '/api/admin/definitions/{key}/impact',
      '/api/admin/cases/{id}/migrate',
      '/api/admin/attention',
      '/api/admin/cases/{id}/attention/retry',
      '/api/admin/cases/{id}/attention/terminate',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('lets the admin in', async () => {
    const admin = await login(t.app, 'admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/definitions', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((d: { key: string }) => d.key)).toContain('simple-approval');
  });
});
