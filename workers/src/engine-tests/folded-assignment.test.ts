import type { ProcessDefinition } from '@unionflow/process-model';
import { caseWorkflowId } from '@unionflow/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

// Engine revision 2 (ADR 039): an approval step's candidates are looked up by the local activity
// that writes the batch opening it.
const review = (id: string, next: string) =>
  ({
    id,
    kind: 'approval',
    name: { zh: `审核${id}` },
    assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
    mode: 'single',
    next,
  }) as const;

const twoSteps: ProcessDefinition = {
  key: 'two-steps',
  version: 1,
  name: { zh: '两步审批' },
  department: 'innovation',
  form: [{ key: 'title', label: { zh: '标题' }, type: 'text', required: true }],
  start: 'first',
  nodes: [
    review('first', 'second'),
    review('second', 'done'),
    { id: 'done', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
  ],
};

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Local activities a case ran, in order, from its history's markers. */
async function localActivities(caseId: string): Promise<number> {
  const history = await h.client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
  return (history.events ?? []).filter(
    (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
  ).length;
}

describe('folded step assignment', () => {
  it('runs one local activity per workflow task and projects the real candidates', async () => {
    const view = await h.start(twoSteps, { title: '合并查找' });
    const [first] = await h.openTasks(view.caseId);
    expect(first).toMatchObject({ node_id: 'first', candidates: ['u-lina'] });
    await h.decide(view.caseId, { taskId: first!.id, actorId: 'u-lina', action: 'approve' });
    const [second] = await h.openTasks(view.caseId);
    expect(second).toMatchObject({ node_id: 'second', candidates: ['u-lina'] });
    const done = await h.decide(view.caseId, { taskId: second!.id, actorId: 'u-lina', action: 'approve' });
    expect(done.status).toBe('completed');
    // Start (step opened), decision (next step opened), decision (case ended): one each, not two.
    expect(await localActivities(view.caseId)).toBe(3);
    const opened = await h.db
      .selectFrom('timeline_events')
      .select(['data', 'node_id'])
      .where('case_id', '=', view.caseId)
      .where('type', '=', 'step-opened')
      .orderBy('seq')
      .execute();
    expect(opened.map((e) => [e.node_id, (e.data as { candidateIds: string[] }).candidateIds])).toEqual([
      ['first', ['u-lina']],
      ['second', ['u-lina']],
    ]);
    const assigned = await h.db
      .selectFrom('tasks')
      .select('assignee_id')
      .where('case_id', '=', view.caseId)
      .execute();
    expect(assigned.map((t) => t.assignee_id)).toEqual(['u-lina', 'u-lina']);
  });
});
