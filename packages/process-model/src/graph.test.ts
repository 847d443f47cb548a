import { describe, expect, it } from 'vitest';
import { richExampleDefinition as rich, walkingSkeletonDefinition as skeleton } from './examples';
import { earlierHumanSteps, firstHumanStepAfter, humanSteps, reachableFrom } from './graph';
import { nodeById, successors } from './nodes';
import { analyzeParallelScopes, parallelScopes } from './parallel-scopes';
import type { ProcessDefinition, ProcessNode } from './types';

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);
const node = (id: string) => nodeById(rich).get(id)!;

describe('nodeById and successors', () => {
  it('indexes nodes and lists normal flow before exception edges', () => {
    expect(nodeById(skeleton).get('review')?.kind).toBe('approval');
    expect(successors(node('verify'))).toEqual(['level-gate', 'rejected']);
    expect(successors(node('level-gate'))).toEqual(['reviews', 'supplement', 'centre-review']);
    expect(successors(node('reviews'))).toEqual(['centre-countersign', 'union-check']);
    expect(successors(node('notice'))).toEqual(['disburse', 'objection-review']);
    expect(successors(node('approved'))).toEqual([]);
  });
});

describe('reachableFrom', () => {
  it('includes the node and everything after it', () => {
    expect(reachableFrom(rich, 'verify').size).toBe(rich.nodes.length);
    expect([...reachableFrom(rich, 'disburse')].sort()).toEqual([
      'approved',
      'disburse',
      'follow-up',
      'wait-follow-up',
    ]);
    expect(reachableFrom(rich, 'nowhere').size).toBe(0);
  });
});

describe('parallelScopes', () => {
  it('gives branch nodes their enclosing split#branch, outermost first', () => {
    const nested: ProcessDefinition = {
      ...skeleton,
      start: 'outer',
      nodes: [
        { id: 'outer', kind: 'parallel', name: { zh: '外' }, branches: ['a', 'inner'], join: 'outer-join' },
        { id: 'a', kind: 'timer', name: { zh: 'a' }, duration: '1h', next: 'outer-join' },
        {
          id: 'inner',
          kind: 'parallel',
          name: { zh: '内' },
          branches: ['b', 'inner-join'],
          join: 'inner-join',
        },
        { id: 'b', kind: 'timer', name: { zh: 'b' }, duration: '1h', next: 'inner-join' },
        { id: 'inner-join', kind: 'join', name: { zh: '内汇' }, next: 'outer-join' },
        { id: 'outer-join', kind: 'join', name: { zh: '外汇' }, next: 'done' },
        { id: 'done', kind: 'end', name: { zh: '完' }, outcome: 'approved' },
      ],
    };
    const scopes = parallelScopes(nested);
    expect(scopes.get('outer')).toEqual([]);
    expect(scopes.get('a')).toEqual(['outer#0']);
    expect(scopes.get('inner')).toEqual(['outer#1']);
    expect(scopes.get('b')).toEqual(['outer#1', 'inner#0']);
    expect(scopes.get('inner-join')).toEqual(['outer#1']);
    expect(scopes.get('outer-join')).toEqual([]);
    expect(scopes.get('done')).toEqual([]);
    expect(analyzeParallelScopes(nested).conflicts).toEqual([]);
  });

  it('reports a branch that escapes its block', () => {
    const def = structuredClone(rich);
    (def.nodes.find((n) => n.id === 'union-check') as { next: string }).next = 'notice';
    expect(analyzeParallelScopes(def).conflicts).toEqual([
      { kind: 'mixed-scopes', nodeId: 'notice', from: 'union-check' },
    ]);
  });
});

describe('human steps', () => {
  it('lists approvals and applicant tasks in definition order', () => {
    expect(ids(humanSteps(rich))).toEqual([
      'verify',
      'supplement',
      'centre-review',
      'centre-countersign',
      'union-check',
      'objection-review',
    ]);
  });

  it('finds earlier human steps on some path from the start, never later ones', () => {
    expect(ids(earlierHumanSteps(rich, 'verify'))).toEqual([]);
    expect(ids(earlierHumanSteps(rich, 'centre-review'))).toEqual(['verify', 'supplement']);
    expect(ids(earlierHumanSteps(rich, 'union-check'))).toEqual(['verify']);
    // Steps inside a finished parallel block are not return targets.
    expect(ids(earlierHumanSteps(rich, 'objection-review'))).toEqual([
      'verify',
      'supplement',
      'centre-review',
    ]);
    expect(earlierHumanSteps(rich, 'missing')).toEqual([]);
  });

  it('does not count steps after the node as earlier when a loop goes back', () => {
    const looped = structuredClone(rich);
    const review = looped.nodes.find((n) => n.id === 'centre-review') as Extract<
      ProcessNode,
      { kind: 'approval' }
    >;
    review.onReject = 'supplement';
    expect(ids(earlierHumanSteps(looped, 'supplement'))).toEqual(['verify']);
  });

  it('finds the first human step after a node', () => {
    expect(firstHumanStepAfter(rich, 'verify')?.id).toBe('supplement');
    const ctx = { data: { level: 'deep', amount: 1 }, applicant: {} };
    expect(firstHumanStepAfter(rich, 'verify', ctx)?.id).toBe('centre-countersign');
    expect(firstHumanStepAfter(rich, 'verify', { ...ctx, data: { level: 'relative', amount: 1 } })?.id).toBe(
      'centre-review',
    );
    expect(firstHumanStepAfter(rich, 'notice')).toBeUndefined();
    expect(firstHumanStepAfter(skeleton, 'review')).toBeUndefined();
  });
});
