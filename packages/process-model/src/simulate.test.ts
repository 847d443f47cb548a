import { describe, expect, it } from 'vitest';
import { exampleApplicant as applicant, exampleOrg as org } from './example-org';
import { richExampleDefinition as rich, walkingSkeletonDefinition as skeleton } from './examples';
import { simulate, simulatedOutcome } from './simulate';
import type { ProcessDefinition } from './types';

const path = (steps: { nodeId: string }[]) => steps.map((s) => s.nodeId);

describe('simulate', () => {
  it('predicts the walking skeleton with its reviewer', () => {
    const steps = simulate(skeleton, { title: '新工艺' }, org, applicant);
    expect(steps).toEqual([
      {
        nodeId: 'review',
        kind: 'approval',
        name: { zh: '审核', en: 'Review' },
        assignees: [{ id: 'u-lina', username: 'lina', displayName: '李娜' }],
      },
      {
        nodeId: 'approved',
        kind: 'end',
        name: { zh: '通过', en: 'Approved' },
        assignees: [],
        outcome: 'approved',
      },
    ]);
    expect(simulatedOutcome(steps)).toBe('approved');
  });

  it('follows exclusive conditions on the case data', () => {
    expect(path(simulate(rich, { level: 'relative', amount: 900_000 }, org, applicant))).toEqual([
      'verify',
      'level-gate',
      'supplement',
      'centre-review',
      'notice',
      'disburse',
      'wait-follow-up',
      'follow-up',
      'approved',
    ]);
    const small = simulate(rich, { level: 'relative', amount: 100 }, org, applicant);
    expect(path(small)).not.toContain('supplement');
    expect(small.find((s) => s.nodeId === 'verify')).toMatchObject({
      due: '3d',
      assignees: [{ username: 'zhaolei' }],
    });
    expect(small.find((s) => s.nodeId === 'notice')?.due).toBe('7d');
    expect(small.find((s) => s.nodeId === 'supplement')).toBeUndefined();
  });

  it('lists every branch of a parallel block in order, then the join', () => {
    const steps = simulate(rich, { level: 'deep', amount: 100 }, org, applicant);
    expect(path(steps).slice(2, 6)).toEqual(['reviews', 'centre-countersign', 'union-check', 'reviews-done']);
  });

  it('marks the empty-assignee policy', () => {
    const lonely = { userId: 'u-lina', orgId: 'org-steel' };
    const steps = simulate(rich, { level: 'relative', amount: 1 }, org, lonely);
    expect(steps[0]).toMatchObject({ nodeId: 'verify', assignees: [], emptyPolicyApplied: 'scope-admin' });
    const skeletonSteps = simulate(skeleton, {}, { ...org, users: [] }, applicant);
    expect(skeletonSteps[0]).toMatchObject({ assignees: [], emptyPolicyApplied: 'admin-queue' });
  });

  it('assigns applicant tasks to the applicant and resolves superior-of-previous', () => {
    const steps = simulate(rich, { level: 'relative', amount: 900_000 }, org, applicant);
    expect(steps.find((s) => s.nodeId === 'supplement')?.assignees).toEqual([
      { id: 'u-zhangwei', username: 'zhangwei', displayName: '张伟' },
    ]);
    const objection = simulate(rich, {}, org, applicant, {
      fromNodeIds: ['objection-review'],
      previousDeciderId: 'u-zhaolei',
    });
    expect(objection[0]?.assignees.map((a) => a.username)).toEqual(['chenjie']);
  });

  it('predicts the rest of a running case, also from inside parallel branches', () => {
    expect(path(simulate(rich, {}, org, applicant, { fromNodeIds: ['disburse'] }))).toEqual([
      'disburse',
      'wait-follow-up',
      'follow-up',
      'approved',
    ]);
    expect(
      path(simulate(rich, {}, org, applicant, { fromNodeIds: ['centre-countersign', 'union-check'] })),
    ).toEqual([
      'centre-countersign',
      'union-check',
      'reviews-done',
      'notice',
      'disburse',
      'wait-follow-up',
      'follow-up',
      'approved',
    ]);
  });

  it('stops on a loop and on the step budget', () => {
    const loop: ProcessDefinition = {
      ...skeleton,
      start: 'a',
      nodes: [
        { id: 'a', kind: 'timer', name: { zh: 'a' }, duration: '1d', next: 'b' },
        { id: 'b', kind: 'timer', name: { zh: 'b' }, duration: '1d', next: 'a' },
      ],
    };
    const steps = simulate(loop, {}, org, applicant);
    expect(path(steps)).toEqual(['a', 'b']);
    expect(simulatedOutcome(steps)).toBeUndefined();
    expect(simulate(rich, {}, org, applicant, { maxSteps: 3 })).toHaveLength(3);
  });
});
