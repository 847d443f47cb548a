import type { ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import { nodesOf } from './flow-graph';

/** How two versions of a definition differ, step by step. */
export interface DefinitionDiff {
  added: ProcessNode[];
  removed: ProcessNode[];
  /** Steps in both whose settings differ, with the names of the changed properties. */
  changed: { before: ProcessNode; after: ProcessNode; fields: string[] }[];
  /** Top-level properties that differ (name, form, start, ...); `version` is ignored. */
  properties: string[];
}

/** Key-order-independent JSON, so reordered properties do not count as a change. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function changedKeys(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  ignore: string[] = [],
): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !ignore.includes(k) && stableJson(a[k]) !== stableJson(b[k])).sort();
}

/** Compares `before` (e.g. a published version) with `after` (e.g. the draft). */
export function diffDefinitions(before: ProcessDefinition, after: ProcessDefinition): DefinitionDiff {
  const old = new Map(nodesOf(before).map((n) => [n.id, n]));
  const now = new Map(nodesOf(after).map((n) => [n.id, n]));
  const added = [...now.values()].filter((n) => !old.has(n.id));
  const removed = [...old.values()].filter((n) => !now.has(n.id));
  const changed = [...now.values()].flatMap((n) => {
    const prev = old.get(n.id);
    if (!prev) return [];
    const fields = changedKeys(prev as never, n as never);
    return fields.length ? [{ before: prev, after: n, fields }] : [];
  });
  const properties = changedKeys(before as never, after as never, ['version', 'nodes']);
  return { added, removed, changed, properties };
}

/** True when nothing but the version number differs. */
export function isEmptyDiff(diff: DefinitionDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.properties.length;
}
