import { caseWorkflowId, endWaitUpdate } from '@unionflow/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition, endNode, review } from '../../test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
});
afterAll(async () => {
  await h?.close();
});

const yearly = definition(
  'end-wait',
  [
    { id: 'wait', kind: 'timer', name: { zh: '在档等待', en: 'In the file' }, duration: '1y', next: 'r1' },
    review('r1', 'chenjie', 'end'),
    endNode(),
  ],
  { department: 'assistance' },
);

const endWait = (caseId: string, nodeId: string, updateId: string) =>
  h.client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(endWaitUpdate, {
    args: [{ actorId: 'u-chenjie', nodeId, reason: '2026 年度清理复核启动', campaignId: 'k1' }],
    updateId,
  });

describe('ending a wait early (ADR 024)', () => {
  it('moves a case waiting a year on at once, as if its timer had fired, and says why on the timeline', async () => {
    const c = await h.start(yearly, { title: '在档' });
    expect(await h.openTasks(c.caseId)).toEqual([]);
    const view = await endWait(c.caseId, 'wait', `end-${c.caseId}`);
    expect(view.activeNodeIds).toEqual(['r1']);
    expect((await h.openTasks(c.caseId))[0]).toMatchObject({ node_id: 'r1', candidates: ['u-chenjie'] });
    const types = await h.timelineTypes(c.caseId);
    expect(types).toContain('wait-ended-early');
    expect(types).not.toContain('timer-fired');
    // The same Update again (a resumed campaign) is answered, not applied twice.
    expect((await endWait(c.caseId, 'wait', `end-${c.caseId}`)).activeNodeIds).toEqual(['r1']);
  });

  it('refuses a case that is not waiting there, in Chinese and English', async () => {
    const c = await h.start(yearly, { title: '在档' });
    await endWait(c.caseId, 'wait', `first-${c.caseId}`);
    const refused = await endWait(c.caseId, 'wait', `second-${c.caseId}`).catch((err: unknown) => err);
    const cause = (refused as { cause?: { type?: string; message?: string } }).cause;
    expect(cause?.type).toBe('Conflict');
    expect(cause?.message).toContain('此案件不在「在档等待」等待');
    expect(cause?.message).toContain('not waiting at "In the file"');
  });
});
