import type { ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition, endNode, review } from '../../test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

const lina = { kind: 'user', username: 'lina' } as const;
const end = endNode();
const def = (key: string, nodes: ProcessNode[], extra: Partial<ProcessDefinition> = {}) =>
  definition(key, nodes, { department: 'innovation', ...extra });

let h: EngineHarness;
/** Users of the delegation test only: the shared database serves other test files at the same time. */
const delegationUsers = [
  `u-away-${Date.now().toString(36)}`,
  `u-standin-${Date.now().toString(36)}`,
] as const;
beforeAll(async () => {
  h = await createEngineHarness();
  // Created before any case runs, so the worker's cached org directory already knows them.
  const hash = (
    await h.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', 'u-admin')
      .executeTakeFirstOrThrow()
  ).password_hash;
  await h.db
    .insertInto('users')
    .values(
      delegationUsers.map((id) => ({
        id,
        username: id,
        display_name: id,
        password_hash: hash,
        org_id: 'org-steel',
        superior_id: null,
        locale: 'zh-CN',
        time_zone: 'Asia/Shanghai',
        disabled: false,
      })),
    )
    .execute();
});
afterAll(async () => {
  await h?.close();
});
const tasks = (caseId: string) => h.openTasks(caseId);
const first = async (caseId: string) => (await tasks(caseId))[0]!;

describe('applicant actions', () => {
  it('withdraws before the first decision, not after', async () => {
    const d = def('withdraw', [review('r1', lina, 'r2'), review('r2', lina, 'end'), end]);
    const a = await h.start(d, { title: 'a' });
    expect((await h.applicant(a.caseId, { actorId: 'u-zhangwei', action: 'withdraw' })).status).toBe(
      'withdrawn',
    );
    expect(await tasks(a.caseId)).toEqual([]);
    const b = await h.start(d, { title: 'b' });
    await h.decide(b.caseId, { taskId: (await first(b.caseId)).id, actorId: 'u-lina', action: 'approve' });
    const err = await h.applicant(b.caseId, { actorId: 'u-zhangwei', action: 'withdraw' }).catch((e) => e);
    expect(err.cause?.type).toBe('Conflict');
  });

  it('urges the holders of a step once a day, and the next step at once (催办)', async () => {
    const wangfang = { kind: 'user', username: 'wangfang' } as const;
    const c = await h.start(def('urge', [review('r1', lina, 'r2'), review('r2', wangfang, 'end'), end]), {
      title: 'u',
    });
    const urgedUsers = async () =>
      (
        await h.db
          .selectFrom('notifications')
          .select('user_id')
          .where('case_id', '=', c.caseId)
          .where('type', '=', 'urged')
          .orderBy('created_at')
          .execute()
      ).map((n) => n.user_id);
    await h.applicant(c.caseId, { actorId: 'u-zhangwei', action: 'urge' });
    expect(await urgedUsers()).toEqual(['u-lina']);
    const again = await h.applicant(c.caseId, { actorId: 'u-zhangwei', action: 'urge' }).catch((e) => e);
    expect(again.cause?.type).toBe('Conflict');
    expect(again.cause?.message).toMatch(/今天已催办过.* \/ This step was urged in the last day/);

    // The case moves on: the next step's holder may be urged straight away, once.
    const t = await first(c.caseId);
    await h.decide(c.caseId, { taskId: t.id, actorId: 'u-lina', action: 'approve' });
    await h.applicant(c.caseId, { actorId: 'u-zhangwei', action: 'urge' });
    expect(await urgedUsers()).toEqual(['u-lina', 'u-wangfang']);
    expect((await h.timelineTypes(c.caseId)).filter((type) => type === 'urged')).toHaveLength(2);
    const third = await h.applicant(c.caseId, { actorId: 'u-zhangwei', action: 'urge' }).catch((e) => e);
    expect(third.cause?.type).toBe('Conflict');
  });

  it('does not urge when the case waits on the applicant alone', async () => {
    const c = await h.start(def('urge-own', [review('r1', lina, 'end'), end]), { title: 'u' });
    const t = await first(c.caseId);
    await h.decide(c.caseId, {
      taskId: t.id,
      actorId: 'u-lina',
      action: 'return',
      to: 'applicant',
      comment: '补材料',
    });
    const refused = await h.applicant(c.caseId, { actorId: 'u-zhangwei', action: 'urge' }).catch((e) => e);
    expect(refused.cause?.type).toBe('Conflict');
    expect(refused.cause?.message).toMatch(/没有其他人在办理/);
  });
});

