import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { CaseDetailDto, InboxPageDto } from '@unionflow/contracts';
import { caseWorkflowId, claimUpdate } from '@unionflow/workflows';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../../test-support/app-harness';
import { requestIdFrom, requestIdInterceptor, withRequestId } from '../../observability';

let t: TestApp;
let engine: EngineHarness;
let applicant: AuthHeaders;
let admin: AuthHeaders;

async function startCase(title: string): Promise<CaseDetailDto> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: applicant,
    payload: { processKey: 'simple-approval', data: { title } },
  });
  expect(res.statusCode).toBe(201);
  return res.json<CaseDetailDto>();
}

beforeAll(async () => {
  const taskQueue = `delegations-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  applicant = await login(t.app, 'zhangwei');
  admin = await login(t.app, 'admin');
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('/api/me/delegations', () => {
  it('creates, lists and withdraws my delegation; new tasks go to the delegate as acted-for', async () => {
    const lina = await login(t.app, 'lina');
    const key = randomUUID();
    const create = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/delegations',
        headers: { ...lina, 'idempotency-key': key },
        payload: { to: 'wangfang', reason: '外出培训' },
      });
    const created = await create();
    expect(created.statusCode).toBe(201);
    const delegation = created.json();
    expect(delegation).toMatchObject({
      from: { username: 'lina' },
      to: { username: 'wangfang' },
      endsAt: null,
      active: true,
    });
    const replay = await create();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(delegation.id);

    const wangfang = await login(t.app, 'wangfang');
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/me/delegations', headers: wangfang })
    ).json();
    expect(listed.received.map((d: { id: string }) => d.id)).toEqual([delegation.id]);
    expect(listed.given).toEqual([]);

    const started = await startCase('委托期间的申请');
    expect(started.tasks[0]!.candidates.map((c) => c.username)).toEqual(['wangfang']);

    // Only the giver may withdraw it.
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/delegations/${delegation.id}`,
      headers: wangfang,
    });
    expect(foreign.statusCode).toBe(404);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/delegations/${delegation.id}`,
      headers: lina,
    });
    expect(removed.statusCode).toBe(204);
    const after = await startCase('委托撤回之后');
    expect(after.tasks[0]!.candidates.map((c) => c.username)).toEqual(['lina']);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('type')
      .where('event_key', 'like', `delegation:${delegation.id}:%`)
      .execute();
    expect(audit.map((a) => a.type).sort()).toEqual(['delegation-created', 'delegation-revoked']);
  });

  it('refuses delegating to myself, to nobody, or backwards in time, and writes nothing', async () => {
    const lina = await login(t.app, 'lina');
    const before = await t.db.selectFrom('delegations').select('id').execute();
    const cases: [Record<string, unknown>, number][] = [
      [{ to: 'lina', reason: 'x' }, 422],
      [{ to: 'nobody', reason: 'x' }, 422],
      [
        { to: 'wangfang', reason: 'x', startsAt: '2030-01-02T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' },
        422,
      ],
      [{ to: 'wangfang', reason: 'x', endsAt: '2001-01-01T00:00:00Z' }, 422],
      [{ to: 'wangfang', reason: '' }, 400],
      [{ to: 'wangfang', reason: 'x', startsAt: 'tomorrow' }, 400],
    ];
    for (const [payload, status] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/me/delegations', headers: lina, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await t.db.selectFrom('delegations').select('id').execute()).toEqual(before);
  });
});

describe('POST /api/admin/users/:username/hand-over', () => {
  it('moves every open task to the successor, reports the ones it could not move, and routes new tasks', async () => {
    const kept = await startCase('交接一');
    const kept2 = await startCase('交接二');
    const ended = await startCase('流程已终止');
    // A workflow that is gone while its task still shows open: the engine cannot move that one.
    await t.temporal!.client.workflow.getHandle(caseWorkflowId(ended.id)).terminate('test');

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users/lina/hand-over',
      headers: { ...admin, 'x-request-id': 'handover-req-1' },
      payload: { to: 'zhaolei', reason: '换届' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.delegation).toMatchObject({
      from: { username: 'lina' },
      to: { username: 'zhaolei' },
      endsAt: null,
    });
    const byCase = new Map(body.tasks.map((x: { caseId: string }) => [x.caseId, x]));
    expect(byCase.get(kept.id)).toMatchObject({ ok: true });
    expect(byCase.get(kept2.id)).toMatchObject({ ok: true });
    expect(byCase.get(ended.id)).toMatchObject({ ok: false, status: 409 });
    expect(body.failed).toBe(1);

    const zhaolei = await login(t.app, 'zhaolei');
    const inbox = (
      await t.app.inject({ method: 'GET', url: '/api/inbox', headers: zhaolei })
    ).json<InboxPageDto>();
    expect(inbox.items.map((i) => i.caseId)).toEqual(expect.arrayContaining([kept.id, kept2.id]));
    const next = await startCase('交接之后');
    expect(next.tasks[0]!.candidates.map((c) => c.username)).toEqual(['zhaolei']);

    // Running it again reuses the delegation and has nothing left to move but the dead one.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users/lina/hand-over',
      headers: admin,
      payload: { to: 'zhaolei', reason: '换届' },
    });
    expect(again.json().delegation.id).toBe(body.delegation.id);
    expect(again.json().tasks.map((x: { caseId: string }) => x.caseId)).toEqual([ended.id]);
  });

  it('refuses unknown users and a hand-over to oneself', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users/nobody/hand-over',
      headers: admin,
      payload: { to: 'lina', reason: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
    const self = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users/lina/hand-over',
      headers: admin,
      payload: { to: 'lina', reason: 'x' },
    });
    expect(self.statusCode).toBe(422);
    const member = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users/lina/hand-over',
      headers: applicant,
      payload: { to: 'zhaolei', reason: 'x' },
    });
    expect(member.statusCode).toBe(403);
  });
});

describe('GET /api/audit/verify', () => {
  it('reports an intact chain, then the first tampered event', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.json().checked).toBeGreaterThan(0);

    const victim = await t.db
      .selectFrom('audit_events')
      .select(['id', 'event_key'])
      .orderBy('id')
      .limit(1)
      .offset(2)
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`.execute(t.db);
    await sql`UPDATE audit_events SET payload = '{"forged":true}'::jsonb WHERE id = ${victim.id}`.execute(
      t.db,
    );
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`.execute(t.db);
    const broken = (await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin })).json();
    expect(broken).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { id: String(victim.id), eventKey: victim.event_key },
    });
  });
});

describe('the request id reaches the workflow', () => {
  it('rides along as a Temporal header on Updates sent with the interceptor', async () => {
    const started = await startCase('请求编号');
    const client = new Client({
      connection: t.temporal!.client.connection,
      interceptors: { workflow: [requestIdInterceptor()] },
    });
    const handle = client.workflow.getHandle(caseWorkflowId(started.id));
    await withRequestId('req-trace-42', () =>
      handle.executeUpdate(claimUpdate, {
        args: [{ taskId: started.tasks[0]!.id, actorId: started.tasks[0]!.candidates[0]!.id }],
      }),
    ).catch(() => undefined);
    const history = await handle.fetchHistory();
    const accepted = history.events?.find(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'claim',
    );
    const header = accepted?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.header;
    expect(requestIdFrom((header?.fields ?? undefined) as never)).toBe('req-trace-42');
  });
});
