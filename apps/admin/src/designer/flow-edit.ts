import type { ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import {
  type Edge,
  edgeTarget,
  findNode,
  forwardTargets,
  freshId,
  nodesOf,
  setEdgeTarget,
} from './flow-graph';

/** What the "+" between two steps can add; `cc` is a 抄送 step of its own. */
export type InsertKind = 'approval' | 'cc' | 'applicant-task' | 'notice' | 'timer' | 'exclusive' | 'parallel';

/** Every kind the "+" menu offers, in menu order. */
export const INSERT_KINDS: InsertKind[] = [
  'approval',
  'cc',
  'applicant-task',
  'exclusive',
  'parallel',
  'notice',
  'timer',
];

function approval(id: string, next: string): ProcessNode {
  return {
    id,
    kind: 'approval',
    name: { zh: '审批', en: 'Approval' },
    assignee: { kind: 'role', role: '', scope: 'nearest' },
    mode: 'single',
    emptyAssignee: 'admin-queue',
    deadline: { due: '3d', onOverdue: 'remind' },
    next,
  };
}

/** The nodes a new block consists of, wired so that its exits lead to `target`. */
function fragment(
  def: ProcessDefinition,
  kind: InsertKind,
  target: string,
): { entry: string; nodes: ProcessNode[] } {
  const taken = new Set<string>();
  const id = (k: string) => {
    const fresh = freshId(def, k, taken);
    taken.add(fresh);
    return fresh;
  };
  switch (kind) {
    case 'approval': {
      const a = id('approval');
      return { entry: a, nodes: [approval(a, target)] };
    }
    case 'cc': {
      // Nobody yet: its panel opens to pick people, and validation asks for them until then.
      const a = id('cc');
      const node: ProcessNode = {
        id: a,
        kind: 'cc',
        name: { zh: '抄送', en: 'CC' },
        recipients: [],
        next: target,
      };
      return { entry: a, nodes: [node] };
    }
    case 'applicant-task': {
      const a = id('applicant-task');
      const node: ProcessNode = {
        id: a,
        kind: 'applicant-task',
        name: { zh: '申请人补充材料', en: 'Applicant supplies information' },
        form: [],
        deadline: { due: '7d', onOverdue: 'remind' },
        next: target,
      };
      return { entry: a, nodes: [node] };
    }
    case 'notice': {
      const a = id('notice');
      const node: ProcessNode = {
        id: a,
        kind: 'notice',
        name: { zh: '公示', en: 'Public notice' },
        duration: '5d',
        onObjection: target,
        next: target,
      };
      return { entry: a, nodes: [node] };
    }
    case 'timer': {
      const a = id('timer');
      const node: ProcessNode = {
        id: a,
        kind: 'timer',
        name: { zh: '等待', en: 'Wait' },
        duration: '1d',
        next: target,
      };
      return { entry: a, nodes: [node] };
    }
    case 'exclusive': {
      const g = id('exclusive');
      const branch = id('approval');
      const node: ProcessNode = {
        id: g,
        kind: 'exclusive',
        name: { zh: '条件分支', en: 'Condition' },
        branches: [
          {
            label: { zh: '条件 1', en: 'Condition 1' },
            condition: { '>=': [{ var: 'data.amount' }, 0] },
            next: branch,
          },
        ],
        default: target,
      };
      return { entry: g, nodes: [node, approval(branch, target)] };
    }
    case 'parallel': {
      const p = id('parallel');
      const j = id('join');
      const a = id('approval');
      const b = id('approval');
      const split: ProcessNode = {
        id: p,
        kind: 'parallel',
        name: { zh: '并行办理', en: 'In parallel' },
        branches: [a, b],
        join: j,
      };
      const join: ProcessNode = { id: j, kind: 'join', name: { zh: '汇合', en: 'Join' }, next: target };
      return { entry: p, nodes: [split, approval(a, j), approval(b, j), join] };
    }
  }
}

/**
 * Inserts a new step or block where `edges` lead (all to the same node): the new block's exits go
 * to that node and the edges now lead to the block. Returns the new definition and the entry id.
 */
export function insertAt(
  def: ProcessDefinition,
  edges: Edge[],
  kind: InsertKind,
): { def: ProcessDefinition; id: string } | null {
  const first = edges[0];
  if (!first) return null;
  const target = edgeTarget(def, first);
  if (target === undefined) return null;
  const { entry, nodes } = fragment(def, kind, target);
  let next: ProcessDefinition = { ...def, nodes: [...nodesOf(def), ...nodes] };
  for (const edge of edges) next = setEdgeTarget(next, edge, entry);
  return { def: next, id: entry };
}

/** Takes a step's 抄送 card away. */
export function removeCc(def: ProcessDefinition, id: string): ProcessDefinition {
  const node = findNode(def, id);
  if (node?.kind !== 'approval') return def;
  const { cc: _gone, ...rest } = node;
  return updateNode(def, id, rest as ProcessNode);
}

/** Replaces one node (matched by its current id). */
export function updateNode(def: ProcessDefinition, id: string, node: ProcessNode): ProcessDefinition {
  return { ...def, nodes: nodesOf(def).map((n) => (n.id === id ? node : n)) };
}

/** Where the flow continues when a node (or block) is taken out. */
function bypassOf(def: ProcessDefinition, node: ProcessNode): string | undefined {
  if (node.kind === 'exclusive') return node.default;
  if (node.kind === 'parallel') {
    const join = findNode(def, node.join);
    return join && 'next' in join ? join.next : undefined;
  }
  if (node.kind === 'end') return undefined;
  return node.next;
}

function repoint(node: ProcessNode, from: string, to: string): ProcessNode {
  const swap = (id: string) => (id === from ? to : id);
  switch (node.kind) {
    case 'exclusive':
      return {
        ...node,
        branches: node.branches.map((b) => ({ ...b, next: swap(b.next) })),
        default: swap(node.default),
      };
    case 'parallel':
      return { ...node, branches: node.branches.map(swap) };
    case 'approval':
      return { ...node, next: swap(node.next), ...(node.onReject ? { onReject: swap(node.onReject) } : {}) };
    case 'notice':
      return { ...node, next: swap(node.next), onObjection: swap(node.onObjection) };
    case 'end':
      return node;
    default:
      return { ...node, next: swap(node.next) };
  }
}

/** Drops nodes nothing leads to any more (what was inside a removed block). */
export function pruneUnreachable(def: ProcessDefinition): ProcessDefinition {
  const keep = new Set<string>();
  const stack = [def.start];
  while (stack.length) {
    const id = stack.pop() as string;
    const node = findNode(def, id);
    if (!node || keep.has(id)) continue;
    keep.add(id);
    stack.push(...forwardTargets(node));
    if (node.kind === 'parallel') stack.push(node.join);
    if (node.kind === 'approval' && node.onReject) stack.push(node.onReject);
    if (node.kind === 'notice') stack.push(node.onObjection);
  }
  return { ...def, nodes: nodesOf(def).filter((n) => keep.has(n.id)) };
}

/**
 * Removes a step, or a whole branch/parallel block, joining what came before to what came after.
 * End nodes stay (a flow needs its ends); returns null when the node cannot be removed.
 */
export function removeNode(def: ProcessDefinition, id: string): ProcessDefinition | null {
  const node = findNode(def, id);
  if (!node || node.kind === 'end' || node.kind === 'join') return null;
  const to = bypassOf(def, node);
  if (to === undefined) return null;
  const rest = nodesOf(def)
    .filter((n) => n.id !== id)
    .map((n) => repoint(n, id, to));
  return pruneUnreachable({ ...def, start: def.start === id ? to : def.start, nodes: rest });
}

/** Adds a condition branch to an exclusive gateway, leading to `target` (usually where branches meet). */
export function addBranch(def: ProcessDefinition, gatewayId: string, target: string): ProcessDefinition {
  const gw = findNode(def, gatewayId);
  if (gw?.kind !== 'exclusive') return def;
  const n = gw.branches.length + 1;
  return updateNode(def, gatewayId, {
    ...gw,
    branches: [
      ...gw.branches,
      {
        label: { zh: `条件 ${n}`, en: `Condition ${n}` },
        condition: { '>=': [{ var: 'data.amount' }, 0] },
        next: target,
      },
    ],
  });
}

/** Adds a branch with one approval step to a parallel block. */
export function addParallelBranch(def: ProcessDefinition, splitId: string): ProcessDefinition {
  const split = findNode(def, splitId);
  if (split?.kind !== 'parallel') return def;
  const a = freshId(def, 'approval');
  const withNode = { ...def, nodes: [...nodesOf(def), approval(a, split.join)] };
  return updateNode(withNode, splitId, { ...split, branches: [...split.branches, a] });
}

/** Removes one branch of a block (and the steps only it held); a block keeps at least one branch. */
export function removeBranch(def: ProcessDefinition, blockId: string, index: number): ProcessDefinition {
  const block = findNode(def, blockId);
  if (block?.kind === 'exclusive' && block.branches.length > 1) {
    return pruneUnreachable(
      updateNode(def, blockId, { ...block, branches: block.branches.filter((_, i) => i !== index) }),
    );
  }
  if (block?.kind === 'exclusive' && block.branches.length === 1) {
    // The last condition branch gone: the gateway has nothing to choose, so it goes too.
    return removeNode(def, blockId) ?? def;
  }
  if (block?.kind === 'parallel' && block.branches.length > 2) {
    return pruneUnreachable(
      updateNode(def, blockId, { ...block, branches: block.branches.filter((_, i) => i !== index) }),
    );
  }
  return def;
}
