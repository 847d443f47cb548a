import { randomUUID } from 'node:crypto';
import type { CaseDetailDto } from '@unionflow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, type TestApp } from '../../test-support/app-harness';
import { addUser } from '../../test-support/org-fixtures';
import { sessions } from '../../test-support/test-people';

let t: TestApp;
let engine: EngineHarness;
let as: (username: string) => Promise<AuthHeaders>;

const ID_NUMBER = '370102198801011234';
const household = {
  householdMembers: '张伟（本人）；妻（无业）',
  householdSize: 2,
  address: '济南市钢城区艾山街道 1 号',
  workSituation: '在岗',
  causeCategory: 'illness',
  causeDetail: '妻子需长期透析',
  monthlyIncomeFen: 450_000,
  idNumber: ID_NUMBER,
};
const HOUSEHOLD_COMMENT = '入户核实：妻子透析，家中无其他收入';

let caseId: string;

const detail = async (username: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: await as(username) });
  return { status: res.statusCode, body: res.json<CaseDetailDto>() };
};
const reveal = async (username: string, field: string, id = caseId) =>
  t.app.inject({
    method: 'POST',
    url: `/api/cases/${id}/reveal`,
    headers: await as(username),
    payload: { field },
  });
const revealEvents = () =>
  t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'case_id', 'type', 'payload', 'at'])
    .where('type', '=', 'field-revealed')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  const taskQueue = `asvs-v8-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  as = sessions(t.app);
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });

  const started = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...(await as('zhangwei')), 'idempotency-key': randomUUID() },
    payload: { processKey: 'hardship-case', data: household },
  });
  expect(started.statusCode, started.body).toBe(201);
  caseId = started.json<CaseDetailDto>().id;
  const verify = started.json<CaseDetailDto>().tasks.find((k) => k.nodeId === 'verify');
  if (!verify) throw new Error('no verify task');
  // The grassroots cadre's decision carries a comment about the household.
  const decided = await t.app.inject({
    method: 'POST',
    url: `/api/tasks/${verify.id}/decisions`,
    headers: { ...(await as('zhaolei')), 'idempotency-key': randomUUID() },
    payload: {
      action: 'approve',
      comment: HOUSEHOLD_COMMENT,
      data: {
        clearHousehold: true,
        clearAddress: true,
        clearWork: true,
        clearCause: true,
        condSeriousIllness: true,
      },
    },
  });
  expect(decided.statusCode, decided.body).toBe(200);
  // Step data with household values, as a sub-process or service step may record it on the timeline.
  await t.db
    .insertInto('timeline_events')
    .values({
      case_id: caseId,
      seq: 1_000_000,
      idx: 0,
      at: new Date(),
      type: 'subprocess-completed',
      actor_id: null,
      on_behalf_of_id: null,
      node_id: null,
      step_name: null,
      comment: null,
      data: JSON.stringify({
        outcome: { address: household.address, idNumber: ID_NUMBER, score: 3 },
      }) as never,
    })
    .execute();
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('V8.3.4 household data on the case timeline is masked like the audit log masks it', () => {
  it('V8.3.4 a masked viewer of a hardship case sees timeline comments and step data masked', async () => {
    // The admin works every department but holds no household role: the case is shown masked.
    const { status, body } = await detail('admin');
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ address: '***', idNumber: '***', causeCategory: 'illness' });
    const approved = body.timeline.find((e) => e.type === 'approved');
    expect(approved?.comment).toBe('***');
    const step = body.timeline.find((e) => e.type === 'subprocess-completed');
    expect(step?.data).toEqual({ outcome: { address: '***', idNumber: '***', score: 3 } });
    expect(JSON.stringify(body)).not.toContain(HOUSEHOLD_COMMENT);
    expect(JSON.stringify(body)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(body)).not.toContain(household.address);
    expect(body.revealable).toEqual([]);
  });

  it('V8.3.4 a full viewer reads comments and household data, but the ID number only partly', async () => {
    for (const username of ['zhaolei', 'zhangwei']) {
      const { body } = await detail(username);
      expect(body.data.address).toBe(household.address);
      expect(body.data.idNumber).toBe('3701**********1234');
      expect(body.timeline.find((e) => e.type === 'approved')?.comment).toBe(HOUSEHOLD_COMMENT);
      expect(body.timeline.find((e) => e.type === 'subprocess-completed')?.data).toEqual({
        outcome: { address: household.address, idNumber: '3701**********1234', score: 3 },
      });
      expect(JSON.stringify(body)).not.toContain(ID_NUMBER);
      const field = body.dataFields.find((f) => (f as { key: string }).key === 'idNumber');
      expect(field).toMatchObject({ revealOnly: true });
      expect(body.revealable).toEqual(['idNumber']);
    }
  });
});

describe('V8.3.5 revealing an ID number is an explicit action recorded in the audit chain', () => {
  it('V8.3.5 a full viewer reveals the whole value and an audit event records who, what and when', async () => {
    const before = Date.now();
    const res = await reveal('zhaolei', 'idNumber');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ field: 'idNumber', value: ID_NUMBER });
    const events = await revealEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_id: 'u-zhaolei',
      case_id: caseId,
      type: 'field-revealed',
      payload: { field: 'idNumber', fieldLabel: { zh: '身份证号', en: 'ID number' } },
    });
    expect(new Date(events[0]!.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The log says that it was revealed, never the value itself.
    expect(JSON.stringify(events)).not.toContain(ID_NUMBER);
    const verified = await t.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: await as('admin'),
    });
    expect(verified.json()).toMatchObject({ ok: true });
    // Still masked on the next read: a reveal is one look, not a setting.
    expect((await detail('zhaolei')).body.data.idNumber).toBe('3701**********1234');
  });

  it('V8.3.5 the audit log lists the reveal with the case', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/audit?caseId=${caseId}`,
      headers: await as('admin'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { type: string; actor: { username: string } | null }[] }>().items;
    expect(items.filter((e) => e.type === 'field-revealed').map((e) => e.actor?.username)).toEqual([
      'zhaolei',
    ]);
  });

  it('V8.3.5 masked viewers are refused (403) and outsiders get 404; nothing is written', async () => {
    const before = (await revealEvents()).length;
    const masked = await reveal('admin', 'idNumber');
    expect(masked.statusCode).toBe(403);
    expect(masked.headers['content-type']).toContain('application/problem+json');
    expect(masked.body).not.toContain(ID_NUMBER);
    // lina works innovation in the applicant's org: the household file is not hers to see at all.
    const outsider = await reveal('lina', 'idNumber');
    expect(outsider.statusCode).toBe(404);
    const unknown = await reveal('zhaolei', 'idNumber', randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect(outsider.json().detail).toBe(`找不到案件 ${caseId} / no case ${caseId}`);
    expect((await revealEvents()).length).toBe(before);
  });

  it('V8.3.5 only fields marked reveal-only can be revealed (422), and nothing is written', async () => {
    const before = (await revealEvents()).length;
    const res = await reveal('zhaolei', 'address');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/^此字段.* \/ /);
    const malformed = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/reveal`,
      headers: await as('zhaolei'),
      payload: { field: '' },
    });
    expect(malformed.statusCode).toBe(400);
    expect((await revealEvents()).length).toBe(before);
  });
});

describe('V8.3.5 a partly masked value is never written back over the real one', () => {
  it('V8.3.5 the applicant supplementing with the masked ID number is refused (422) and nothing changes', async () => {
    // Another household: zhangwei's file is already open, and a household holds one at a time.
    await addUser(t.db, { username: 'sunli', orgId: 'org-steel', roles: ['member'] });
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...(await as('sunli')), 'idempotency-key': randomUUID() },
      payload: { processKey: 'hardship-case', data: household },
    });
    const id = started.json<CaseDetailDto>().id;
    const verify = started.json<CaseDetailDto>().tasks.find((k) => k.nodeId === 'verify');
    const returned = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${verify?.id}/decisions`,
      headers: { ...(await as('zhaolei')), 'idempotency-key': randomUUID() },
      payload: { action: 'return', to: 'applicant', comment: '请补充材料' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/supplement`,
      headers: { ...(await as('sunli')), 'idempotency-key': randomUUID() },
      payload: { data: { ...household, idNumber: '3701**********1234' } },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'body.data.idNumber', message: expect.any(String) }]);
    const row = await t.db.selectFrom('cases').select('data').where('id', '=', id).executeTakeFirstOrThrow();
    expect((row.data as Record<string, unknown>).idNumber).toBe(ID_NUMBER);
    const types = await engine.timelineTypes(id);
    expect(types).not.toContain('supplemented');
  });
});
