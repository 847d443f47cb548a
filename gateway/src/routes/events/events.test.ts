import { randomUUID } from 'node:crypto';
import type { CaseDetailDto } from '@unionflow/contracts';
import { createDb, type Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { openEventStream, type SseClient } from '../../../test/sse-client';
import {
  type AuthHeaders,
  createTestApp,
  login,
  NO_LOAD_SHEDDING,
  type TestApp,
} from '../../../test-support/app-harness';
import { type App, buildApp } from '../../app';

let t: TestApp;
let engine: EngineHarness;
let second: App;
let secondDb: Kysely<Database>;
let urlA: string;
let urlB: string;
let applicant: AuthHeaders;
let reviewer: AuthHeaders;
const streams: SseClient[] = [];

async function startCase(title: string): Promise<CaseDetailDto> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...applicant, 'idempotency-key': randomUUID() },
    payload: { processKey: 'simple-approval', data: { title } },
  });
  expect(res.statusCode).toBe(201);
  return res.json<CaseDetailDto>();
}

async function stream(base: string, headers: AuthHeaders, lastEventId?: string): Promise<SseClient> {
  const s = await openEventStream(`${base}/api/events`, {
    cookie: headers.cookie,
    ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
  });
  streams.push(s);
  return s;
}

beforeAll(async () => {
  const taskQueue = `events-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  // A second gateway instance on the same database, as behind a load balancer.
  secondDb = createDb(t.databaseUrl, { max: 3 });
  second = buildApp({
    db: secondDb,
    databaseUrl: t.databaseUrl,
    temporal: t.temporal,
    rateLimit: false,
    pressure: NO_LOAD_SHEDDING,
  });
  urlA = await t.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await second.listen({ port: 0, host: '127.0.0.1' });
  applicant = await login(t.app, 'zhangwei');
  reviewer = await login(t.app, 'lina');
});
afterAll(async () => {
  for (const s of streams) s.close();
  await second?.close();
  await secondDb?.destroy();
  await engine?.close();
  await t?.close();
});

describe('GET /api/events', () => {
  it("delivers zhangwei's new case to lina's streams on both gateway instances", async () => {
    const [a, b] = await Promise.all([stream(urlA, reviewer), stream(urlB, reviewer)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.headers.get('content-type')).toContain('text/event-stream');
    expect(a.headers.get('x-request-id')).toBeTruthy();
    await Promise.all([a.waitFor((f) => f.event === 'ready'), b.waitFor((f) => f.event === 'ready')]);
    const started = await startCase('实时推送');
    const isMine = (f: { event: string; data: string }) =>
      f.event === 'case' && JSON.parse(f.data).caseId === started.id;
    const [fromA, fromB] = await Promise.all([a.waitFor(isMine, 5000), b.waitFor(isMine, 5000)]);
    expect(fromA.id).toMatch(/^\d+$/);
    expect(fromB.id).toBe(fromA.id);
  });

  it('replays what was missed when the client comes back with Last-Event-ID, on another instance', async () => {
    const first = await stream(urlA, reviewer);
    await first.waitFor((f) => f.event === 'ready');
    const seen = await startCase('断线前');
    await first.waitFor((f) => f.event === 'case' && JSON.parse(f.data).caseId === seen.id);
    const resumeFrom = first.lastEventId;
    first.close();

    const missed = await startCase('断线期间');
    const elsewhere = await startCase('断线期间二');
    const resumed = await stream(urlB, reviewer, resumeFrom);
    const caseIds = async () => {
      await resumed.waitFor((f) => f.event === 'case' && JSON.parse(f.data).caseId === elsewhere.id);
      return resumed.frames.filter((f) => f.event === 'case').map((f) => JSON.parse(f.data).caseId);
    };
    const replayed = await caseIds();
    expect(replayed).toContain(missed.id);
    expect(replayed).not.toContain(seen.id);
    expect(replayed.indexOf(missed.id)).toBeLessThan(replayed.indexOf(elsewhere.id));
    // Ids only grow, so the browser's Last-Event-ID always moves forward.
    const ids = resumed.frames.filter((f) => f.id).map((f) => BigInt(f.id!));
    expect([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(ids);
  });

  it('does not push a case to someone it does not concern', async () => {
    const stranger = await login(t.app, 'liuyang');
    const s = await stream(urlA, stranger);
    await s.waitFor((f) => f.event === 'ready');
    const started = await startCase('与刘洋无关');
    // lina's copy arrives; by then liuyang's would have too.
    const mine = await stream(urlA, reviewer, '0');
    await mine.waitFor((f) => f.event === 'case' && JSON.parse(f.data).caseId === started.id);
    expect(s.frames.filter((f) => f.event === 'case')).toEqual([]);
  });

  it('caps open streams per user and refuses anonymous and non-stream callers', async () => {
    const user = await login(t.app, 'wangfang');
    const open = await Promise.all(Array.from({ length: 5 }, () => stream(urlA, user)));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await t.app.inject({ method: 'GET', url: '/api/events', headers: { cookie: user.cookie } });
    expect(sixth.statusCode).toBe(429);
    for (const s of open) s.close();
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/events' });
    expect(anonymous.statusCode).toBe(401);
    const json = await t.app.inject({
      method: 'GET',
      url: '/api/events',
      headers: { cookie: user.cookie, accept: 'application/json' },
    });
    expect(json.statusCode).toBe(406);
    expect(json.headers['content-type']).toContain('application/problem+json');
  });
});

describe('GET /api/notifications', () => {
  it('lists my notifications newest first with an unread count, and marks them read', async () => {
    const user = await login(t.app, 'lina');
    await startCase('通知一');
    await startCase('通知二');
    const page = await t.app.inject({ method: 'GET', url: '/api/notifications?limit=1', headers: user });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ type: 'task-assigned', readAt: null });
    expect(body.unread).toBeGreaterThanOrEqual(2);
    expect(body.nextCursor).toEqual(expect.any(String));
    const next = (
      await t.app.inject({
        method: 'GET',
        url: `/api/notifications?limit=1&cursor=${body.nextCursor}`,
        headers: user,
      })
    ).json();
    expect(BigInt(next.items[0].id)).toBeLessThan(BigInt(body.items[0].id));

    const one = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: user,
      payload: { ids: [body.items[0].id] },
    });
    expect(one.json()).toEqual({ updated: 1, unread: body.unread - 1 });
    // Someone else's ids change nothing.
    const other = await login(t.app, 'zhangwei');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: other,
      payload: { ids: [next.items[0].id] },
    });
    expect(foreign.json().updated).toBe(0);
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: user,
      payload: { all: true },
    });
    expect(all.json()).toEqual({ updated: body.unread - 1, unread: 0 });
    const bad = await t.app.inject({ method: 'GET', url: '/api/notifications?cursor=nope', headers: user });
    expect(bad.statusCode).toBe(400);
  });
});

describe('stored script payloads', () => {
  it('come back as inert JSON string data', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const started = await startCase(payload);
    const res = await t.app.inject({ method: 'GET', url: `/api/cases/${started.id}`, headers: reviewer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.json<CaseDetailDto>().title).toBe(payload);
    const list = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: reviewer });
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    expect(list.json().items.map((n: { message: { zh: string } }) => n.message.zh)).toContain(
      `待办：${payload}`,
    );
  });
});

describe('the LISTEN connection', () => {
  it('comes back after the database drops it, and streams catch up', async () => {
    const s = await stream(urlA, reviewer);
    await s.waitFor((f) => f.event === 'ready');
    await t.db.executeQuery({
      sql: `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
      parameters: [],
      query: { kind: 'RawNode' },
    } as never);
    const started = await startCase('重连之后');
    await s.waitFor((f) => f.event === 'case' && JSON.parse(f.data).caseId === started.id, 10_000);
  });
});
