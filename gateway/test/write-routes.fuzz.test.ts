import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../test-support/app-harness';
import { startSimpleCase, tableCounts } from '../test-support/write-checks';

/** Tables a refused request must leave untouched. */
const TABLES = [
  'cases',
  'tasks',
  'task_candidates',
  'timeline_events',
  'idempotency_keys',
  'delegations',
  'notifications',
  'audit_events',
  'process_versions',
  'process_owners',
  'orgs',
  'users',
  'user_roles',
] as const;

const writeRoutes: { method: string; url: string }[] = [];
let t: TestApp;
let engine: EngineHarness;
let admin: AuthHeaders;
let member: AuthHeaders;
let knownCaseId: string;
let knownTaskId: string;

const counts = () => tableCounts(t.db, TABLES);

/**
 * Values a param may take: garbage, plausible ids, and ids that exist. Kept within Fastify's
 * 100-character param limit: beyond it the router answers before our error handler (see below).
 */
const param = () =>
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.uuid(),
    fc.constantFrom(
      'simple-approval',
      'zhangwei',
      'lina',
      'org-steel',
      '1',
      '..',
      '%00',
      '<script>',
      'a'.repeat(100),
    ),
    fc.constant('known-case'),
    fc.constant('known-task'),
  );

/** Strings PostgreSQL cannot store (issue #11): NUL, other controls, lone surrogates. */
const POISON_STRINGS = ['a\u0000b', 'bell\u0007', 'x\uD800y', '\uDC00', 'ok\u001B[31m'];
/** Numbers no field can hold exactly. */
const POISON_NUMBERS = [1e300, -1e308, 2 ** 53 + 2, Number.MAX_VALUE];
const poison = fc.constantFrom<unknown>(...POISON_STRINGS, ...POISON_NUMBERS);

/** Bodies: any JSON, objects with the field names our routes read, and near-valid shapes. */
const body = fc.oneof(
  fc.record(
    {
      comment: poison,
      reason: poison,
      action: fc.constantFrom('approve', 'reject'),
      data: fc.dictionary(fc.constantFrom('title', 'amount', 'description'), poison),
      name: poison,
      to: poison,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'to',
      'reason',
      'startsAt',
      'endsAt',
      'ids',
      'all',
      'action',
      'comment',
      'data',
      'processKey',
      'username',
      'password',
      'definition',
      'version',
      'name',
      'parentId',
      'displayName',
      'orgId',
      'roles',
      '__proto__',
      'constructor',
    ),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  fc.record(
    {
      to: fc.oneof(fc.constantFrom('zhangwei', 'lina', 'admin', 'nobody'), fc.string({ maxLength: 70 })),
      reason: fc.oneof(fc.string({ maxLength: 600 }), fc.constant('')),
      startsAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string(),
      ),
      endsAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constant(null),
        fc.string(),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      action: fc.constantFrom('approve', 'reject', 'return', 'transfer', 'nope'),
      comment: fc.string(),
      to: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      ids: fc.array(fc.oneof(fc.string(), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String))),
      all: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      version: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.string({ maxLength: 3 })),
      name: fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('', ' ', '新分会')),
      parentId: fc.constantFrom('org-city', 'org-steel', 'org-nowhere', ''),
      username: fc.oneof(fc.constantFrom('lina', 'newbie', 'Ab'), fc.string({ maxLength: 40 })),
      displayName: fc.oneof(fc.string({ maxLength: 60 }), fc.constant('\n')),
      orgId: fc.constantFrom('org-steel', 'org-nowhere', '../x'),
      roles: fc.array(fc.constantFrom('member', 'admin', 'no-such-role', '', 'A'), { maxLength: 3 }),
      password: fc.string({ maxLength: 140 }),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      processKey: fc.constantFrom('simple-approval', 'nope'),
      data: fc.dictionary(
        fc.constantFrom('title', 'amount', 'description', 'x'),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    },
    { requiredKeys: [] },
  ),
);