describe('reviewer actions', () => {
  it('transfers (转交) a task to someone else, who then decides', async () => {
    const c = await h.start(def('transfer', [review('r1', lina, 'end'), end]), { title: 't' });
    const t = await first(c.caseId);
    await h.decide(c.caseId, { taskId: t.id, actorId: 'u-lina', action: 'transfer', to: 'u-wangfang' });
    expect((await first(c.caseId)).candidates).toEqual(['u-wangfang']);
    const lost = await h
      .decide(c.caseId, { taskId: t.id, actorId: 'u-lina', action: 'approve' })
      .catch((e) => e);
    expect(lost.cause?.type).toBe('Forbidden');
    expect(
      (await h.decide(c.caseId, { taskId: t.id, actorId: 'u-wangfang', action: 'approve' })).status,
    ).toBe('completed');
  });

  it('delegates (委派): the delegate answers, then the task comes back to the delegator', async () => {
    const c = await h.start(def('delegate', [review('r1', lina, 'end'), end]), { title: 'd' });
    const t = await first(c.caseId);
    await h.decide(c.caseId, { taskId: t.id, actorId: 'u-lina', action: 'delegate', to: 'u-zhaolei' });
    const delegated = await first(c.caseId);
    expect(delegated.candidates).toEqual(['u-zhaolei']);
    const after = await h.decide(c.caseId, {
      taskId: delegated.id,
      actorId: 'u-zhaolei',
      action: 'approve',
      comment: '核实无误',
    });
    expect(after.status).toBe('running');
    const back = await first(c.caseId);
    expect(back.candidates).toEqual(['u-lina']);
    expect((await h.decide(c.caseId, { taskId: back.id, actorId: 'u-lina', action: 'approve' })).status).toBe(
      'completed',
    );
  });

  it('adds a signer after (后加签): both must approve', async () => {
    const c = await h.start(def('add-after', [review('r1', lina, 'end'), end]), { title: 'a' });
    const t = await first(c.caseId);
    const view = await h.decide(c.caseId, {
      taskId: t.id,
      actorId: 'u-lina',
      action: 'add-signer',
      to: 'u-wangfang',
    });
    expect(view.status).toBe('running');
    const added = await first(c.caseId);
    expect(added.candidates).toEqual(['u-wangfang']);
    expect(
      (await h.decide(c.caseId, { taskId: added.id, actorId: 'u-wangfang', action: 'approve' })).status,
    ).toBe('completed');
  });

  it('adds a signer before (前加签): the new signer decides first, then it returns', async () => {
    const c = await h.start(def('add-before', [review('r1', lina, 'end'), end]), { title: 'b' });
    const t = await first(c.caseId);
    await h.decide(c.caseId, {
      taskId: t.id,
      actorId: 'u-lina',
      action: 'add-signer',
      to: 'u-chenjie',
      position: 'before',
    });
    const signer = await first(c.caseId);
    expect(signer.candidates).toEqual(['u-chenjie']);
    await h.decide(c.caseId, { taskId: signer.id, actorId: 'u-chenjie', action: 'approve' });
    const back = await first(c.caseId);
    expect(back.candidates).toEqual(['u-lina']);
    expect((await h.decide(c.caseId, { taskId: back.id, actorId: 'u-lina', action: 'approve' })).status).toBe(
      'completed',
    );
  });

  it('removes a pending countersigner (减签) so the step completes without them', async () => {
    const d = def(
      'remove',
      [review('sign', { kind: 'field', field: 'signers' }, 'end', { mode: 'all' }), end],
      {
        form: [
          { key: 'title', label: { zh: '标题' }, type: 'text' },
          { key: 'signers', label: { zh: '会签' }, type: 'user' },
        ],
      },
    );
    const c = await h.start(d, { title: 'r', signers: ['lina', 'wangfang', 'chenjie'] });
    const all = await tasks(c.caseId);
    const linaTask = all.find((t) => t.candidates[0] === 'u-lina')!;
    await h.decide(c.caseId, { taskId: linaTask.id, actorId: 'u-lina', action: 'approve' });
    await h.decide(c.caseId, {
      taskId: all.find((t) => t.candidates[0] === 'u-wangfang')!.id,
      actorId: 'u-wangfang',
      action: 'remove-signer',
      to: 'u-chenjie',
    });
    const left = await tasks(c.caseId);
    expect(left.map((t) => t.candidates[0])).toEqual(['u-wangfang']);
    expect(
      (await h.decide(c.caseId, { taskId: left[0]!.id, actorId: 'u-wangfang', action: 'approve' })).status,
    ).toBe('completed');
  });

  it('claims a group task; others cannot decide it until it is released', async () => {
    const d = def('claim', [review('r1', { kind: 'field', field: 'signers' }, 'end'), end], {
      form: [
        { key: 'title', label: { zh: '标题' }, type: 'text' },
        { key: 'signers', label: { zh: '候选' }, type: 'user' },
      ],
    });
    const c = await h.start(d, { title: 'g', signers: ['lina', 'wangfang'] });
    const t = await first(c.caseId);
    expect(t.candidates).toEqual(['u-lina', 'u-wangfang']);
    await h.claim(c.caseId, t.id, 'u-lina');
    const inbox = await h.db
      .selectFrom('task_candidates')
      .select(['user_id', 'open'])
      .where('task_id', '=', t.id)
      .orderBy('user_id')
      .execute();
    expect(inbox).toEqual([
      { user_id: 'u-lina', open: true },
      { user_id: 'u-wangfang', open: false },
    ]);
    const taken = await h
      .decide(c.caseId, { taskId: t.id, actorId: 'u-wangfang', action: 'approve' })
      .catch((e) => e);
    expect(taken.cause?.type).toBe('Conflict');
    await h.claim(c.caseId, t.id, 'u-lina', true);
    expect(
      (await h.decide(c.caseId, { taskId: t.id, actorId: 'u-wangfang', action: 'approve' })).status,
    ).toBe('completed');
  });
});

