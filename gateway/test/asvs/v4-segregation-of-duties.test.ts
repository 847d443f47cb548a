import { randomUUID } from 'node:crypto';
import type { CaseDetailDto, InboxPageDto } from '@unionflow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../test-support/app-harness';
import { addOtherOrg, addUser } from '../../test-support/org-fixtures';

// Segregation of duties and org boundaries (issue #11, ADR 011), over HTTP through the gateway.
let t: TestApp;
let engine: EngineHarness;
let zhangwei: AuthHeaders;
let lina: AuthHeaders;
let outsider: AuthHeaders;

async function startCase(as: AuthHeaders, title: string): Promise<CaseDetailDto> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: as,
    payload: { processKey: 'simple-approval', data: { title } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseDetailDto>();
}

function decide(as: AuthHeaders, taskId: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/decisions`, headers: as, payload });
}

function delegateStanding(as: AuthHeaders, to: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/me/delegations',
    headers: as,
    payload: { to, reason: '外出' },
  });
}

async function timelineLength(caseId: string): Promise<number> {
  const rows = await t.db.selectFrom('timeline_events').select('id').where('case_id', '=', caseId).execute();
  return rows.length;
}

async function candidatesOf(caseId: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom('task_candidates')
    .innerJoin('tasks', 'tasks.id', 'task_candidates.task_id')
    .innerJoin('users', 'users.id', 'task_candidates.user_id')
    .select('users.username')
    .where('tasks.case_id', '=', caseId)
    .where('task_candidates.open', '=', true)
    .execute();
  return rows.map((r) => r.username).sort();
}

beforeAll(async () => {
  const taskQueue = `sod-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  // A member of another company's union: a sibling branch of the org tree.
  await addUser(t.db, { username: 'outsider', orgId: await addOtherOrg(t.db), roles: ['member'] });
  zhangwei = await login(t.app, 'zhangwei');
  lina = await login(t.app, 'lina');
  outsider = await login(t.app, 'outsider');
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('V4.1.3 segregation of duties: nobody approves their own case', () => {
  it('V4.1.3 lina’s own simple-approval case never lands with her, and her approval is refused (403)', async () => {
    const own = await startCase(lina, '本人的申请');
    expect(own.tasks[0]!.candidates.map((c) => c.username)).toEqual(['admin']);
    const before = await timelineLength(own.id);
    const res = await decide(lina, own.tasks[0]!.id, { action: 'approve' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await timelineLength(own.id)).toBe(before);
  });

  it('V4.1.3 an admin hand-over does not move a case’s task to its applicant (422 for that task)', async () => {
    const own = await startCase(lina, '交接时的本人申请');
    const admin = await login(t.app, 'admin');
    const handOver = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users/admin/hand-over',
      headers: admin,
      payload: { to: 'lina', reason: '交接' },
    });
    await t.db.deleteFrom('delegations').where('from_user_id', '=', 'u-admin').execute();
    expect(handOver.statusCode, handOver.body).toBe(200);
    const mine = handOver.json().tasks.find((x: { caseId: string }) => x.caseId === own.id);
    expect(mine).toMatchObject({ ok: false, status: 422 });
    expect(mine.detail).toMatch(/^不能交给申请人本人/);
    expect(await candidatesOf(own.id)).toEqual(['admin']);
  });

  it('V4.1.3 transferring, delegating or adding the applicant as signer is refused (422) and writes nothing', async () => {
    const c = await startCase(zhangwei, '张伟的申请');
    const taskId = c.tasks[0]!.id;
    const before = await timelineLength(c.id);
    for (const action of ['transfer', 'delegate', 'add-signer']) {
      const res = await decide(lina, taskId, { action, to: 'zhangwei' });
      expect(res.statusCode, action).toBe(422);
      expect(res.json().detail).toMatch(/^不能交给申请人本人.*applicants do not decide on their own case/);
    }
    expect(await timelineLength(c.id)).toBe(before);
    expect(await candidatesOf(c.id)).toEqual(['lina']);
  });

  it('V4.1.3 a standing delegation to the applicant does not route their own case to them', async () => {
    const created = await delegateStanding(lina, 'zhangwei');
    expect(created.statusCode, created.body).toBe(201);
    const own = await startCase(zhangwei, '委托期间的本人申请');
    expect(own.tasks[0]!.candidates.map((c) => c.username)).toEqual(['lina']);
    // Anyone else's case still goes to the delegate.
    const zhaolei = await login(t.app, 'zhaolei');
    const other = await startCase(zhaolei, '他人的申请');
    expect(other.tasks[0]!.candidates.map((c) => c.username)).toEqual(['zhangwei']);
    await t.app.inject({ method: 'DELETE', url: `/api/me/delegations/${created.json().id}`, headers: lina });
  });
});

describe('V4.2.1 org boundaries: a task never carries a case to another branch of the org tree', () => {
  it('V4.2.1 transferring or delegating a task to a member of another org is refused (422)', async () => {
    const c = await startCase(zhangwei, '跨组织转交');
    const before = await timelineLength(c.id);
    for (const action of ['transfer', 'delegate', 'add-signer']) {
      const res = await decide(lina, c.tasks[0]!.id, { action, to: 'outsider' });
      expect(res.statusCode, action).toBe(422);
      expect(res.json().detail).toMatch(/不在本案件所属组织范围内.*outside the case's organisation/);
    }
    expect(await timelineLength(c.id)).toBe(before);
  });

  it('V4.2.1 a standing delegation to another org is refused (422); the outsider gets 404 and no inbox item', async () => {
    const before = await t.db.selectFrom('delegations').select('id').execute();
    const res = await delegateStanding(lina, 'outsider');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/不在您的组织范围内.*outside your organisation/);
    expect(await t.db.selectFrom('delegations').select('id').execute()).toEqual(before);

    const c = await startCase(zhangwei, '不应外泄的申请');
    expect(c.tasks[0]!.candidates.map((x) => x.username)).toEqual(['lina']);
    const read = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: outsider });
    expect(read.statusCode).toBe(404);
    const inbox = (
      await t.app.inject({ method: 'GET', url: '/api/inbox', headers: outsider })
    ).json<InboxPageDto>();
    expect(inbox.items.map((i) => i.caseId)).not.toContain(c.id);
  });

  it('V4.2.1 holding a task does not open a case outside the holder’s org line (404)', async () => {
    const c = await startCase(zhangwei, '已外泄的任务');
    // As a delegation made before this rule would have left it: the outsider holds the task.
    await t.db
      .insertInto('task_candidates')
      .values({
        task_id: c.tasks[0]!.id,
        user_id: 'u-outsider',
        open: true,
        due_at: null,
        created_at: new Date(),
        on_behalf_of: 'u-lina',
      })
      .execute();
    const read = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: outsider });
    expect(read.statusCode).toBe(404);
    const decided = await decide(outsider, c.tasks[0]!.id, { action: 'approve' });
    expect(decided.statusCode).toBe(404);
    // A holder on the case's org line still reads it.
    const byHolder = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: lina });
    expect(byHolder.statusCode).toBe(200);
  });
});