beforeAll(async () => {
  const taskQueue = `fuzz-${randomUUID()}`;
  t = await createTestApp({
    withTemporal: true,
    taskQueue,
    register: (app) =>
      app.addHook('onRoute', (route) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        for (const m of methods)
          if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) writeRoutes.push({ method: m, url: route.url });
      }),
  });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  admin = await login(t.app, 'admin');
  member = await login(t.app, 'zhangwei');
  ({ caseId: knownCaseId, taskId: knownTaskId } = await startSimpleCase(t.app, member, 'fuzz target'));
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('every write route under arbitrary input', () => {
  it('found the write routes', () => {
    expect(writeRoutes.length).toBeGreaterThan(15);
  });

  it('never answers 5xx, always problem+json on 4xx, and writes nothing when it refuses', async () => {
    const runs = Math.max(10, Math.floor(600 / writeRoutes.length));
    for (const route of writeRoutes) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(param(), { minLength: 3, maxLength: 3 }),
          fc.option(body, { nil: undefined }),
          fc.constantFrom<'admin' | 'member'>('admin', 'member'),
          fc.boolean(),
          async (params, payload, who, jsonType) => {
            let i = 0;
            const url = route.url.replace(/:[A-Za-z]+|\*/g, () => {
              const p = params[i++] ?? 'x';
              const v = p === 'known-case' ? knownCaseId : p === 'known-task' ? knownTaskId : p;
              return encodeURIComponent(v);
            });
            // Logging out would end the session the other runs use. chenjie is never a fuzzed param,
            // so no fuzzed admin write (deactivate, password-less edits) can lock this sign-in out.
            const auth =
              route.url === '/api/auth/logout'
                ? await login(t.app, 'chenjie')
                : who === 'admin'
                  ? admin
                  : member;
            const before = await counts();
            const res = await t.app.inject({
              method: route.method as 'POST',
              url,
              headers: {
                ...auth,
                ...(payload !== undefined
                  ? { 'content-type': jsonType ? 'application/json' : 'text/plain' }
                  : {}),
              },
              ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
            });
            const where = `${route.method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
            expect(res.statusCode, where).toBeLessThan(500);
            if (res.statusCode >= 400) {
              expect(res.headers['content-type'], where).toContain('application/problem+json');
              expect(typeof res.json().detail, where).toBe('string');
              expect(await counts(), where).toEqual(before);
            }
          },
        ),
        { numRuns: runs, seed: 20261121 },
      );
    }
  }, 240_000);

  it('refuses poison input on every write route with 4xx, writes nothing, and the case still moves', async () => {
    const lina = await login(t.app, 'lina');
    // The arbitrary runs above may have retired simple-approval (a valid admin request): bring it back.
    await t.db.updateTable('process_owners').set({ retired_at: null, retired_by: null }).execute();
    const { caseId, taskId } = await startSimpleCase(t.app, member, 'poison target');
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const bodies: unknown[] = [
      ...POISON_STRINGS.flatMap((p) => [
        { action: 'approve', comment: p, data: { title: p } },
        { [p]: 'key' },
      ]),
      { comment: huge },
    ];
    for (const route of writeRoutes) {
      // Every id in the path names the target case or its task, so a refusal is about the body; the
      // caller is whoever may use the route (its reviewer for tasks, the admin for admin routes).
      const onTask = route.url.startsWith('/api/tasks');
      const url = route.url.replace(/:[A-Za-z]+|\*/g, () => (onTask ? taskId : caseId));
      const who =
        route.url === '/api/auth/logout'
          ? await login(t.app, 'chenjie')
          : onTask
            ? lina
            : route.url.startsWith('/api/admin')
              ? admin
              : member;
      for (const payload of bodies) {
        const before = await counts();
        const res = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: { ...who, 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        const where = `${route.method} ${url} ${JSON.stringify(payload).slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        expect(res.headers['content-type'], where).toContain('application/problem+json');
        expect(await counts(), where).toEqual(before);
      }
    }
    // Numbers out of every bound are refused where a form reads them, and nothing is stored.
    for (const amount of POISON_NUMBERS) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: member,
        payload: { processKey: 'simple-approval', data: { title: 'big', amount } },
      });
      expect(res.statusCode, `${amount} → ${res.body}`).toBe(422);
    }
    // After all that, the case still moves: its reviewer approves and it completes.
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/decisions`,
      headers: lina,
      payload: { action: 'approve', comment: '通过' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('completed');
  }, 240_000);

  // Fastify's router answers these itself; buildApp's `frameworkErrors` renders them as problems.
  it('answers an over-long path param with problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${'a'.repeat(101)}/withdraw`,
      headers: member,
    });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.statusCode).toBe(414);
  });
  it('answers a malformed percent-encoding with problem+json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases/%E0%A4%A/withdraw', headers: member });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.statusCode).toBe(400);
  });
});
