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

  it('stops the prediction of a running case at a gateway waiting on an answer not given yet', () => {
    const reviewer = { kind: 'user', username: 'lina' } as const;
    const def: ProcessDefinition = {
      key: 'undecided',
      version: 1,
      name: { zh: '调解' },
      department: 'rights',
      form: [{ key: 'title', label: { zh: '标题' }, type: 'text' }],
      start: 'split',
      nodes: [
        { id: 'split', kind: 'parallel', name: { zh: '并行' }, branches: ['ask', 'wait'], join: 'join' },
        {
          id: 'ask',
          kind: 'approval',
          name: { zh: '征询意愿' },
          assignee: reviewer,
          mode: 'single',
          form: [{ key: 'consent', label: { zh: '同意' }, type: 'boolean' }],
          next: 'consent-gate',
        },
        {
          id: 'consent-gate',
          kind: 'exclusive',
          name: { zh: '是否同意' },
          branches: [{ condition: { '==': [{ var: 'data.consent' }, true] }, next: 'session' }],
          default: 'referred',
        },
        {
          id: 'session',
          kind: 'approval',
          name: { zh: '调解' },
          assignee: reviewer,
          mode: 'single',
          next: 'join',
        },
        { id: 'wait', kind: 'timer', name: { zh: '期限' }, duration: '15d', next: 'check' },
        {
          id: 'check',
          kind: 'service',
          name: { zh: '核查' },
          action: 'x.check',
          resultKey: 'limit',
          next: 'limit-gate',
        },
        {
          id: 'limit-gate',
          kind: 'exclusive',
          name: { zh: '是否和解' },
          branches: [{ condition: { '==': [{ var: 'data.limit.agreed' }, true] }, next: 'join' }],
          default: 'referred',
        },
        { id: 'referred', kind: 'end', name: { zh: '移送仲裁' }, outcome: 'referred' },
        { id: 'join', kind: 'join', name: { zh: '汇合' }, next: 'closed' },
        { id: 'closed', kind: 'end', name: { zh: '结案' }, outcome: 'closed' },
      ],
    };
    const from = { fromNodeIds: ['ask', 'wait'] };
    // Guessing the default branch would predict a referral before anyone was asked.
    expect(simulatedOutcome(simulate(def, {}, org, applicant, from))).toBe('referred');
    expect(path(simulate(def, {}, org, applicant, { ...from, stopAtUndecided: true }))).toEqual([
      'ask',
      'wait',
      'check',
    ]);
    // Once the answer is in the data, the gateway follows it.
    expect(
      path(
        simulate(def, { consent: true }, org, applicant, {
          fromNodeIds: ['session', 'wait'],
          stopAtUndecided: true,
        }),
      ),
    ).toEqual(['session', 'wait', 'check']);
    expect(
      path(
        simulate(def, { consent: true, limit: { agreed: true } }, org, applicant, {
          fromNodeIds: ['ask'],
          stopAtUndecided: true,
        }),
      ),
    ).toEqual(['ask', 'consent-gate', 'session', 'join', 'closed']);
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
