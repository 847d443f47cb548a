import type { ChainPreviewDto } from '@unionflow/contracts';
import { publishDefinition, simpleApproval } from '@unionflow/db';
import { type ProcessDefinition, richExampleDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../../test-support/app-harness';
import { addOtherOrg, addUser } from '../../../test-support/org-fixtures';

/** Large amounts (from 1,000 yuan) also go to the city committee, who must all approve (会签). */
const tiered: ProcessDefinition = {
  ...simpleApproval,
  key: 'tiered-approval',
  name: { zh: '分级审批', en: 'Tiered approval' },
  nodes: [
    { ...simpleApproval.nodes[0]!, next: 'size' } as ProcessDefinition['nodes'][number],
    {
      id: 'size',
      kind: 'exclusive',
      name: { zh: '金额', en: 'Amount' },
      branches: [{ condition: { '>=': [{ var: 'data.amount' }, 100000] }, next: 'committee' }],
      default: 'approved',
    },
    {
      id: 'committee',
      kind: 'approval',
      name: { zh: '市总委员会会签', en: 'City committee' },
      assignee: { kind: 'role', role: 'innovation-committee', scope: 'root' },
      mode: 'all',
      next: 'nobody',
    },
    {
      id: 'nobody',
      kind: 'approval',
      name: { zh: '无人岗位', en: 'Empty post' },
      assignee: { kind: 'role', role: 'no-such-role', scope: 'root' },
      mode: 'single',
      emptyAssignee: 'scope-admin',
      next: 'approved',
    },
    { id: 'approved', kind: 'end', name: { zh: '通过', en: 'Approved' }, outcome: 'approved' },
  ],
} as ProcessDefinition;

/**
 * Every kind of step: a people's step copying the assistance centre, a gateway, a parallel block and its
 * join, a notice, a service, a timer and a sub-process. Only the steps people act on are chain entries.
 */
const everyKind: ProcessDefinition = { ...richExampleDefinition, key: 'every-kind-chain' };

/** The steel union's own process: only its line may start (and so preview) it (ADR 012). */
const steelOnly: ProcessDefinition = {
  ...simpleApproval,
  key: 'steel-only',
  name: { zh: '本厂审批', en: 'Steel only' },
};

let t: TestApp;
let zhangwei: AuthHeaders;
let outsider: AuthHeaders;

const preview = (headers: AuthHeaders, key: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/processes/${key}/preview`, headers, payload: payload as object });

const people = (p: ChainPreviewDto) => p.steps.map((s) => s.assignees.map((a) => a.displayName));

beforeAll(async () => {
  t = await createTestApp();
  await publishDefinition(t.db, tiered, null);
  await publishDefinition(t.db, everyKind, null);
  await publishDefinition(t.db, steelOnly, null, { ownerOrgId: 'org-steel' });
  await addUser(t.db, { username: 'othermember', orgId: await addOtherOrg(t.db), roles: ['member'] });
  zhangwei = await login(t.app, 'zhangwei');
  outsider = await login(t.app, 'othermember');
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/processes/:key/preview', () => {
  it('shows zhangwei that his simple approval goes to 李娜, one approver', async () => {
    const res = await preview(zhangwei, 'simple-approval', { data: { title: '加班申请' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ChainPreviewDto>();
    expect(body.applicant.username).toBe('zhangwei');
    expect(body.steps).toEqual([
      expect.objectContaining({ kind: 'approval', name: simpleApproval.nodes[0]!.name, mode: 'single' }),
    ]);
    expect(people(body)).toEqual([['李娜']]);
    expect(body.complete).toBe(true);
  });

  it('follows the conditions on what was typed, and says what happens when nobody fits', async () => {
    const small = (
      await preview(zhangwei, 'tiered-approval', { data: { amount: 50000 } })
    ).json<ChainPreviewDto>();
    expect(people(small)).toEqual([['李娜']]);
    const large = await preview(zhangwei, 'tiered-approval', { data: { amount: 100000 } });
    expect(large.statusCode, large.body).toBe(200);
    const body = large.json<ChainPreviewDto>();
    expect(people(body)).toEqual([['李娜'], ['王芳'], []]);
    expect(body.steps.map((s) => s.mode)).toEqual(['single', 'all', 'single']);
    expect(body.steps[2]).toMatchObject({ emptyPolicy: 'scope-admin' });
    expect(body.steps[1]!.emptyPolicy).toBeUndefined();
  });

  it('lists people’s steps only, with their people; copies are a note under the step, not an entry', async () => {
    const res = await preview(zhangwei, 'every-kind-chain', { data: { level: 'deep', amount: 100000 } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ChainPreviewDto>();
    // 深度困难 goes through the joint review; the notice, the payment, the wait and the follow-up are not
    // people’s steps, nor are the gateway and the join.
    expect(body.steps.map((s) => s.nodeId)).toEqual(['verify', 'centre-countersign', 'union-check']);
    expect(new Set(body.steps.map((s) => s.kind))).toEqual(new Set(['approval']));
    expect(body.complete).toBe(true);
    // The first step copies the assistance centre nearest the applicant (陈杰), as a note on the step.
    const verify = body.steps[0]!;
    expect(verify.cc?.map((p) => p.displayName)).toEqual(['陈杰']);
    expect(body.steps[1]!.cc).toBeUndefined();
    // A copied person is not one of the chain’s people because of the copy.
    expect(body.steps.flatMap((s) => s.assignees).length).toBeGreaterThan(0);
  });

  it('is refused to a member outside the owning line, as a start is, and the list leaves it out', async () => {
    expect((await preview(zhangwei, 'steel-only', { data: {} })).statusCode).toBe(200);
    const refused = await preview(outsider, 'steel-only', { data: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toContain('山钢莱芜分公司工会');
    const list = await t.app.inject({ method: 'GET', url: '/api/processes', headers: outsider });
    const keys = list.json<{ key: string }[]>().map((p) => p.key);
    expect(keys).toContain('simple-approval');
    expect(keys).not.toContain('steel-only');
  });

  it('is refused for a process the caller’s roles may not start', async () => {
    // 基层工会补贴申请 is started by grassroots cadres only.
    expect((await preview(zhangwei, 'grassroots-subsidy', { data: {} })).statusCode).toBe(403);
  });

  it('answers 404 for a key that names no process, 400 for a malformed key or body', async () => {
    expect((await preview(zhangwei, 'no-such-process', { data: {} })).statusCode).toBe(404);
    expect((await preview(zhangwei, 'bad%20key', { data: {} })).statusCode).toBe(400);
    expect((await preview(zhangwei, 'simple-approval', {})).statusCode).toBe(400);
    const unknown = await preview(zhangwei, 'simple-approval', { data: { salary: 1 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ detail: string }>().detail).toContain('salary');
  });

  it('answers 409 for a retired process, which has left the list', async () => {
    await t.db
      .updateTable('process_owners')
      .set({ retired_at: new Date(), retired_by: null })
      .where('key', '=', 'tiered-approval')
      .execute();
    expect((await preview(zhangwei, 'tiered-approval', { data: {} })).statusCode).toBe(409);
    const list = await t.app.inject({ method: 'GET', url: '/api/processes', headers: zhangwei });
    expect(list.json<{ key: string }[]>().map((p) => p.key)).not.toContain('tiered-approval');
  });

  it('asks for a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/processes/simple-approval/preview',
      payload: { data: {} },
    });
    expect(res.statusCode).toBe(401);
  });
});
