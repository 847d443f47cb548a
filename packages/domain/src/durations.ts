import type { ProcessDefinition, ProcessNode } from '@unionflow/process-model';

/** Where a duration sits in a definition: a node and which of its duration properties. */
export interface DurationSite {
  nodeId: string;
  property: 'duration' | 'deadline.due' | 'deadline.remindBefore';
}

/**
 * A copy of a definition with its durations rewritten; `change` returns the new text, undefined to
 * keep it, or null to drop an optional one (a reminder). Admins shorten a cycle for a trial run, and tests run a yearly cycle in seconds, without
 * the definition itself holding any test values.
 */
export function mapDurations(
  def: ProcessDefinition,
  change: (text: string, site: DurationSite) => string | null | undefined,
): ProcessDefinition {
  const nodes = def.nodes.map((node): ProcessNode => {
    if (node.kind === 'timer' || node.kind === 'notice') {
      const duration = change(node.duration, { nodeId: node.id, property: 'duration' });
      return { ...node, duration: duration ?? node.duration };
    }
    if ((node.kind === 'approval' || node.kind === 'applicant-task') && node.deadline) {
      const { due, remindBefore } = node.deadline;
      const deadline = {
        ...node.deadline,
        due: change(due, { nodeId: node.id, property: 'deadline.due' }) ?? due,
      };
      if (remindBefore !== undefined) {
        const changed = change(remindBefore, { nodeId: node.id, property: 'deadline.remindBefore' });
        if (changed === null) delete deadline.remindBefore;
        else deadline.remindBefore = changed ?? remindBefore;
      }
      return { ...node, deadline };
    }
    return node;
  });
  return { ...def, nodes };
}

/** Sets durations by node id (`{ 'yearly-wait': '3s' }`); deadlines are keyed `id.due` / `id.remindBefore`, null drops a reminder. */
export function withDurations(
  def: ProcessDefinition,
  byNode: Record<string, string | null>,
): ProcessDefinition {
  return mapDurations(def, (_text, site) => {
    const key = site.property === 'duration' ? site.nodeId : `${site.nodeId}.${site.property.split('.')[1]}`;
    return byNode[key];
  });
}
