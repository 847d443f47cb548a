import { randomUUID } from 'node:crypto';
import type { CaseDetailDto } from '@unionflow/contracts';
import type { ProcessDefinition } from '@unionflow/process-model';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition, endNode, review } from '../../../../workers/test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;
let engine: EngineHarness;
let admin: AuthHeaders;
let applicant: AuthHeaders;
let reviewer: AuthHeaders;

/** A service step whose result is stored in the case data, then one review by lina. */
const serviceThenReview = (action: string): ProcessDefinition =>
  definition(`attention-${action}`, [
    { id: 'lookup', kind: 'service', name: { zh: '查询' }, action, resultKey: 'lookup', next: 'review' },
    review('review', 'lina', 'end'),
    endNode(),
  ]);

beforeAll(async () => {
  const taskQueue = `gw-attention-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({
    databaseUrl: t.databaseUrl,
    taskQueue,
    services: {
      // PostgreSQL's jsonb refuses \u0000: this result can never be written (SQLSTATE 22P05).
      'nul-result': async () => ({ note: 'a\u0000b' }),
      'flagged-result': async () => ({ flag: 'held-by-constraint' }),
    },
  });
  admin = await login(t.app, 'admin');
  applicant = await login(t.app, 'zhangwei');
  reviewer = await login(t.app, 'lina');
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

const attentionRow = (caseId: string) =>
  t.db.selectFrom('case_attention').selectAll().where('case_id', '=', caseId).executeTakeFirst();
const timelineCount = async (caseId: string) =>
  Number(
    (
      await t.db
        .selectFrom('timeline_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('V11.1.4 a case whose records PostgreSQL refuses is parked for an administrator, not retried for ever', () => {
  it('parks, refuses other callers with 409, shows admins the reason, and terminates on request', async () => {
    const started = await engine.start(serviceThenReview('nul-result'), { title: '毒数据' });
    const caseId = started.caseId;
    const parked = await engine.eventually(() => attentionRow(caseId), 30_000);
    expect(parked.message).toMatch(/^22/);

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/attention', headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ caseId, caseNumber: started.caseNumber, message: parked.message }),
    );
    const one = await t.app.inject({ method: 'GET', url: `/api/admin/attention/${caseId}`, headers: admin });
    expect(one.json().message).toBe(parked.message);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/attention', headers: applicant })).statusCode,
    ).toBe(403);

    const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: applicant });
    expect(detail.json<CaseDetailDto>().attention?.since).toBe(parked.since.toISOString());

    // Another caller gets a clear answer at once, and nothing is written.
    const before = await timelineCount(caseId);
    const urge = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/urge`,
      headers: applicant,
      payload: {},
    });
    expect(urge.statusCode).toBe(409);
    expect(urge.json().code).toBe('needs-attention');
    expect(urge.json().detail).toContain('此案件需要管理员处理');
    expect(await timelineCount(caseId)).toBe(before);

    // The cause is still there: a retry is refused and the case stays parked.
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${caseId}/attention/retry`,
      headers: admin,
    });
    expect(retry.statusCode).toBe(409);
    expect(await attentionRow(caseId)).toBeDefined();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/admin/cases/${caseId}/attention/retry`,
          headers: applicant,
        })
      ).statusCode,
    ).toBe(403);

    const terminated = await t.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${caseId}/attention/terminate`,
      headers: admin,
      payload: { reason: '数据无法保存' },
    });
    expect(terminated.statusCode, terminated.body).toBe(200);
    expect(terminated.json().status).toBe('terminated');
    expect((await engine.caseRow(caseId)).status).toBe('terminated');
    expect(await attentionRow(caseId)).toBeUndefined();
    expect(await engine.openTasks(caseId)).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['type', 'actor_id'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'case-terminated')
      .execute();
    expect(audit).toEqual([{ type: 'case-terminated', actor_id: 'u-admin' }]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${caseId}/attention/terminate`,
      headers: admin,
    });
    expect(again.statusCode).toBe(409);
  }, 90_000);

  it('writes the held records on retry once the cause is fixed, and the case moves on', async () => {
    await sql`ALTER TABLE cases ADD CONSTRAINT test_no_flag CHECK (data::text NOT LIKE '%held-by-constraint%')`.execute(
      t.db,
    );
    const started = await engine.start(serviceThenReview('flagged-result'), { title: '约束' });
    const caseId = started.caseId;
    const parked = await engine.eventually(() => attentionRow(caseId), 30_000);
    expect(parked.message).toMatch(/^23514/);
    await sql`ALTER TABLE cases DROP CONSTRAINT test_no_flag`.execute(t.db);

    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${caseId}/attention/retry`,
      headers: admin,
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().status).toBe('running');
    expect(await attentionRow(caseId)).toBeUndefined();
    expect((await engine.caseRow(caseId)).data.lookup).toEqual({ flag: 'held-by-constraint' });

    const [task] = await engine.openTasks(caseId);
    expect(task?.node_id).toBe('review');
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task?.id}/decisions`,
      headers: reviewer,
      payload: { action: 'approve' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await engine.caseRow(caseId)).status).toBe('completed');
  }, 90_000);

  it('answers 404 for a case it does not know', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${randomUUID()}/attention/retry`,
      headers: admin,
    });
    expect(res.statusCode).toBe(404);
  });
});
