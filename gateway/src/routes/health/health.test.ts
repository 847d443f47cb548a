import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app-harness';

let withTemporal: TestApp;
let without: TestApp;

beforeAll(async () => {
  [withTemporal, without] = await Promise.all([
    createTestApp({ domainRoutes: false, withTemporal: true, seed: false }),
    createTestApp({ domainRoutes: false, seed: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([withTemporal?.close(), without?.close()]);
});

describe('health', () => {
  it('/healthz answers ok from the process alone', async () => {
    const res = await without.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is ok when PostgreSQL and Temporal answer', async () => {
    const res = await withTemporal.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', temporal: 'ok' } });
  });

  it('/readyz is 503 naming what is down', async () => {
    const res = await without.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().detail).toContain('Temporal');
    expect(res.json().detail).not.toContain('PostgreSQL');
  });
});

describe('OpenAPI', () => {
  it('serves the OpenAPI document at /docs/json with security from config.auth', async () => {
    const res = await without.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/logout', '/api/me', '/healthz', '/readyz']),
    );
    expect(doc.paths['/api/me'].get.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/auth/logout'].post.security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.paths['/api/auth/login'].post.security).toBeUndefined();
    expect(doc.paths['/{*}']).toBeUndefined();
    const ui = await without.app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
