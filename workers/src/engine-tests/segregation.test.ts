import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicantIsApproverPolicy, ApprovalNode, ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

const lina = { userId: 'u-lina', orgId: 'org-steel' };
const zhangwei = { userId: 'u-zhangwei', orgId: 'org-steel' };

/** One review by the innovation reviewers, lina first; `policy` is the step's applicant-is-approver setting. */
function review(policy?: ApplicantIsApproverPolicy, extra: Partial<ApprovalNode> = {}): ProcessDefinition {
  return {
    key: `sod-${policy ?? 'default'}`,
    version: 1,
    name: { zh: '职责分离' },
    department: 'innovation',
    form: [
      { key: 'title', label: { zh: '标题' }, type: 'text', required: true },
      { key: 'signers', label: { zh: '审批人' }, type: 'user', multiple: true },
    ],
    start: 'review',
    nodes: [
      {
        id: 'review',
        kind: 'approval',
        name: { zh: '审核' },
        assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
        mode: 'single',
        ...(policy ? { applicantIsApprover: policy } : {}),
        ...extra,
        next: 'done',
      },
      { id: 'done', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
    ],
  };
}

async function timeline(caseId: string) {
  return h.db
    .selectFrom('timeline_events')
    .select(['type', 'comment', 'data', 'actor_id'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .orderBy('idx')
    .execute();
}

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('an applicant among the approvers (segregation of duties)', () => {
  it('never self by default: lina is removed from her own review and the admin queue decides', async () => {
    const view = await h.start(review(), { title: '自己的申请' }, lina);
    const [task] = await h.openTasks(view.caseId);
    expect(task?.candidates).toEqual(['u-admin']);
    const events = await timeline(view.caseId);
    const why = events.find((e) => e.type === 'applicant-is-approver');
    expect(why?.data).toMatchObject({ outcome: 'removed', policy: 'never-self' });
    expect(why?.comment).toMatch(/^申请人不能审批本人的申请/);
    expect(events.map((e) => e.type)).toContain('assignee-empty');
  });

  it('never self on an auto-approving step: the superior decides instead of a free pass', async () => {
    const view = await h.start(review(undefined, { emptyAssignee: 'auto-approve' }), { title: 'x' }, lina);
    expect(view.status).toBe('running');
    expect((await h.openTasks(view.caseId))[0]?.candidates).toEqual(['u-wangfang']);
  });

  it('refuses a decision by the applicant on their own case with Forbidden, and changes nothing', async () => {
    const view = await h.start(review(), { title: '转给申请人' }, lina);
    const [task] = await h.openTasks(view.caseId);
    // The engine trusts its caller on targets (the gateway refuses this one); the decision is still refused.
    await h.decide(view.caseId, { taskId: task!.id, actorId: 'u-admin', action: 'transfer', to: 'u-lina' });
    const before = await timeline(view.caseId);
    const err = await h
      .decide(view.caseId, { taskId: task!.id, actorId: 'u-lina', action: 'approve' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'Forbidden' });
    expect(((err as WorkflowUpdateFailedError).cause as Error).message).toMatch(/^申请人不能处理本人申请/);
    expect(await timeline(view.caseId)).toEqual(before);
    expect((await h.caseRow(view.caseId)).status).toBe('running');
  });

  it('skip passes the step automatically and records why', async () => {
    const view = await h.start(review('skip'), { title: '自动通过' }, lina);
    await h.eventually(async () => (await h.caseRow(view.caseId)).status === 'completed');
    const auto = (await timeline(view.caseId)).find((e) => e.type === 'auto-approved');
    expect(auto?.data).toMatchObject({ outcome: 'skipped', policy: 'skip' });
    expect(auto?.comment).toMatch(/自动通过/);
  });

  it('superior hands the applicant’s place to their superior', async () => {
    const def = review('superior', { assignee: { kind: 'field', field: 'signers' } });
    const view = await h.start(
      def,
      { title: 'x', signers: ['zhaolei'] },
      { userId: 'u-zhaolei', orgId: 'org-steel' },
    );
    expect((await h.openTasks(view.caseId))[0]?.candidates).toEqual(['u-chenjie']);
    const why = (await timeline(view.caseId)).find((e) => e.type === 'applicant-is-approver');
    expect(why?.data).toMatchObject({ outcome: 'replaced', policy: 'superior' });
  });

  it('department-head hands it to the same role one org level up', async () => {
    const view = await h.start(review('department-head'), { title: 'x' }, lina);
    // org-district has no innovation reviewer; the city federation's is next.
    expect((await h.openTasks(view.caseId))[0]?.candidates).toEqual(['u-wangfang']);
  });

  it('self lets the applicant decide and records it as self-approval', async () => {
    const view = await h.start(review('self'), { title: '本人审批' }, lina);
    const [task] = await h.openTasks(view.caseId);
    expect(task?.candidates).toEqual(['u-lina']);
    const done = await h.decide(view.caseId, { taskId: task!.id, actorId: 'u-lina', action: 'approve' });
    expect(done.status).toBe('completed');
    const events = await timeline(view.caseId);
    expect(events.find((e) => e.type === 'self-approval')).toMatchObject({
      actor_id: 'u-lina',
      data: { action: 'approve' },
    });
    expect(events.find((e) => e.type === 'applicant-is-approver')?.data).toMatchObject({ outcome: 'self' });
    // The audit chain carries it too, for reviews of self-approvals.
    const audited = await h.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('case_id', '=', view.caseId)
      .where('type', '=', 'self-approval')
      .execute();
    expect(audited).toEqual([{ actor_id: 'u-lina' }]);
  });

  it('a standing delegation never routes a case to its applicant or off the case’s org line', async () => {
    await h.db
      .insertInto('orgs')
      .values({
        id: 'org-sod-other',
        parent_id: 'org-city',
        name: '其他公司工会',
        level: 'grassroots',
        path: '/org-city/org-sod-other/',
      })
      .execute();
    await h.db
      .insertInto('users')
      .values({
        id: 'u-sod-outsider',
        username: 'sod-outsider',
        display_name: '外单位',
        org_id: 'org-sod-other',
        superior_id: null,
        password_hash: 'x',
        locale: 'zh-CN',
        time_zone: 'Asia/Shanghai',
        disabled: false,
      })
      .execute();
    const delegate = (to: string) =>
      h.db
        .insertInto('delegations')
        .values({
          id: crypto.randomUUID(),
          from_user_id: 'u-lina',
          to_user_id: to,
          starts_at: new Date(Date.now() - 60_000),
          ends_at: null,
          reason: 'test',
          created_at: new Date(),
        })
        .execute();
    await delegate('u-zhangwei');
    const own = await h.start(review(), { title: '张伟的申请' }, zhangwei);
    expect((await h.openTasks(own.caseId))[0]?.candidates).toEqual(['u-lina']);
    await delegate('u-sod-outsider');
    const other = await h.start(review(), { title: '跨组织委托' }, zhangwei);
    expect((await h.openTasks(other.caseId))[0]?.candidates).toEqual(['u-lina']);
    expect(await h.timelineTypes(other.caseId)).not.toContain('delegation-applied');
    await h.db.deleteFrom('delegations').where('from_user_id', '=', 'u-lina').execute();
  });
});
