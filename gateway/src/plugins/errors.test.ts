import { Type } from '@fastify/type-provider-typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../test-support/app-harness';
import { unprocessable } from '../errors';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    domainRoutes: false,
    register: (app) =>
      app.register(async (i) => {
        i.post(
          '/api/test/rule',
          { config: { auth: 'user' }, schema: { body: Type.Object({ n: Type.Integer() }) } },
          async () => {
            throw unprocessable('the amount exceeds the annual cap', [
              { path: 'body.n', message: 'too big' },
            ]);
          },
        );
        i.get('/api/test/boom', { config: { auth: 'public' } }, async () => {
          throw new Error('secret connection string postgres://u:p@db');
        });
      }),
  });
});
afterAll(async () => {
  await t?.close();
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ type: 'about:blank', status });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(typeof body.code).toBe('string');
  return body;
}

describe('problem+json for client errors', () => {
  it('unknown route → 404 naming method and path', async () => {
    const get = expectProblem(await t.app.inject({ url: '/api/nope?x=1' }), 404);
    expect(get.detail).toBe('No route GET /api/nope');
    expect(get.instance).toBe('/api/nope');
    const post = expectProblem(await t.app.inject({ method: 'DELETE', url: '/api/nope' }), 404);
    expect(post.detail).toBe('No route DELETE /api/nope');
  });

  it('malformed JSON → 400 saying why', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "lina",',
    });
    const body = expectProblem(res, 400);
    expect(body.detail).toMatch(/^请求内容不是有效的 JSON：.+ \/ The request body is not valid JSON: .+/);
  });

  it('prototype-poisoning keys are refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"lina","password":"x","__proto__":{"admin":true}}',
    });
    expect(expectProblem(res, 400).detail).toContain('__proto__');
  });

  it('wrong types → 400 with errors[] and the first bad field in detail', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: { nested: true }, password: 'x' },
    });
    const body = expectProblem(res, 400);
    expect(body.code).toBe('validation-failed');
    expect(body.errors).toEqual([{ path: 'body.username', message: 'must be string' }]);
    expect(body.detail).toBe('Invalid request: body.username must be string');
  });

  it('oversized body → 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lina', password: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(expectProblem(res, 413).code).toBe('payload-too-large');
  });

  it('unsupported media type → 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(expectProblem(res, 415).code).toBe('unsupported-media-type');
  });
});

describe('errors thrown by handlers', () => {
  it('AppError keeps status, code and field errors; anything else is a generic 500 without a stack', async () => {
    const app = t.app;
    const auth = await login(app, 'lina');
    const rule = await app.inject({
      method: 'POST',
      url: '/api/test/rule',
      headers: auth,
      payload: { n: 1 },
    });
    expect(expectProblem(rule, 422)).toMatchObject({
      code: 'unprocessable',
      detail: 'the amount exceeds the annual cap',
      errors: [{ path: 'body.n', message: 'too big' }],
    });
    const boom = await app.inject({ url: '/api/test/boom', headers: { 'x-request-id': 'req-42' } });
    const body = expectProblem(boom, 500);
    expect(JSON.stringify(body)).not.toMatch(/secret|postgres:|at .*\.ts/);
    expect(body.detail).toContain('req-42');
    expect(boom.headers['x-request-id']).toBe('req-42');
  });

  it('echoes a generated request id when none is sent', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
