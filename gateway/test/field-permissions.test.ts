import { randomUUID } from 'node:crypto';
import type { CaseDetailDto } from '@unionflow/contracts';
import type { ProcessDefinition } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import {
  approvedEnd,
  centreCheck,
  committeeReview,
  grassrootsReview,
  phoneField,
  titleField,
} from '../../packages/process-model/src/test-support/review-steps';
import { decide, engineSuite, onlyOpenTask, readCase } from './vocabulary/vocabulary-fixture';

/**
 * Grassroots (李娜) proposes the award; the city committee (王芳) may change it and does not see the
 * applicant's phone; the centre (陈杰) reads the award only. The department (rights) is none of
 * theirs, so they read the case as holders of its tasks.
 */
const definition: ProcessDefinition = {
  key: 'field-permissions-flow',
  version: 1,
  name: { zh: '字段权限测试', en: 'Field permissions' },
  department: 'rights',
  form: [titleField, phoneField],
  start: 'grassroots',
  nodes: [
    grassrootsReview('committee'),
    committeeReview('centre', { fieldPermissions: { award: 'edit', phone: 'hidden' } }),
    centreCheck('end'),
    approvedEnd('end'),
  ],
};

/** Grassroots review, then a 抄送 step copying 王芳 and 陈杰, then the centre. */
const copying: ProcessDefinition = {
  key: 'cc-node-flow',
  version: 1,
  name: { zh: '抄送节点测试', en: 'CC step' },
  department: 'rights',
  form: [titleField],
  start: 'grassroots',
  nodes: [
    grassrootsReview('copy', []),
    {
      id: 'copy',
      kind: 'cc',
      name: { zh: '抄送市总', en: 'Copy the city' },
      recipients: [{ kind: 'users', usernames: ['wangfang', 'chenjie'] }],
      next: 'centre',
    },
    centreCheck('end'),
    approvedEnd('end'),
  ],
};

const suite = engineSuite('perm', [definition, copying]);
const as = suite.as;

const read = async (username: string, caseId: string) => {
  const res = await readCase(suite.t, await as(username), caseId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseDetailDto>();
};
const keysOf = (fields: unknown[]) => fields.map((f) => (f as { key: string }).key);

describe('per-step field permissions over HTTP', () => {
  it('lets the committee change the award, refuses others by field in Chinese, hides the phone from it alone', async () => {
    const started = await suite.t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...(await as('zhangwei')), 'idempotency-key': randomUUID() },
      payload: { processKey: definition.key, data: { title: '创新成果', phone: '13800000000' } },
    });
    expect(started.statusCode, started.body).toBe(201);
    const c = started.json<CaseDetailDto>();
    const proposed = await decide(suite.t, await as('lina'), onlyOpenTask(c).id, {
      action: 'approve',
      data: { award: 500_000 },
    });
    expect(proposed.statusCode, proposed.body).toBe(200);

    // The committee's view: no phone anywhere, and the award among the fields it fills.
    const committeeView = await read('wangfang', c.id);
    const task = onlyOpenTask(committeeView);
    expect(task.nodeId).toBe('committee');
    expect(keysOf(task.form)).toEqual(['award']);
    expect(committeeView.data).not.toHaveProperty('phone');
    expect(keysOf(committeeView.dataFields)).not.toContain('phone');
    expect(JSON.stringify(committeeView.timeline)).not.toContain('13800000000');
    expect(committeeView.data).toMatchObject({ award: 500_000 });
    // The applicant sees everything.
    expect((await read('zhangwei', c.id)).data).toMatchObject({ phone: '13800000000', award: 500_000 });

    const hidden = await decide(suite.t, await as('wangfang'), task.id, {
      action: 'approve',
      data: { award: 800_000, phone: '13900000000' },
    });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors).toEqual([
      {
        path: '/data/phone',
        message:
          '「联系电话」在此步骤为隐藏，不能修改 / "Phone" is hidden at this step and cannot be changed',
      },
    ]);

    const changed = await decide(suite.t, await as('wangfang'), task.id, {
      action: 'approve',
      data: { award: 800_000 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const afterCommittee = await read('zhangwei', c.id);
    expect(afterCommittee.data).toMatchObject({ award: 800_000 });
    const edit = afterCommittee.timeline.find((e) => e.type === 'fields-edited');
    expect(edit).toMatchObject({
      nodeId: 'committee',
      actor: { username: 'wangfang' },
      data: { before: { award: 500_000 }, after: { award: 800_000 } },
    });

    // The centre reads the award only: its edit is refused, naming the field and why.
    const centreView = await read('chenjie', c.id);
    expect(centreView.data).toMatchObject({ phone: '13800000000' });
    const centreTask = onlyOpenTask(centreView);
    const readOnly = await decide(suite.t, await as('chenjie'), centreTask.id, {
      action: 'approve',
      data: { award: 100 },
    });
    expect(readOnly.statusCode).toBe(422);
    expect(readOnly.json().errors).toEqual([
      {
        path: '/data/award',
        message:
          '「奖励金额」在此步骤为只读，不能修改 / "Award" is read-only at this step and cannot be changed',
      },
    ]);
    expect((await read('zhangwei', c.id)).data).toMatchObject({ award: 800_000 });
  });
});

describe('a 抄送 step over HTTP', () => {
  it('shows in the chain preview and on the timeline as the people it copies, who may then read the case', async () => {
    const preview = await suite.t.app.inject({
      method: 'POST',
      url: `/api/processes/${copying.key}/preview`,
      headers: await as('zhangwei'),
      payload: { data: {} },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const copyStep = preview.json().steps.find((s: { nodeId: string }) => s.nodeId === 'copy');
    expect(copyStep).toMatchObject({ kind: 'cc', name: { zh: '抄送市总' } });
    expect(copyStep.assignees.map((a: { displayName: string }) => a.displayName)).toEqual(['王芳', '陈杰']);

    const started = await suite.t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...(await as('zhangwei')), 'idempotency-key': randomUUID() },
      payload: { processKey: copying.key, data: { title: '抄送' } },
    });
    expect(started.statusCode, started.body).toBe(201);
    const c = started.json<CaseDetailDto>();
    // Not copied yet: 王芳 holds no task and is not staff of the department.
    expect((await readCase(suite.t, await as('wangfang'), c.id)).statusCode).toBe(404);
    const approved = await decide(suite.t, await as('lina'), onlyOpenTask(c).id, { action: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const copied = await read('wangfang', c.id);
    const event = copied.timeline.find((e) => e.type === 'cc');
    expect(event).toMatchObject({ nodeId: 'copy', stepName: { zh: '抄送市总' } });
    expect((event?.data as { names: string[] }).names).toEqual(['王芳', '陈杰']);
    expect(onlyOpenTask(copied).nodeId).toBe('centre');
  });
});
