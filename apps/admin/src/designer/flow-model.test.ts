import type { ProcessDefinition } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { diffDefinitions, isEmptyDiff } from './definition-diff';
import { addBranch, insertAt, removeBranch, removeNode } from './flow-edit';
import { mergeOf, reachable } from './flow-graph';
import { exitEdges, layoutFlow } from './flow-layout';

const simple: ProcessDefinition = {
  key: 'simple',
  version: 1,
  name: { zh: '简单审批' },
  department: 'innovation',
  form: [],
  start: 'review',
  nodes: [
    {
      id: 'review',
      kind: 'approval',
      name: { zh: '基层工会审核' },
      assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
      mode: 'single',
      next: 'approved',
    },
    { id: 'approved', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
  ],
};

const ids = (def: ProcessDefinition) => def.nodes.map((n) => n.id);

describe('inserting between two steps', () => {
  it('adds an approval after a step and keeps the rest of the flow', () => {
    const [review] = layoutFlow(simple);
    const out = insertAt(simple, exitEdges(review!), 'approval');
    expect(out?.id).toBe('approval-1');
    const def = out!.def;
    expect(def.nodes.find((n) => n.id === 'review')).toMatchObject({ next: 'approval-1' });
    expect(def.nodes.find((n) => n.id === 'approval-1')).toMatchObject({ next: 'approved' });
    expect(layoutFlow(def).map((i) => (i.type === 'step' ? i.node.id : i.type))).toEqual([
      'review',
      'approval-1',
      'approved',
    ]);
    expect(simple.nodes).toHaveLength(2);
  });

  it('adds before the first step by moving start', () => {
    const def = insertAt(simple, [{ from: null }], 'approval')!.def;
    expect(def.start).toBe('approval-1');
  });

  it('adds a branch block whose branches meet again, then a step after the whole block', () => {
    const withBranch = insertAt(simple, [{ from: 'review', slot: 'next' }], 'exclusive')!.def;
    expect(mergeOf(withBranch, 'exclusive-1')).toBe('approved');
    const layout = layoutFlow(withBranch);
    const block = layout[1]!;
    expect(block.type).toBe('exclusive');
    if (block.type !== 'exclusive') return;
    expect(block.branches.map((b) => b.items.length)).toEqual([1, 0]);
    const after = insertAt(withBranch, exitEdges(block), 'approval')!.def;
    const added = after.nodes.find((n) => n.id === 'approval-2');
    expect(added).toMatchObject({ next: 'approved' });
    expect(after.nodes.find((n) => n.id === 'approval-1')).toMatchObject({ next: 'approval-2' });
    expect(after.nodes.find((n) => n.id === 'exclusive-1')).toMatchObject({ default: 'approval-2' });
  });

  it('adds a parallel block with a join', () => {
    const def = insertAt(simple, [{ from: 'review', slot: 'next' }], 'parallel')!.def;
    expect(ids(def).sort()).toEqual([
      'approval-1',
      'approval-2',
      'approved',
      'join-1',
      'parallel-1',
      'review',
    ]);
    const block = layoutFlow(def)[1];
    expect(block?.type).toBe('parallel');
    expect(exitEdges(block!)).toEqual([{ from: 'join-1', slot: 'next' }]);
  });
});

describe('removing', () => {
  it('removes a step and joins its neighbours', () => {
    const def = insertAt(simple, [{ from: 'review', slot: 'next' }], 'approval')!.def;
    expect(removeNode(def, 'approval-1')).toEqual(simple);
  });

  it('removes a whole block with everything inside', () => {
    const def = insertAt(simple, [{ from: 'review', slot: 'next' }], 'parallel')!.def;
    expect(removeNode(def, 'parallel-1')).toEqual(simple);
    const branchy = insertAt(simple, [{ from: 'review', slot: 'next' }], 'exclusive')!.def;
    expect(removeNode(branchy, 'exclusive-1')).toEqual(simple);
  });

  it('adds and removes condition branches', () => {
    const def = insertAt(simple, [{ from: 'review', slot: 'next' }], 'exclusive')!.def;
    const two = addBranch(def, 'exclusive-1', 'approved');
    expect(two.nodes.find((n) => n.id === 'exclusive-1')).toMatchObject({
      branches: [{ next: 'approval-1' }, { next: 'approved' }],
    });
    const one = removeBranch(two, 'exclusive-1', 0);
    expect(ids(one)).not.toContain('approval-1');
    expect(reachable(one, one.start).has('approved')).toBe(true);
  });

  it('keeps end nodes', () => {
    expect(removeNode(simple, 'approved')).toBeNull();
  });
});

describe('diffDefinitions', () => {
  it('lists added, removed and changed steps', () => {
    const draft = insertAt(simple, [{ from: 'review', slot: 'next' }], 'approval')!.def;
    const diff = diffDefinitions(simple, { ...draft, version: 2 });
    expect(diff.added.map((n) => n.id)).toEqual(['approval-1']);
    expect(diff.changed).toEqual([expect.objectContaining({ fields: ['next'] })]);
    expect(diff.removed).toEqual([]);
    expect(diff.properties).toEqual([]);
    expect(isEmptyDiff(diffDefinitions(simple, { ...simple, version: 9 }))).toBe(true);
  });
});