describe('assignment policies', () => {
  it('auto-approves a step whose rule finds nobody when the definition says so', async () => {
    const d = def('empty-auto', [
      review('r1', { kind: 'role', role: 'nobody-has-this', scope: 'nearest' }, 'r2', {
        emptyAssignee: 'auto-approve',
      }),
      review('r2', lina, 'end'),
      end,
    ]);
    const c = await h.start(d, { title: 'e' });
    expect((await first(c.caseId)).node_id).toBe('r2');
    expect(await h.timelineTypes(c.caseId)).toContain('auto-approved');
  });

  it('sends an empty step to the admin queue by default', async () => {
    const c = await h.start(
      def('empty-admin', [
        review('r1', { kind: 'role', role: 'nobody-has-this', scope: 'nearest' }, 'end'),
        end,
      ]),
      { title: 'e' },
    );
    expect((await first(c.caseId)).candidates).toEqual(['u-admin']);
  });

  it('skips a consecutive duplicate approver when the definition asks', async () => {
    const d = def(
      'dup',
      [
        review('r1', lina, 'r2'),
        review('r2', lina, 'r3'),
        review('r3', { kind: 'user', username: 'wangfang' }, 'end'),
        end,
      ],
      { settings: { skipDuplicateApprover: true } },
    );
    const c = await h.start(d, { title: 'dup' });
    await h.decide(c.caseId, { taskId: (await first(c.caseId)).id, actorId: 'u-lina', action: 'approve' });
    expect((await first(c.caseId)).node_id).toBe('r3');
    expect(await h.timelineTypes(c.caseId)).toContain('duplicate-approver-skipped');
  });

  it('asks the superior of the previous approver', async () => {
    const d = def('superior', [
      review('r1', lina, 'r2'),
      review('r2', { kind: 'superior-of-previous' }, 'end'),
      end,
    ]);
    const c = await h.start(d, { title: 's' });
    await h.decide(c.caseId, { taskId: (await first(c.caseId)).id, actorId: 'u-lina', action: 'approve' });
    expect((await first(c.caseId)).candidates).toEqual(['u-wangfang']);
  });

  it("refuses decision data outside the step form's bounds and keeps the case unchanged", async () => {
    const d = def('award', [
      review('r1', lina, 'end', {
        form: [
          {
            key: 'award',
            label: { zh: '奖励', en: 'Award' },
            type: 'money',
            required: true,
            min: 200_000,
            max: 500_000,
          },
        ],
      }),
      end,
    ]);
    const c = await h.start(d, { title: 'a' });
    const t = await first(c.caseId);
    const low = await h
      .decide(c.caseId, { taskId: t.id, actorId: 'u-lina', action: 'approve', data: { award: 100 } })
      .catch((e) => e);
    expect(low.cause?.type).toBe('Invalid');
    expect(low.cause?.message).toBe(
      '奖励须在 2,000 至 5,000 元之间 / Award must be between 2,000 and 5,000 yuan',
    );
    expect((await first(c.caseId)).id).toBe(t.id);
    expect(
      (
        await h.decide(c.caseId, {
          taskId: t.id,
          actorId: 'u-lina',
          action: 'approve',
          data: { award: 300_000 },
        })
      ).status,
    ).toBe('completed');
    expect((await h.caseRow(c.caseId)).data.award).toBe(300_000);
  });
});

