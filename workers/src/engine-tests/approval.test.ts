import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

const oneStep: ProcessDefinition = {
  key: 'one-step',
  version: 1,
  name: { zh: '单步审批' },
  department: 'innovation',
  form: [{ key: 'title', label: { zh: '标题' }, type: 'text', required: true }],
  start: 'review',
  nodes: [
    {
      id: 'review',
      kind: 'approval',
      name: { zh: '审核' },
      assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
      mode: 'single',
      next: 'done',
    },
    { id: 'done', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
  ],
};

function countersign(mode: 'all' | 'any' | 'quorum' | 'sequential', quorum?: number): ProcessDefinition {
  return {
    ...oneStep,
    key: `sign-${mode}`,
    nodes: [
      {
        id: 'review',
        kind: 'approval',
        name: { zh: '会签' },
        assignee: { kind: 'field', field: 'signers' },
        mode,
        quorum,
        next: 'done',
      },
      { id: 'done', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
    ],
    form: [...oneStep.form, { key: 'signers', label: { zh: '会签人' }, type: 'user' }],
  };
}

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('approval steps', () => {
  it('runs a single approval to completion and projects case, tasks and timeline', async () => {
    const view = await h.start(oneStep, { title: '节能改造' });
    expect(view.status).toBe('running');
    expect(view.caseNumber).toMatch(/^UF\d{4}\d{6}$/);
    const [task] = await h.openTasks(view.caseId);
    expect(task?.candidates).toEqual(['u-lina']);
    const done = await h.decide(view.caseId, {
      taskId: task!.id,
      actorId: 'u-lina',
      action: 'approve',
      comment: '同意',
    });
    expect(done.status).toBe('completed');
    // The update returned only after the projection was written: the read model already agrees.
    expect(await h.caseRow(view.caseId)).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect(await h.openTasks(view.caseId)).toEqual([]);
    expect(await h.timelineTypes(view.caseId)).toEqual([
      'case-started',
      'step-opened',
      'approved',
      'step-completed',
      'case-ended',
    ]);
    // Operators find the case in the Temporal Web UI by its number; a closed case is Completed there
    // (its outcome is the workflow's result and the read model's status, ADR 035).
    await h.eventually(async () => {
      for await (const wf of h.client.workflow.list({
        query: `CaseNumber = '${view.caseNumber}' AND ExecutionStatus = 'Completed'`,
      })) {
        return wf.workflowId === `case-${view.caseId}`;
      }
      return false;
    });
  });

  it('ends the case as rejected when the reviewer rejects', async () => {
    const view = await h.start(oneStep, { title: 'x' });
    const [task] = await h.openTasks(view.caseId);
    const done = await h.decide(view.caseId, {
      taskId: task!.id,
      actorId: 'u-lina',
      action: 'reject',
      comment: '不可行',
    });
    expect(done).toMatchObject({ status: 'rejected', outcome: 'rejected' });
  });

  it('refuses a decision from someone who is not an assignee and leaves the case unchanged', async () => {
    const view = await h.start(oneStep, { title: 'x' });
    const [task] = await h.openTasks(view.caseId);
    const err = await h
      .decide(view.caseId, { taskId: task!.id, actorId: 'u-zhaolei', action: 'approve' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(err.cause.type).toBe('Forbidden');
    expect((await h.openTasks(view.caseId)).map((t) => t.id)).toEqual([task!.id]);
  });

  it('applies the same update id once and returns the first result to the replay', async () => {
    const view = await h.start(oneStep, { title: 'x' });
    const [task] = await h.openTasks(view.caseId);
    const input = { taskId: task!.id, actorId: 'u-lina', action: 'approve' as const };
    const first = await h.decide(view.caseId, input, 'same-key');
    const again = await h.decide(view.caseId, input, 'same-key');
    expect(again.seq).toBe(first.seq);
    expect((await h.timelineTypes(view.caseId)).filter((t) => t === 'approved')).toHaveLength(1);
  });

  it('lets exactly one of two racing reviewers decide; the other gets a conflict', async () => {
    const view = await h.start(countersign('any'), { title: 'x', signers: ['lina', 'wangfang'] });
    const tasks = await h.openTasks(view.caseId);
    expect(tasks).toHaveLength(2);
    const [a, b] = tasks;
    const results = await Promise.allSettled([
      h.decide(view.caseId, { taskId: a!.id, actorId: a!.candidates[0]!, action: 'approve' }),
      h.decide(view.caseId, { taskId: a!.id, actorId: a!.candidates[0]!, action: 'reject' }),
      h.decide(view.caseId, { taskId: b!.id, actorId: b!.candidates[0]!, action: 'reject' }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results) {
      if (r.status !== 'rejected') continue;
      // A loser is refused by the workflow, or, when the winner already closed the case, by the server
      // (the gateway answers 409 to both).
      if (r.reason instanceof WorkflowNotFoundError)
        expect(r.reason.message).toMatch(/closing workflow|not found/);
      else expect((r.reason as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'Conflict' });
    }
    expect(
      (await h.timelineTypes(view.caseId)).filter((t) => t === 'approved' || t === 'rejected'),
    ).toHaveLength(1);
  });

  it('countersign all (会签) needs every signer', async () => {
    const view = await h.start(countersign('all'), { title: 'x', signers: ['lina', 'wangfang'] });
    const tasks = await h.openTasks(view.caseId);
    const first = await h.decide(view.caseId, {
      taskId: tasks[0]!.id,
      actorId: tasks[0]!.candidates[0]!,
      action: 'approve',
    });
    expect(first.status).toBe('running');
    const second = await h.decide(view.caseId, {
      taskId: tasks[1]!.id,
      actorId: tasks[1]!.candidates[0]!,
      action: 'approve',
    });
    expect(second.status).toBe('completed');
  });

  it('quorum 2 of 3 completes on the second approval and withdraws the third task', async () => {
    const view = await h.start(countersign('quorum', 2), {
      title: 'x',
      signers: ['lina', 'wangfang', 'zhaolei'],
    });
    const tasks = await h.openTasks(view.caseId);
    expect(tasks).toHaveLength(3);
    await h.decide(view.caseId, {
      taskId: tasks[0]!.id,
      actorId: tasks[0]!.candidates[0]!,
      action: 'approve',
    });
    const done = await h.decide(view.caseId, {
      taskId: tasks[1]!.id,
      actorId: tasks[1]!.candidates[0]!,
      action: 'approve',
    });
    expect(done.status).toBe('completed');
    const third = await h.db
      .selectFrom('tasks')
      .select('status')
      .where('id', '=', tasks[2]!.id)
      .executeTakeFirstOrThrow();
    expect(third.status).toBe('cancelled');
  });

  it('sequential (依次) asks one signer after another, in the order the data gives', async () => {
    const view = await h.start(countersign('sequential'), { title: 'x', signers: ['wangfang', 'lina'] });
    const [first] = await h.openTasks(view.caseId);
    expect(first?.candidates).toEqual(['u-wangfang']);
    await h.decide(view.caseId, { taskId: first!.id, actorId: 'u-wangfang', action: 'approve' });
    const [second] = await h.openTasks(view.caseId);
    expect(second?.candidates).toEqual(['u-lina']);
    const done = await h.decide(view.caseId, {
      taskId: second!.id,
      actorId: 'u-lina',
      action: 'approve',
    });
    expect(done.status).toBe('completed');
  });
});
