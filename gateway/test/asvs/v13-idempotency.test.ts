import { randomUUID } from 'node:crypto';
import type { AdminUserDto, CaseDetailDto, UserPageDto } from '@unionflow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../workers/test-support/engine-harness';
import { purgeExpired } from '../../src/plugins/housekeeping';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../test-support/app-harness';

let t: TestApp;
let engine: EngineHarness;
let admin: AuthHeaders;
let writer: AuthHeaders;
let mediator: AuthHeaders;

const PHONE = '13912345678';

beforeAll(async () => {
  const taskQueue = `v13-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  admin = await login(t.app, 'admin');
  writer = await login(t.app, 'zhangwei');
  mediator = await login(t.app, 'liuyang');
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

async function letter(): Promise<CaseDetailDto> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: writer,
    payload: {
      processKey: 'chairman-mailbox',
      data: {
        title: '食堂排队时间过长',
        category: 'canteen',
        content: '中午排队超过半小时。',
        contactPhone: PHONE,
      },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseDetailDto>();
}

function decide(taskId: string, key: string, payload: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/decisions`,
    headers: { ...mediator, 'idempotency-key': key },
    payload,
  });
}

async function setRoles(username: string, roles: string[]): Promise<void> {
  const list = await t.app.inject({ url: `/api/admin/users?q=${username}`, headers: admin });
  const user = list.json<UserPageDto>().items.find((u: AdminUserDto) => u.username === username)!;
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${username}`,
    headers: admin,
    payload: { version: user.version, roles },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const storedRow = (key: string) =>
  t.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('user_id', '=', 'u-liuyang')
    .where('key', '=', key)
    .executeTakeFirst();

describe('V13.1 / V4.1.3 replayed idempotent answers', () => {
  const key = randomUUID();
  const body = { action: 'approve', data: { handler: 'liuyang' } };
  let caseId: string;

  it('V4.1.3 a replay after the caller lost a role re-reads the case: household data stays masked', async () => {
    const started = await letter();
    caseId = started.id;
    const task = started.tasks.find((x) => x.status === 'open')!;
    expect(task.candidates.map((c) => c.username)).toContain('liuyang');

    // As a mediator, liuyang may see the writer's phone number.
    const first = await decide(task.id, key, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<CaseDetailDto>().data.contactPhone).toBe(PHONE);

    await setRoles('liuyang', ['social-worker']);
    const replay = await decide(task.id, key, body);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json<CaseDetailDto>().id).toBe(caseId);
    expect(replay.json<CaseDetailDto>().data.contactPhone).toBe('***');
    expect(replay.body).not.toContain(PHONE);
    // Nothing of the case is kept with the key: only its id.
    const row = await storedRow(key);
    expect(row).toMatchObject({ status_code: 200, case_id: caseId, response: null });
  });

  it('V13.2 the same key with a different body is refused with 422 and changes nothing', async () => {
    const before = await storedRow(key);
    const timeline = await t.db
      .selectFrom('timeline_events')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    const task = (await t.db.selectFrom('tasks').select('id').where('case_id', '=', caseId).execute())[0]!;
    const other = await decide(task.id, key, { ...body, comment: '换个说法' });
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json().detail).toContain('different request body');
    expect(await storedRow(key)).toEqual(before);
    expect(
      await t.db.selectFrom('timeline_events').select('id').where('case_id', '=', caseId).execute(),
    ).toEqual(timeline);
  });

  it('V8.3.8 stored answers expire after 24 hours: an expired key is not replayed, and the purge removes it', async () => {
    const row = await storedRow(key);
    const lifetime = new Date(row!.expires_at).getTime() - new Date(row!.created_at).getTime();
    expect(lifetime).toBe(24 * 60 * 60_000);

    await t.db
      .updateTable('idempotency_keys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', 'u-liuyang')
      .execute();
    const purged = await purgeExpired(t.db, 24 * 60 * 60_000);
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await storedRow(key)).toBeUndefined();
  });

  it('V8.3.8 an expired key that was not purged yet counts as new (the answer is not replayed)', async () => {
    const k = randomUUID();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/urge`,
      headers: { ...writer, 'idempotency-key': k },
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    await t.db
      .updateTable('idempotency_keys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('key', '=', k)
      .execute();
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/urge`,
      headers: { ...writer, 'idempotency-key': k },
      payload: {},
    });
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('V8.3.8 the gateway purges expired rows in the background', async () => {
    const quick = await createTestApp({ domainRoutes: false, purgeEveryMs: 100 });
    try {
      const now = new Date();
      await quick.db
        .insertInto('idempotency_keys')
        .values({
          user_id: 'u-zhangwei',
          key: 'old',
          method: 'POST',
          path: '/api/cases',
          status_code: 201,
          response: JSON.stringify(null) as never,
          created_at: new Date(now.getTime() - 25 * 60 * 60_000),
          request_hash: null,
          case_id: null,
          expires_at: new Date(now.getTime() - 60 * 60_000),
        })
        .execute();
      const deadline = Date.now() + 5_000;
      let left = 1;
      while (left > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        left = (await quick.db.selectFrom('idempotency_keys').select('key').execute()).length;
      }
      expect(left).toBe(0);
    } finally {
      await quick.close();
    }
  });
});
