import type { ProcessDefinition, ProcessNode } from '@unionflow/process-model';

/** Where an edge starts: the definition's `start`, or one pointer slot on a node. */
export type Edge =
  | { from: null }
  | { from: string; slot: 'next' }
  | { from: string; slot: 'default' }
  | { from: string; slot: 'branch'; index: number }
  | { from: string; slot: 'parallel'; index: number };

/** A draft may be half-edited: nodes are read defensively. */
export function nodesOf(def: ProcessDefinition): ProcessNode[] {
  return Array.isArray(def.nodes) ? def.nodes : [];
}

/** The node with this id, if any. */
export function findNode(def: ProcessDefinition, id: string | undefined): ProcessNode | undefined {
  return id === undefined ? undefined : nodesOf(def).find((n) => n.id === id);
}

/** Node ids an edge-following walk may take forward (return targets like onReject are left out). */
export function forwardTargets(node: ProcessNode): string[] {
  switch (node.kind) {
    case 'exclusive':
      return [...(node.branches ?? []).map((b) => b.next), node.default];
    case 'parallel':
      return [...(node.branches ?? [])];
    case 'end':
      return [];
    default:
      return [node.next];
  }
}

/** The node id an edge points at. */
export function edgeTarget(def: ProcessDefinition, edge: Edge): string | undefined {
  if (edge.from === null) return def.start;
  const node = findNode(def, edge.from);
  if (!node) return undefined;
  if (edge.slot === 'next') return 'next' in node ? node.next : undefined;
  if (edge.slot === 'default') return node.kind === 'exclusive' ? node.default : undefined;
  if (edge.slot === 'branch') return node.kind === 'exclusive' ? node.branches[edge.index]?.next : undefined;
  return node.kind === 'parallel' ? node.branches[edge.index] : undefined;
}

/** Points an edge somewhere else, returning a new definition (the input is not changed). */
export function setEdgeTarget(def: ProcessDefinition, edge: Edge, target: string): ProcessDefinition {
  if (edge.from === null) return { ...def, start: target };
  return {
    ...def,
    nodes: nodesOf(def).map((n) => {
      if (n.id !== edge.from) return n;
      if (edge.slot === 'next' && 'next' in n) return { ...n, next: target };
      if (edge.slot === 'default' && n.kind === 'exclusive') return { ...n, default: target };
      if (edge.slot === 'branch' && n.kind === 'exclusive') {
        return {
          ...n,
          branches: n.branches.map((b, i) => (i === edge.index ? { ...b, next: target } : b)),
        };
      }
      if (edge.slot === 'parallel' && n.kind === 'parallel') {
        return { ...n, branches: n.branches.map((b, i) => (i === edge.index ? target : b)) };
      }
      return n;
    }),
  };
}

/** Every node reachable from `from` along forward edges (parallel joins included), `from` itself too. */
export function reachable(def: ProcessDefinition, from: string | undefined): Set<string> {
  const seen = new Set<string>();
  const stack = from === undefined ? [] : [from];
  while (stack.length) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    const node = findNode(def, id);
    if (!node) continue;
    seen.add(id);
    stack.push(...forwardTargets(node));
    if (node.kind === 'parallel') stack.push(node.join);
  }
  return seen;
}

/**
 * Where the branches of an exclusive gateway meet again: the nearest node (breadth-first from the
 * default branch) that every branch reaches. Null when the branches end separately.
 */
export function mergeOf(def: ProcessDefinition, gatewayId: string): string | null {
  const gw = findNode(def, gatewayId);
  if (gw?.kind !== 'exclusive') return null;
  const starts = [...gw.branches.map((b) => b.next), gw.default];
  const sets = starts.map((s) => reachable(def, s));
  const queue = [gw.default];
  const seen = new Set<string>();
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id) || id === gatewayId) continue;
    seen.add(id);
    if (sets.every((s) => s.has(id))) return id;
    const node = findNode(def, id);
    if (node) queue.push(...forwardTargets(node), ...(node.kind === 'parallel' ? [node.join] : []));
  }
  return null;
}

/** A new node id of the given kind that the definition does not use yet. */
export function freshId(def: ProcessDefinition, kind: string, taken: Set<string> = new Set()): string {
  const used = new Set([...nodesOf(def).map((n) => n.id), ...taken]);
  for (let i = 1; ; i++) {
    const id = `${kind}-${i}`;
    if (!used.has(id)) return id;
  }
}
