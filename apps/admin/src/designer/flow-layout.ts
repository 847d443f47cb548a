import type {
  ExclusiveGatewayNode,
  JoinNode,
  ParallelSplitNode,
  ProcessDefinition,
  ProcessNode,
} from '@unionflow/process-model';
import { type Edge, findNode, mergeOf } from './flow-graph';

/** One branch column of a block: the edge into it and the items it holds before the blocks meet. */
export interface FlowBranch {
  edge: Edge;
  /** Index in `branches`, or -1 for an exclusive gateway's default branch. */
  index: number;
  items: FlowItem[];
}

/** What the vertical flow shows, top to bottom. */
export type FlowItem =
  | { type: 'step'; node: ProcessNode }
  | { type: 'exclusive'; node: ExclusiveGatewayNode; branches: FlowBranch[]; merge: string | null }
  | { type: 'parallel'; node: ParallelSplitNode; branches: FlowBranch[]; join: JoinNode | null }
  /** A pointer back to a step shown elsewhere (a loop) or to a missing node. */
  | { type: 'goto'; target: string; missing: boolean };

/** The definition as nested blocks: a vertical sequence with branch and parallel blocks. */
export function layoutFlow(def: ProcessDefinition): FlowItem[] {
  const placed = new Set<string>();
  return sequence(def, def.start, new Set(), placed);
}

function sequence(
  def: ProcessDefinition,
  first: string | undefined,
  stop: Set<string>,
  placed: Set<string>,
): FlowItem[] {
  const items: FlowItem[] = [];
  let id = first;
  while (id !== undefined && !stop.has(id)) {
    const node = findNode(def, id);
    if (!node || placed.has(id)) {
      items.push({ type: 'goto', target: id, missing: !node });
      return items;
    }
    placed.add(id);
    if (node.kind === 'exclusive') {
      const merge = mergeOf(def, node.id);
      const inner = new Set([...stop, ...(merge ? [merge] : [])]);
      const branches: FlowBranch[] = [
        ...(node.branches ?? []).map((b, index) => ({
          edge: { from: node.id, slot: 'branch', index } as Edge,
          index,
          items: sequence(def, b.next, inner, placed),
        })),
        {
          edge: { from: node.id, slot: 'default' },
          index: -1,
          items: sequence(def, node.default, inner, placed),
        },
      ];
      items.push({ type: 'exclusive', node, branches, merge });
      id = merge ?? undefined;
    } else if (node.kind === 'parallel') {
      const joinNode = findNode(def, node.join);
      const join = joinNode?.kind === 'join' ? joinNode : null;
      const inner = new Set([...stop, node.join]);
      const branches = (node.branches ?? []).map((b, index) => ({
        edge: { from: node.id, slot: 'parallel', index } as Edge,
        index,
        items: sequence(def, b, inner, placed),
      }));
      items.push({ type: 'parallel', node, branches, join });
      if (!join) return items;
      placed.add(join.id);
      id = join.next;
    } else {
      items.push({ type: 'step', node });
      id = node.kind === 'end' ? undefined : node.next;
    }
  }
  return items;
}

/**
 * The edges leaving an item towards whatever follows it in its sequence: inserting "after" the item
 * re-points all of them. An end node or a loop has none.
 */
export function exitEdges(item: FlowItem): Edge[] {
  switch (item.type) {
    case 'step':
      return item.node.kind === 'end' ? [] : [{ from: item.node.id, slot: 'next' }];
    case 'parallel':
      return item.join ? [{ from: item.join.id, slot: 'next' }] : [];
    case 'exclusive':
      if (!item.merge) return [];
      return item.branches.flatMap((b) => {
        const last = b.items[b.items.length - 1];
        return last ? exitEdges(last) : [b.edge];
      });
    case 'goto':
      return [];
  }
}

/** The node ids an item shows (a block's gateway, join and everything inside). */
export function itemNodeIds(item: FlowItem): string[] {
  switch (item.type) {
    case 'step':
      return [item.node.id];
    case 'goto':
      return [];
    case 'exclusive':
      return [item.node.id, ...item.branches.flatMap((b) => b.items.flatMap(itemNodeIds))];
    case 'parallel':
      return [
        item.node.id,
        ...(item.join ? [item.join.id] : []),
        ...item.branches.flatMap((b) => b.items.flatMap(itemNodeIds)),
      ];
  }
}
