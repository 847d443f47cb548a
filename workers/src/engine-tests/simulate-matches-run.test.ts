import { createOrgDirectoryLoader } from '@unionflow/db';
import { type ProcessDefinition, type ProcessNode, parallelScopes, simulate } from '@unionflow/process-model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arbitraryCaseData,
  arbitraryDefinition,
} from '../../../packages/process-model/src/test-support/arbitrary-definition';
import { createEngineHarness, type EngineHarness, zhangwei } from '../../test-support/engine-harness';

/** Makes a generated definition runnable here: short waits, demo reviewers, no sub-processes. */
function runnable(def: ProcessDefinition): ProcessDefinition {
  const nodes = def.nodes.map((node): ProcessNode => {
    switch (node.kind) {
      case 'approval':
        return { ...node, assignee: { kind: 'user', username: 'lina' }, deadline: undefined };
      case 'timer':
        return { ...node, duration: '1s' };
      case 'notice':
        return { ...node, duration: '1s' };
      case 'subprocess':
        return { id: node.id, name: node.name, kind: 'service', action: 'svc.do', next: node.next };
      default:
        return node;
    }
  });
  return { ...def, nodes };
}

async function withTimeout<T>(p: Promise<T>, def: ProcessDefinition): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`stuck on ${JSON.stringify(def.nodes)}`)), 10_000);
  });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

const humanKinds = new Set(['approval', 'applicant-task']);

let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness({
    services: { 'svc.do': async () => ({ done: true }), 'svc.undo': async () => ({}) },
  });
});
afterAll(async () => {
  await h?.close();
});

describe('simulate', () => {
  it('predicts the human steps and the outcome of the real run', async () => {
    const directory = createOrgDirectoryLoader(h.db);
    await fc.assert(
      fc.asyncProperty(arbitraryDefinition, arbitraryCaseData, async (generated, data) => {
        const def = runnable(generated);
        // An end inside a parallel branch ends the whole case at once, so which sibling steps ran first
        // depends on timing; simulate lists every branch. Compare only where the path is determined.
        const scopes = parallelScopes(def);
        fc.pre(!def.nodes.some((n) => n.kind === 'end' && (scopes.get(n.id)?.length ?? 0) > 0));
        const predicted = simulate(def, data, await directory(), zhangwei);
        const view = await withTimeout(h.start(def, data), def);
        // Approve or supplement whatever is open until the case ends; timers fire on their own.
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline) {
          const row = await h.caseRow(view.caseId);
          if (row.status !== 'running') break;
          const [task] = await h.openTasks(view.caseId);
          if (!task) {
            await new Promise((r) => setTimeout(r, 100));
            continue;
          }
          if (task.candidates[0] === 'u-zhangwei')
            await withTimeout(
              h.applicant(view.caseId, { actorId: 'u-zhangwei', action: 'supplement', data: {} }),
              def,
            );
          else
            await withTimeout(
              h.decide(view.caseId, { taskId: task.id, actorId: task.candidates[0]!, action: 'approve' }),
              def,
            );
        }
        const row = await h.caseRow(view.caseId);
        const outcomeNote = `status=${row.status}`;
        const opened = await h.db
          .selectFrom('timeline_events')
          .select('node_id')
          .where('case_id', '=', view.caseId)
          .where('type', '=', 'step-opened')
          .execute();
        const ran = opened.map((e) => e.node_id).sort();
        const expected = predicted
          .filter((s) => humanKinds.has(s.kind))
          .map((s) => s.nodeId)
          .sort();
        const summary = def.nodes
          .map(
            (n) =>
              `${n.id}:${n.kind}->${'next' in n ? n.next : ''}${'branches' in n ? JSON.stringify(n.branches) : ''}${'default' in n ? `|${n.default}` : ''}`,
          )
          .join(' ');
        expect(
          ran,
          `start=${def.start} data=${JSON.stringify(data)} ${summary} predicted=${predicted.map((p) => p.nodeId).join(',')} timeline=${(await h.timelineTypes(view.caseId)).join(',')}`,
        ).toEqual(expected);
        expect(row.outcome, outcomeNote).toBe(predicted[predicted.length - 1]?.outcome);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 180_000);
});
