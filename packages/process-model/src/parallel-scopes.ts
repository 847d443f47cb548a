import { nodeById, successors } from './nodes';
import type { ProcessDefinition, ProcessNode } from './types';

/** Why a node's parallel scope is ambiguous (found while computing scopes; the validator reports these). */
export interface ScopeConflict {
  /** `mixed-scopes`: reached from inside and outside a block (or from two branches); `join-outside-block`: a join entered from outside its own block. */
  kind: 'mixed-scopes' | 'join-outside-block';
  nodeId: string;
  from: string;
}

/** Scope stacks of every reachable node, plus the places where the block structure is broken. */
export interface ScopeAnalysis {
  scopes: Map<string, string[]>;
  conflicts: ScopeConflict[];
}

/** The id of a scope: `"<splitId>#<branchIndex>"`. */
export function scopeId(splitId: string, branchIndex: number): string {
  return `${splitId}#${branchIndex}`;
}

/** Splits a scope id back into split id and branch index. */
export function parseScopeId(scope: string): { splitId: string; branch: number } {
  const at = scope.lastIndexOf('#');
  return { splitId: scope.slice(0, at), branch: Number(scope.slice(at + 1)) };
}

/**
 * For each node reachable from the start, the stack of parallel scopes enclosing it, outermost first
 * (`["review#0", "checks#1"]`). A split and its join sit outside the block they delimit. When a node
 * is reached with two different stacks the first (breadth-first, in definition order) wins.
 */
export function parallelScopes(def: Pick<ProcessDefinition, 'start' | 'nodes'>): Map<string, string[]> {
  return analyzeParallelScopes(def).scopes;
}

/** parallelScopes plus the conflicts found; end nodes may be shared by any scope. */
export function analyzeParallelScopes(def: Pick<ProcessDefinition, 'start' | 'nodes'>): ScopeAnalysis {
  const nodes = nodeById(def);
  const joins = new Set<string>();
  for (const node of def.nodes) if (node.kind === 'parallel') joins.add(node.join);
  const scopes = new Map<string, string[]>();
  const conflicts: ScopeConflict[] = [];

  const enter = (target: string, stack: string[], from: string): string[] => {
    const node = nodes.get(target);
    if (node?.kind !== 'join') return stack;
    const top = stack.at(-1);
    const split = top === undefined ? undefined : nodes.get(parseScopeId(top).splitId);
    if (split?.kind === 'parallel' && split.join === target) return stack.slice(0, -1);
    if (joins.has(target)) conflicts.push({ kind: 'join-outside-block', nodeId: target, from });
    return stack;
  };

  const queue: { id: string; stack: string[]; from?: string }[] = [{ id: def.start, stack: [] }];
  while (queue.length > 0) {
    const { id, stack, from } = queue.shift()!;
    const node = nodes.get(id);
    if (!node) continue;
    const seen = scopes.get(id);
    if (seen) {
      if (node.kind !== 'end' && !sameStack(seen, stack) && from !== undefined) {
        conflicts.push({ kind: 'mixed-scopes', nodeId: id, from });
      }
      continue;
    }
    scopes.set(id, stack);
    for (const { target, inner } of edges(node, stack)) {
      queue.push({ id: target, stack: enter(target, inner, id), from: id });
    }
  }
  return { scopes, conflicts };
}

function edges(node: ProcessNode, stack: string[]): { target: string; inner: string[] }[] {
  if (node.kind === 'parallel') {
    return node.branches.map((target, i) => ({ target, inner: [...stack, scopeId(node.id, i)] }));
  }
  return successors(node).map((target) => ({ target, inner: stack }));
}

function sameStack(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((scope, i) => scope === b[i]);
}
