import { type ConditionContext, evaluateCondition } from './expressions';
import {
  type DefinitionGraph,
  forwardSuccessors,
  type HumanNode,
  isHumanNode,
  nodeById,
  successors,
} from './nodes';
import { parallelScopes } from './parallel-scopes';
import type { ExclusiveGatewayNode, ProcessDefinition, ProcessNode } from './types';

/** Every node id reachable from `id`, including `id` itself (missing targets are skipped). */
export function reachableFrom(def: Pick<ProcessDefinition, 'nodes'>, id: string): Set<string> {
  const nodes = nodeById(def);
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const node = nodes.get(current);
    if (!node || seen.has(current)) continue;
    seen.add(current);
    for (const next of successors(node)) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

/** Approval and applicant-task nodes, in definition order. */
export function humanSteps(def: Pick<ProcessDefinition, 'nodes'>): HumanNode[] {
  return def.nodes.filter(isHumanNode);
}

/**
 * Human steps that come before `nodeId` on some path from the start: the legal targets of a "return".
 * Loops are cut where a depth-first walk from the start (normal flow first) closes them, so a step
 * after `nodeId` never counts as earlier. Steps inside a parallel block that `nodeId` is not in (a
 * sibling branch, or a block already joined) are excluded: a case cannot go back into them alone.
 */
export function earlierHumanSteps(def: DefinitionGraph, nodeId: string): HumanNode[] {
  const nodes = nodeById(def);
  const parents = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    const node = nodes.get(id);
    if (!node) return;
    state.set(id, 'open');
    for (const next of successors(node)) {
      if (!nodes.has(next) || state.get(next) === 'open') continue;
      parents.set(next, [...(parents.get(next) ?? []), id]);
      if (!state.has(next)) visit(next);
    }
    state.set(id, 'done');
  };
  visit(def.start);
  if (!state.has(nodeId)) return [];

  const ancestors = new Set<string>();
  const work = [...(parents.get(nodeId) ?? [])];
  while (work.length > 0) {
    const id = work.pop()!;
    if (ancestors.has(id)) continue;
    ancestors.add(id);
    work.push(...(parents.get(id) ?? []));
  }
  const scopes = parallelScopes(def);
  const here = scopes.get(nodeId) ?? [];
  return def.nodes.filter(
    (node): node is HumanNode =>
      isHumanNode(node) &&
      node.id !== nodeId &&
      ancestors.has(node.id) &&
      isPrefix(scopes.get(node.id), here),
  );
}

function isPrefix(prefix: string[] | undefined, stack: string[]): boolean {
  return (
    prefix !== undefined && prefix.length <= stack.length && prefix.every((scope, i) => stack[i] === scope)
  );
}

/**
 * The nearest human step after `nodeId` along normal flow (breadth first). With a context, exclusive
 * gateways follow the branch the case data selects; without one, every branch is considered.
 */
export function firstHumanStepAfter(
  def: Pick<ProcessDefinition, 'nodes'>,
  nodeId: string,
  context?: ConditionContext,
): HumanNode | undefined {
  const nodes = nodeById(def);
  const start = nodes.get(nodeId);
  if (!start) return undefined;
  const seen = new Set<string>([nodeId]);
  const queue = nextIds(start, context);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = nodes.get(id);
    if (!node) continue;
    if (isHumanNode(node)) return node;
    queue.push(...nextIds(node, context));
  }
  return undefined;
}

function nextIds(node: ProcessNode, context: ConditionContext | undefined): string[] {
  if (node.kind === 'exclusive' && context) return [chooseBranch(node, context)];
  return forwardSuccessors(node);
}

/** The exclusive gateway's chosen target: the first branch whose condition holds, else the default. */
export function chooseBranch(node: ExclusiveGatewayNode, context: ConditionContext): string {
  for (const branch of node.branches) {
    let holds = false;
    try {
      holds = evaluateCondition(branch.condition, context);
    } catch {
      // A condition that cannot be evaluated does not hold; the default branch exists for this.
    }
    if (holds) return branch.next;
  }
  return node.default;
}
