import { ApplicationFailure } from '@temporalio/activity';
import type { ApprovalNode, ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';
import type { ServiceAction } from '../services/registry';

const calls: string[] = [];
let ledgerDown = true;
const services: Record<string, ServiceAction> = {
  'ledger.post': async () => {
    if (ledgerDown) throw ApplicationFailure.nonRetryable('the finance ledger is down', 'LedgerDown');
    return { posted: true };
  },
  'award.disburse': async (call) => {
    calls.push(`disburse:${call.caseId}`);
    return { paid: 100 };
  },
  'award.reclaim': async (call) => {
    calls.push(`reclaim:${call.caseId}:${JSON.stringify(call.params.original)}`);
    return { reclaimed: true };
  },
};

const review = (id: string, user: string, next: string, extra: Partial<ApprovalNode> = {}): ApprovalNode => ({
  id,
  kind: 'approval',
  name: { zh: id },
  assignee: { kind: 'user', username: user },
  mode: 'single',
  next,
  ...extra,
});
const end = (id = 'end', outcome = 'approved'): ProcessNode => ({
  id,
  kind: 'end',
  name: { zh: id },
  outcome,
});

function def(key: string, nodes: ProcessNode[], start = nodes[0]!.id): ProcessDefinition {
  return {
    key,
    version: 1,
    name: { zh: key },
    department: 'innovation',
    form: [
      { key: 'title', label: { zh: '标题' }, type: 'text' },
      { key: 'tier', label: { zh: '级别' }, type: 'text' },
      { key: 'signers', label: { zh: '会签' }, type: 'user' },
    ],
    start,
    nodes,
  };
}

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness({ services });
});
afterAll(async () => {
  await h?.close();
});

async function only(caseId: string) {
  const tasks = await h.openTasks(caseId);
  expect(tasks).toHaveLength(1);
  return tasks[0]!;
}

describe('gateways', () => {
  it('exclusive gateway follows the case data, else the default', async () => {
    const d = def('exclusive', [
      {
        id: 'route',
        kind: 'exclusive',
        name: { zh: '按级别' },
        branches: [{ condition: { '==': [{ var: 'data.tier' }, 'breakthrough'] }, next: 'committee' }],
        default: 'grassroots',
      },
      review('committee', 'wangfang', 'end'),
      review('grassroots', 'lina', 'end'),
      end(),
    ]);
    const big = await h.start(d, { title: 'a', tier: 'breakthrough' });
    expect((await only(big.caseId)).candidates).toEqual(['u-wangfang']);
    const small = await h.start(d, { title: 'b', tier: 'proposal' });
    expect((await only(small.caseId)).candidates).toEqual(['u-lina']);
  });

  it('parallel split waits for every branch at the join', async () => {
    const d = def('parallel', [
      { id: 'split', kind: 'parallel', name: { zh: '并行' }, branches: ['a', 'b'], join: 'join' },
      review('a', 'lina', 'join'),
      review('b', 'wangfang', 'join'),
      { id: 'join', kind: 'join', name: { zh: '汇合' }, next: 'final' },
      review('final', 'chenjie', 'end'),
      end(),
    ]);
    const c = await h.start(d, { title: 'p' });
    const tasks = await h.openTasks(c.caseId);
    expect(tasks.map((t) => t.candidates[0]).sort()).toEqual(['u-lina', 'u-wangfang']);
    await h.decide(c.caseId, {
      taskId: tasks.find((t) => t.node_id === 'a')!.id,
      actorId: 'u-lina',
      action: 'approve',
    });
    expect((await only(c.caseId)).node_id).toBe('b');
    await h.decide(c.caseId, {
      taskId: tasks.find((t) => t.node_id === 'b')!.id,
      actorId: 'u-wangfang',
      action: 'approve',
    });
    const final = await only(c.caseId);
    expect(final.node_id).toBe('final');
    expect(
      (await h.decide(c.caseId, { taskId: final.id, actorId: 'u-chenjie', action: 'approve' })).status,
    ).toBe('completed');
  });
});

