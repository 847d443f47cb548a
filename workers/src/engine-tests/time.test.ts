import { publishDefinition } from '@unionflow/db';
import type { ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition, endNode, review } from '../../test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

const end = endNode();
const def = (key: string, nodes: ProcessNode[], extra: Partial<ProcessDefinition> = {}) =>
  definition(key, nodes, { department: 'assistance', ...extra });

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('durable time', () => {
  it('waits on a timer node, then moves on', async () => {
    const c = await h.start(
      def('timer', [
        { id: 'wait', kind: 'timer', name: { zh: '等待' }, duration: '1s', next: 'r1' },
        review('r1', 'lina', 'end'),
        end,
      ]),
      { title: 't' },
    );
    expect(await h.openTasks(c.caseId)).toEqual([]);
    const task = await h.eventually(async () => (await h.openTasks(c.caseId))[0]);
    expect(task.node_id).toBe('r1');
    expect(await h.timelineTypes(c.caseId)).toContain('timer-fired');
  });

  it('ends a public notice after its period; an objection during it reopens review', async () => {
    const d = def('notice', [
      {
        id: 'notice',
        kind: 'notice',
        name: { zh: '公示' },
        duration: '2s',
        onObjection: 'recheck',
        next: 'end',
      },
      review('recheck', 'chenjie', 'notice'),
      end,
    ]);
    const quiet = await h.start(d, { title: 'quiet' });
    await h.eventually(async () => (await h.caseRow(quiet.caseId)).status === 'completed');
    expect(await h.timelineTypes(quiet.caseId)).toContain('notice-ended');

    const objected = await h.start(d, { title: 'objected' });
    await h.applicant(objected.caseId, { actorId: 'u-lina', action: 'object', comment: '家庭收入情况不实' });
    const recheck = (await h.openTasks(objected.caseId))[0]!;
    expect(recheck).toMatchObject({ node_id: 'recheck', candidates: ['u-chenjie'] });
    expect(await h.timelineTypes(objected.caseId)).toContain('objection');
  });

  it('reminds before the deadline and escalates to the superior when it passes', async () => {
    const c = await h.start(
      def('deadline', [
        review('r1', 'lina', 'end', {
          deadline: { due: '2s', remindBefore: '1s', onOverdue: 'escalate-to-superior' },
        }),
        end,
      ]),
      { title: 'd' },
    );
    const escalated = await h.eventually(async () => {
      const [t] = await h.openTasks(c.caseId);
      return t?.candidates[0] === 'u-wangfang' ? t : undefined;
    });
    expect(escalated.node_id).toBe('r1');
    const types = await h.timelineTypes(c.caseId);
    expect(types).toEqual(expect.arrayContaining(['reminded', 'overdue', 'escalated']));
  });

  it('never escalates to the applicant: the task stays with its holder, who is told it is overdue', async () => {
    // lina reports to wangfang, who is the applicant here.
    const c = await h.start(
      def('deadline-own', [
        review('r1', 'lina', 'end', { deadline: { due: '1s', onOverdue: 'escalate-to-superior' } }),
        end,
      ]),
      { title: 'own' },
      { userId: 'u-wangfang', orgId: 'org-city' },
    );
    await h.eventually(async () =>
      (await h.timelineTypes(c.caseId)).includes('overdue') ? true : undefined,
    );
    const [task] = await h.openTasks(c.caseId);
    expect(task?.candidates).toEqual(['u-lina']);
    expect(await h.timelineTypes(c.caseId)).not.toContain('escalated');
  });

  it('approves automatically on the deadline when the step says so', async () => {
    const c = await h.start(
      def('auto', [review('r1', 'lina', 'end', { deadline: { due: '1s', onOverdue: 'auto-approve' } }), end]),
      { title: 'a' },
    );
    await h.eventually(async () => (await h.caseRow(c.caseId)).status === 'completed');
  });
});

