import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../test-support/app-harness';
import { serviceUnavailable } from '../errors';

let t: TestApp;
let runs = 0;
let failNext = false;
const keysSeen: (string | undefined)[] = [];

beforeAll(async () => {
  t = await createTestApp({
    domainRoutes: false,
    register: (app) =>
      app.register(async (plain) => {
        const i = plain.withTypeProvider<TypeBoxTypeProvider>();
        i.post(
          '/api/test/things',
          {
            config: { auth: 'user', idempotent: true },
            schema: { body: Type.Object({ name: Type.String(), delayMs: Type.Optional(Type.Integer()) }) },
          },
          async (request, reply) => {
            runs++;
            keysSeen.push(request.idempotencyKey);
            if (request.body.delayMs) await new Promise((r) => setTimeout(r, request.body.delayMs));
            if (failNext) {
              failNext = false;
              throw serviceUnavailable('Temporal is down');
            }
            return reply.code(201).send({ run: runs, name: request.body.name, by: request.user.username });
          },
        );
        i.post('/api/test/other', { config: { auth: 'user', idempotent: true } }, async () => ({
          other: true,
        }));
      }),
  });
});
afterAll(async () => {
  await t?.close();
});

function post(auth: AuthHeaders, key: string | undefined, payload: object, url = '/api/test/things') {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...auth, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload,
  });
}

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and path without running the handler again', async () => {
    const auth = await login(t.app, 'zhangwei');
    const before = runs;
    const first = await post(auth, 'k-replay', { name: 'a' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(keysSeen.at(-1)).toBe('k-replay');
    const again = await post(auth, 'k-replay', { name: 'a' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(runs).toBe(before + 1);
  });

  it('keys are per user', async () => {
    const a = await login(t.app, 'lina');
    const b = await login(t.app, 'zhaolei');
    const ra = await post(a, 'k-shared', { name: 'x' });
    const rb = await post(b, 'k-shared', { name: 'x' });
    expect(rb.headers['idempotent-replayed']).toBeUndefined();
    expect(rb.json().by).toBe('zhaolei');
    expect(ra.json().by).toBe('lina');
  });

  it('the same key on another path → 422', async () => {
    const auth = await login(t.app, 'zhangwei');
    await post(auth, 'k-path', { name: 'a' });
    const res = await post(auth, 'k-path', {}, '/api/test/other');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('POST /api/test/things');
  });

  it('a concurrent duplicate gets 409 while the first is in progress', async () => {
    const auth = await login(t.app, 'wangfang');
    const before = runs;
    const slow = post(auth, 'k-concurrent', { name: 'slow', delayMs: 400 });
    await new Promise((r) => setTimeout(r, 100));
    const dup = await post(auth, 'k-concurrent', { name: 'slow', delayMs: 400 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toBe(
      '相同 Idempotency-Key 的请求仍在处理中，请稍候 / a request with this Idempotency-Key is still being processed',
    );
    expect((await slow).statusCode).toBe(201);
    expect(runs).toBe(before + 1);
    // The repeat carries the same body (another body with this key would be refused).
    const later = await post(auth, 'k-concurrent', { name: 'slow', delayMs: 400 });
    expect(later.headers['idempotent-replayed']).toBe('true');
  });

  it('does not store 5xx responses, so a retry runs again', async () => {
    const auth = await login(t.app, 'chenjie');
    failNext = true;
    const failed = await post(auth, 'k-5xx', { name: 'b' });
    expect(failed.statusCode).toBe(503);
    const retry = await post(auth, 'k-5xx', { name: 'b' });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('rejects keys over 200 characters and runs normally without a key', async () => {
    const auth = await login(t.app, 'liuyang');
    expect((await post(auth, 'k'.repeat(201), { name: 'c' })).statusCode).toBe(400);
    const before = runs;
    await post(auth, undefined, { name: 'c' });
    await post(auth, undefined, { name: 'c' });
    expect(runs).toBe(before + 2);
    expect(keysSeen.at(-1)).toBeUndefined();
  });
});