describe('return', () => {
  it('returns to the applicant, who supplements; the review starts over', async () => {
    const d = def('return-applicant', [review('r1', 'lina', 'r2'), review('r2', 'wangfang', 'end'), end()]);
    const c = await h.start(d, { title: 'x' });
    await h.decide(c.caseId, { taskId: (await only(c.caseId)).id, actorId: 'u-lina', action: 'approve' });
    const r2 = await only(c.caseId);
    await h.decide(c.caseId, {
      taskId: r2.id,
      actorId: 'u-wangfang',
      action: 'return',
      to: 'applicant',
      comment: '请补充数据',
    });
    const back = await only(c.caseId);
    expect(back.candidates).toEqual(['u-zhangwei']);
    const err = await h
      .applicant(c.caseId, { actorId: 'u-lina', action: 'supplement', data: {} })
      .catch((e) => e);
    expect(err.cause?.type).toBe('Forbidden');
    await h.applicant(c.caseId, {
      actorId: 'u-zhangwei',
      action: 'supplement',
      data: { title: 'x, with data' },
    });
    const again = await only(c.caseId);
    expect(again.node_id).toBe('r1');
    expect((await h.caseRow(c.caseId)).data.title).toBe('x, with data');
  });

  it("returns out of a countersign: the other signers' tasks are withdrawn", async () => {
    const d = def('return-countersign', [
      review('first', 'lina', 'sign'),
      {
        id: 'sign',
        kind: 'approval',
        name: { zh: '会签' },
        assignee: { kind: 'field', field: 'signers' },
        mode: 'all',
        next: 'end',
      },
      end(),
    ]);
    const c = await h.start(d, { title: 'x', signers: ['wangfang', 'chenjie'] });
    await h.decide(c.caseId, { taskId: (await only(c.caseId)).id, actorId: 'u-lina', action: 'approve' });
    const signs = await h.openTasks(c.caseId);
    expect(signs).toHaveLength(2);
    await h.decide(c.caseId, {
      taskId: signs[0]!.id,
      actorId: signs[0]!.candidates[0]!,
      action: 'return',
      to: 'first',
    });
    const back = await only(c.caseId);
    expect(back).toMatchObject({ node_id: 'first', candidates: ['u-lina'] });
    const other = await h.db
      .selectFrom('tasks')
      .select('status')
      .where('id', '=', signs[1]!.id)
      .executeTakeFirstOrThrow();
    expect(other.status).toBe('cancelled');
  });

  it('returns out of a parallel branch to before the split: the sibling branch is cancelled and both rerun', async () => {
    const d = def('return-parallel', [
      review('intake', 'lina', 'split'),
      { id: 'split', kind: 'parallel', name: { zh: '并行' }, branches: ['a', 'b'], join: 'join' },
      review('a', 'wangfang', 'join'),
      review('b', 'chenjie', 'join'),
      { id: 'join', kind: 'join', name: { zh: '汇合' }, next: 'end' },
      end(),
    ]);
    const c = await h.start(d, { title: 'x' });
    await h.decide(c.caseId, { taskId: (await only(c.caseId)).id, actorId: 'u-lina', action: 'approve' });
    const branches = await h.openTasks(c.caseId);
    const a = branches.find((t) => t.node_id === 'a')!;
    const b = branches.find((t) => t.node_id === 'b')!;
    await h.decide(c.caseId, { taskId: b.id, actorId: 'u-chenjie', action: 'approve' });
    await h.decide(c.caseId, { taskId: a.id, actorId: 'u-wangfang', action: 'return', to: 'intake' });
    const back = await only(c.caseId);
    expect(back.node_id).toBe('intake');
    await h.decide(c.caseId, { taskId: back.id, actorId: 'u-lina', action: 'approve' });
    // The join was reset: both branches must be decided again.
    expect((await h.openTasks(c.caseId)).map((t) => t.node_id).sort()).toEqual(['a', 'b']);
  });

  it('refuses a return to a step the case never passed', async () => {
    const d = def('return-bad', [review('r1', 'lina', 'r2'), review('r2', 'wangfang', 'end'), end()]);
    const c = await h.start(d, { title: 'x' });
    const err = await h
      .decide(c.caseId, { taskId: (await only(c.caseId)).id, actorId: 'u-lina', action: 'return', to: 'r2' })
      .catch((e) => e);
    expect(err.cause?.type).toBe('Invalid');
    expect((await only(c.caseId)).node_id).toBe('r1');
  });

  it('compensates a completed service step when the case is returned past it (saga)', async () => {
    const d = def('saga', [
      review('approve', 'lina', 'pay'),
      {
        id: 'pay',
        kind: 'service',
        name: { zh: '发放奖励' },
        action: 'award.disburse',
        compensation: 'award.reclaim',
        next: 'confirm',
      },
      review('confirm', 'wangfang', 'end'),
      end(),
    ]);
    const c = await h.start(d, { title: 'x' });
    await h.decide(c.caseId, { taskId: (await only(c.caseId)).id, actorId: 'u-lina', action: 'approve' });
    const confirm = await h.eventually(async () =>
      (await h.openTasks(c.caseId)).find((t) => t.node_id === 'confirm'),
    );
    expect(calls).toContain(`disburse:${c.caseId}`);
    await h.decide(c.caseId, { taskId: confirm.id, actorId: 'u-wangfang', action: 'return', to: 'approve' });
    expect(calls).toContain(`reclaim:${c.caseId}:{"paid":100}`);
    expect(await h.timelineTypes(c.caseId)).toContain('compensated');
  });
});

describe('failed service steps', () => {
  it('waits after a failure until an admin runs the step again', async () => {
    const { retryServiceUpdate } = await import('@unionflow/workflows');
    const d = def('retry', [
      { id: 'post', kind: 'service', name: { zh: '记账' }, action: 'ledger.post', next: 'r1' },
      review('r1', 'lina', 'end'),
      end(),
    ]);
    const c = await h.start(d, { title: 'retry' });
    await h.eventually(async () => (await h.timelineTypes(c.caseId)).includes('service-failed'));
    expect(await h.openTasks(c.caseId)).toEqual([]);
    ledgerDown = false;
    await h.client.workflow
      .getHandle(`case-${c.caseId}`)
      .executeUpdate(retryServiceUpdate, { args: [{ actorId: 'u-admin' }] });
    const task = await h.eventually(async () => (await h.openTasks(c.caseId))[0]);
    expect(task.node_id).toBe('r1');
    expect(await h.timelineTypes(c.caseId)).toEqual(
      expect.arrayContaining(['service-failed', 'service-retried', 'service-completed']),
    );
  });
});
