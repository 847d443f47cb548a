import type { ApplicantTaskNode, ApprovalNode, FormField, ProcessNode } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition, endNode, review } from '../../test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

const end = endNode();
const award: FormField = {
  key: 'award',
  label: { zh: '奖励金额', en: 'Award' },
  type: 'money',
  required: true,
};
const startForm: FormField[] = [
  { key: 'title', label: { zh: '标题' }, type: 'text' },
  { key: 'level', label: { zh: '项目级别', en: 'Level' }, type: 'text' },
  { key: 'phone', label: { zh: '联系电话', en: 'Phone' }, type: 'text' },
];

/** Grassroots (lina) proposes the award; the committee (wangfang) decides with the given permissions. */
function awardProcess(key: string, committee: Partial<ApprovalNode> = {}, nodes: ProcessNode[] = []) {
  return definition(
    key,
    [
      review('grassroots', 'lina', 'committee', { form: [award] }),
      review('committee', 'wangfang', nodes[0]?.id ?? 'end', committee),
      ...nodes,
      end,
    ],
    { form: startForm },
  );
}

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h?.close();
});

async function atCommittee(key: string, committee: Partial<ApprovalNode>, nodes: ProcessNode[] = []) {
  const c = await h.start(awardProcess(key, committee, nodes), { title: '创新项目', phone: '13800000000' });
  const [grassroots] = await h.openTasks(c.caseId);
  await h.decide(c.caseId, {
    taskId: grassroots!.id,
    actorId: 'u-lina',
    action: 'approve',
    data: { award: 500_000 },
  });
  const [task] = await h.openTasks(c.caseId);
  expect(task?.node_id).toBe('committee');
  return { caseId: c.caseId, taskId: task!.id };
}

const formKeys = async (taskId: string) =>
  (
    (await h.db.selectFrom('tasks').select('form').where('id', '=', taskId).executeTakeFirstOrThrow())
      .form as FormField[]
  ).map((f) => [f.key, f.required ?? false]);

describe('per-step field permissions (字段权限)', () => {
  it('lets a step edit the award an earlier step proposed, requires a field, and records before → after', async () => {
    const { caseId, taskId } = await atCommittee('perm-edit', {
      fieldPermissions: { award: 'edit', level: 'required', phone: 'hidden' },
    });
    // The task carries the fields the step may change, the required one marked so.
    expect(await formKeys(taskId)).toEqual([
      ['award', true],
      ['level', true],
    ]);
    const decide = (data: Record<string, unknown>) =>
      h.decide(caseId, { taskId, actorId: 'u-wangfang', action: 'approve', data }).catch((e) => e);

    const hidden = await decide({ award: 800_000, level: '市级', phone: '13900000000' });
    expect(hidden.cause?.type).toBe('Invalid');
    expect(hidden.cause?.message).toContain('此步骤不能填写或修改：联系电话');

    const missing = await decide({ award: 800_000 });
    expect(missing.cause?.type).toBe('Invalid');
    expect(missing.cause?.message).toContain('「项目级别」为必填项');

    await h.decide(caseId, {
      taskId,
      actorId: 'u-wangfang',
      action: 'approve',
      data: { award: 800_000, level: '市级' },
    });
    const row = await h.caseRow(caseId);
    expect(row).toMatchObject({ status: 'completed' });
    expect(row.data).toMatchObject({ award: 800_000, level: '市级', phone: '13800000000' });
    const edits = await h.db
      .selectFrom('timeline_events')
      .select(['actor_id', 'node_id', 'data'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'fields-edited')
      .execute();
    expect(edits).toEqual([
      {
        actor_id: 'u-wangfang',
        node_id: 'committee',
        data: { before: { award: 500_000, level: null }, after: { award: 800_000, level: '市级' } },
      },
    ]);
  });

  it('keeps a step without permissions as before: everything read-only, an edit refused by name', async () => {
    const { caseId, taskId } = await atCommittee('perm-none', {});
    expect(await formKeys(taskId)).toEqual([]);
    const refused = await h
      .decide(caseId, { taskId, actorId: 'u-wangfang', action: 'approve', data: { award: 1 } })
      .catch((e) => e);
    expect(refused.cause?.type).toBe('Invalid');
    expect(refused.cause?.message).toContain('奖励金额');
    expect((await h.caseRow(caseId)).data.award).toBe(500_000);
  });

  it('gives each signer of a sequential step the editable form, and checks the award’s bounds', async () => {
    const { caseId, taskId } = await atCommittee('perm-seq', {
      assignee: { kind: 'users', usernames: ['wangfang', 'chenjie'] },
      mode: 'sequential',
      fieldPermissions: { award: 'edit' },
    });
    await h.decide(caseId, { taskId, actorId: 'u-wangfang', action: 'approve', data: { award: 600_000 } });
    const [second] = await h.openTasks(caseId);
    expect(second?.candidates).toEqual(['u-chenjie']);
    expect(await formKeys(second!.id)).toEqual([['award', true]]);
    const wrong = await h
      .decide(caseId, { taskId: second!.id, actorId: 'u-chenjie', action: 'approve', data: { award: 1.5 } })
      .catch((e) => e);
    expect(wrong.cause?.type).toBe('Invalid');
    await h.decide(caseId, {
      taskId: second!.id,
      actorId: 'u-chenjie',
      action: 'approve',
      data: { award: 700_000 },
    });
    expect((await h.caseRow(caseId)).data.award).toBe(700_000);
  });

  it('lets the applicant correct a start field at their own step, and nothing it does not allow', async () => {
    const confirm: ApplicantTaskNode = {
      id: 'confirm',
      kind: 'applicant-task',
      name: { zh: '申请人确认' },
      form: [],
      fieldPermissions: { level: 'edit' },
      next: 'end',
    };
    const { caseId, taskId } = await atCommittee('perm-applicant', {}, [confirm]);
    await h.decide(caseId, { taskId, actorId: 'u-wangfang', action: 'approve' });
    const [own] = await h.openTasks(caseId);
    expect(own?.node_id).toBe('confirm');
    expect(await formKeys(own!.id)).toEqual([['level', false]]);
    const refused = await h
      .applicant(caseId, { actorId: 'u-zhangwei', action: 'supplement', data: { award: 1 } })
      .catch((e) => e);
    expect(refused.cause?.message).toContain('此步骤不能填写或修改：奖励金额');
    await h.applicant(caseId, { actorId: 'u-zhangwei', action: 'supplement', data: { level: '区级' } });
    expect(await h.caseRow(caseId)).toMatchObject({ status: 'completed', data: { level: '区级' } });
    expect(await h.timelineTypes(caseId)).toContain('fields-edited');
  });
});