describe('sub-processes and versions', () => {
  it('runs a child case and continues with its outcome', async () => {
    const child = await publishDefinition(
      h.db,
      def(`aid-${Date.now()}`, [review('grant', 'chenjie', 'end'), end], {
        form: [{ key: 'amount', label: { zh: '金额' }, type: 'money' }],
      }),
      null,
    );
    const parent = await h.start(
      def(
        'parent',
        [
          {
            id: 'aid',
            kind: 'subprocess',
            name: { zh: '救助申请' },
            processKey: child.key,
            inputs: { amount: 'requested' },
            resultKey: 'aidOutcome',
            next: 'r1',
          },
          review('r1', 'lina', 'end'),
          end,
        ],
        {
          form: [
            { key: 'title', label: { zh: '标题' }, type: 'text' },
            { key: 'requested', label: { zh: '申请金额' }, type: 'money' },
          ],
        },
      ),
      { title: 'p', requested: 50_000 },
    );
    const childRow = await h.eventually(() =>
      h.db
        .selectFrom('cases')
        .select(['id', 'data'])
        .where('parent_case_id', '=', parent.caseId)
        .executeTakeFirst(),
    );
    expect(childRow.data).toEqual({ amount: 50_000 });
    const grant = await h.eventually(async () => (await h.openTasks(childRow.id))[0]);
    await h.decide(childRow.id, { taskId: grant.id, actorId: 'u-chenjie', action: 'approve' });
    const next = await h.eventually(async () => (await h.openTasks(parent.caseId))[0]);
    expect(next.node_id).toBe('r1');
    expect((await h.caseRow(parent.caseId)).data.aidOutcome).toBe('approved');
  });

  it('keeps a running case on its version, and migrates it only to a version that has its current step', async () => {
    const v1 = def('versions', [review('r1', 'lina', 'end'), end]);
    const c = await h.start(v1, { title: 'v' });
    const key = (
      await h.db
        .selectFrom('cases')
        .select('process_key')
        .where('id', '=', c.caseId)
        .executeTakeFirstOrThrow()
    ).process_key;
    const v2 = await publishDefinition(
      h.db,
      { ...v1, key, nodes: [review('r1', 'lina', 'r2'), review('r2', 'wangfang', 'end'), end] },
      null,
    );
    const v3 = await publishDefinition(
      h.db,
      { ...v1, key, start: 'other', nodes: [review('other', 'lina', 'end'), end] },
      null,
    );
    const { migrateUpdate } = await import('@unionflow/workflows');
    const handle = h.client.workflow.getHandle(`case-${c.caseId}`);
    const refused = await handle
      .executeUpdate(migrateUpdate, { args: [{ actorId: 'u-admin', definition: v3 }] })
      .catch((e) => e);
    expect(refused.cause?.type).toBe('Conflict');
    await handle.executeUpdate(migrateUpdate, { args: [{ actorId: 'u-admin', definition: v2 }] });
    await h.decide(c.caseId, {
      taskId: (await h.openTasks(c.caseId))[0]!.id,
      actorId: 'u-lina',
      action: 'approve',
    });
    expect((await h.openTasks(c.caseId))[0]!.node_id).toBe('r2');
    expect(await h.timelineTypes(c.caseId)).toContain('migrated');
  });

  it('continues as new when the history grows, keeping state and update deduplication', async () => {
    const c = await h.start(
      def('long', [review('r1', 'lina', 'end'), end], { settings: { continueAsNewAfterEvents: 40 } }),
      { title: 'long' },
    );
    const task = (await h.openTasks(c.caseId))[0]!;
    const handle = h.client.workflow.getHandle(`case-${c.caseId}`);
    const firstRun = (await handle.describe()).runId;
    for (let i = 0; i < 12; i++)
      await h.decide(
        c.caseId,
        { taskId: task.id, actorId: 'u-lina', action: 'comment', comment: `note ${i}` },
        `note-${i}`,
      );
    await h.eventually(async () => (await handle.describe()).runId !== firstRun);
    const again = await h.decide(
      c.caseId,
      { taskId: task.id, actorId: 'u-lina', action: 'comment', comment: 'note 11' },
      'note-11',
    );
    expect(again.status).toBe('running');
    expect((await h.timelineTypes(c.caseId)).filter((t) => t === 'commented')).toHaveLength(12);
    expect((await h.decide(c.caseId, { taskId: task.id, actorId: 'u-lina', action: 'approve' })).status).toBe(
      'completed',
    );
  });
});