describe('standing delegation', () => {
  it('routes new tasks to the delegate while the delegation holds, recording "acted for"', async () => {
    const [away, standIn] = delegationUsers;
    await h.db
      .insertInto('delegations')
      .values({
        id: `d-${away}`,
        from_user_id: away,
        to_user_id: standIn,
        starts_at: new Date(Date.now() - 60_000),
        ends_at: new Date(Date.now() + 3_600_000),
        reason: '休假',
        created_at: new Date(),
      })
      .execute();
    const c = await h.start(def('ooo', [review('r1', { kind: 'user', username: away }, 'end'), end]), {
      title: 'o',
    });
    const t = await first(c.caseId);
    expect(t.candidates).toEqual([standIn]);
    await h.decide(c.caseId, { taskId: t.id, actorId: standIn, action: 'approve' });
    const approved = await h.db
      .selectFrom('timeline_events')
      .select(['actor_id', 'on_behalf_of_id'])
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'approved')
      .executeTakeFirstOrThrow();
    expect(approved).toEqual({ actor_id: standIn, on_behalf_of_id: away });
  });

  it('hands an open task over to a successor (换届)', async () => {
    const { reassignUpdate } = await import('@unionflow/workflows');
    const c = await h.start(def('handover', [review('r1', lina, 'end'), end]), { title: 'h' });
    const t = await first(c.caseId);
    await h.client.workflow.getHandle(`case-${c.caseId}`).executeUpdate(reassignUpdate, {
      args: [
        { taskId: t.id, fromUserId: 'u-lina', toUserId: 'u-zhaolei', actorId: 'u-admin', reason: '换届' },
      ],
    });
    expect((await first(c.caseId)).candidates).toEqual(['u-zhaolei']);
    await h.decide(c.caseId, { taskId: t.id, actorId: 'u-zhaolei', action: 'approve' });
    const approved = await h.db
      .selectFrom('timeline_events')
      .select(['on_behalf_of_id'])
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'approved')
      .executeTakeFirstOrThrow();
    expect(approved.on_behalf_of_id).toBe('u-lina');
  });
});
