import { nodeById } from './nodes';
import { analyzeParallelScopes } from './parallel-scopes';
import type { FormField, ProcessDefinition, ProcessNode } from './types';

/**
 * For every node reachable from the start, the data fields certainly collected before the case
 * enters it: the start form plus the forms of human steps and the `resultKey`s of service and
 * sub-process steps on EVERY path leading there (a must-analysis over the graph). A parallel join
 * gets what each of its branches certainly collected. A rejection (`onReject`) does not carry the
 * rejecting step's own form, since a reviewer who rejects may leave it empty.
 */
export function collectedFieldsBefore(def: ProcessDefinition): Map<string, Set<string>> {
  const nodes = nodeById(def);
  const { scopes } = analyzeParallelScopes(def);
  const preds = new Map<string, { from: string; exception: boolean }[]>();
  for (const id of scopes.keys()) {
    const node = nodes.get(id)!;
    for (const { target, exception } of edges(node)) {
      if (!scopes.has(target)) continue;
      preds.set(target, [...(preds.get(target) ?? []), { from: id, exception }]);
    }
  }

  const startFields = new Set(def.form.map((f) => f.key));
  // `undefined` is "everything" (not yet constrained), the top of the lattice.
  const entry = new Map<string, Set<string> | undefined>();
  for (const id of scopes.keys()) entry.set(id, id === def.start ? startFields : undefined);

  const exitOf = (from: string, exception: boolean): Set<string> | undefined => {
    const before = entry.get(from);
    if (before === undefined) return undefined;
    const node = nodes.get(from)!;
    return exception ? before : new Set([...before, ...produces(node)]);
  };

  let changed = true;
  while (changed) {
    changed = false;
    for (const id of scopes.keys()) {
      if (id === def.start) continue;
      const node = nodes.get(id)!;
      const incoming = preds.get(id) ?? [];
      let next: Set<string> | undefined;
      if (node.kind === 'join') {
        // Every branch ran: union over branches of what each branch certainly collected.
        const byBranch = new Map<string, (Set<string> | undefined)[]>();
        for (const p of incoming) {
          const key = scopes.get(p.from)?.at(-1) ?? '';
          byBranch.set(key, [...(byBranch.get(key) ?? []), exitOf(p.from, p.exception)]);
        }
        const parts = [...byBranch.values()].map(meet);
        next = parts.some((part) => part === undefined) ? undefined : union(parts as Set<string>[]);
      } else {
        next = meet(incoming.map((p) => exitOf(p.from, p.exception)));
      }
      if (!sameSet(entry.get(id), next)) {
        entry.set(id, next);
        changed = true;
      }
    }
  }
  const result = new Map<string, Set<string>>();
  for (const [id, fields] of entry) result.set(id, fields ?? new Set());
  return result;
}

/** Data keys a node writes when it completes normally. */
export function producedFields(node: ProcessNode): string[] {
  return produces(node);
}

/** Every data key the definition can collect anywhere (start form, step forms, result keys). */
export function allCollectableFields(def: ProcessDefinition): Set<string> {
  return new Set([...def.form.map((f) => f.key), ...def.nodes.flatMap(produces)]);
}

function produces(node: ProcessNode): string[] {
  const keys = (form: FormField[] | undefined) => (form ?? []).map((f) => f.key);
  switch (node.kind) {
    case 'approval':
    case 'applicant-task':
      return keys(node.form);
    case 'service':
    case 'subprocess':
      return node.resultKey === undefined ? [] : [node.resultKey];
    default:
      return [];
  }
}

function edges(node: ProcessNode): { target: string; exception: boolean }[] {
  switch (node.kind) {
    case 'exclusive':
      return [...node.branches.map((b) => b.next), node.default].map((target) => ({
        target,
        exception: false,
      }));
    case 'parallel':
      return node.branches.map((target) => ({ target, exception: false }));
    case 'end':
      return [];
    case 'approval':
      return [
        { target: node.next, exception: false },
        ...(node.onReject === undefined ? [] : [{ target: node.onReject, exception: true }]),
      ];
    case 'notice':
      return [
        { target: node.next, exception: false },
        { target: node.onObjection, exception: true },
      ];
    default:
      return [{ target: node.next, exception: false }];
  }
}

function meet(sets: (Set<string> | undefined)[]): Set<string> | undefined {
  let result: Set<string> | undefined;
  for (const set of sets) {
    if (set === undefined) continue;
    result = result === undefined ? new Set(set) : new Set([...result].filter((key) => set.has(key)));
  }
  return result;
}

function union(sets: Set<string>[]): Set<string> {
  return new Set(sets.flatMap((set) => [...set]));
}

function sameSet(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.size === b.size && [...a].every((key) => b.has(key));
}
