import type { ProcessDefinition } from '../types';

/** A valid-looking process with `steps` approval steps in a row. */
export function longProcess(steps: number): ProcessDefinition {
  const nodes: ProcessDefinition['nodes'] = Array.from({ length: steps }, (_, i) => ({
    id: `s${i}`,
    kind: 'approval' as const,
    name: { zh: `第${i}步` },
    assignee: { kind: 'role' as const, role: 'reviewer', scope: 'applicant-org' as const },
    mode: 'single' as const,
    next: i + 1 < steps ? `s${i + 1}` : 'end',
  }));
  return process('long-process', 's0', [
    ...nodes,
    { id: 'end', kind: 'end', name: { zh: '结束' }, outcome: 'approved' },
  ]);
}

function process(key: string, start: string, nodes: ProcessDefinition['nodes']): ProcessDefinition {
  return {
    key,
    version: 1,
    name: { zh: key },
    department: 'innovation',
    form: [{ key: 'amount', label: { zh: '金额' }, type: 'money' }],
    start,
    nodes,
  };
}

/** `{"!": {"!": ... true}}` nested `depth` times. */
export function deepCondition(depth: number): Record<string, unknown> {
  let logic: unknown = true;
  for (let i = 0; i < depth; i++) logic = { '!': [logic] };
  return logic as Record<string, unknown>;
}

/** A process whose only branch condition is `condition`. */
export function branching(condition: Record<string, unknown>): ProcessDefinition {
  return process('deep-branch', 'route', [
    {
      id: 'route',
      kind: 'exclusive',
      name: { zh: '分流' },
      branches: [{ condition, next: 'yes' }],
      default: 'no',
    },
    { id: 'yes', kind: 'end', name: { zh: '是' }, outcome: 'approved' },
    { id: 'no', kind: 'end', name: { zh: '否' }, outcome: 'rejected' },
  ]);
}
