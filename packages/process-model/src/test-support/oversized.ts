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
  return {
    key: 'long-process',
    version: 1,
    name: { zh: '超长流程' },
    department: 'innovation',
    form: [{ key: 'amount', label: { zh: '金额' }, type: 'money' }],
    start: 's0',
    nodes: [...nodes, { id: 'end', kind: 'end', name: { zh: '结束' }, outcome: 'approved' }],
  } as ProcessDefinition;
}

/** `{"!": {"!": ... true}}` nested `depth` times. */
export function deepCondition(depth: number): Record<string, unknown> {
  let logic: unknown = true;
  for (let i = 0; i < depth; i++) logic = { '!': [logic] };
  return logic as Record<string, unknown>;
}

/** A process whose only branch condition is `condition`. */
export function branching(condition: Record<string, unknown>): ProcessDefinition {
  return {
    key: 'deep-branch',
    version: 1,
    name: { zh: '深条件' },
    department: 'innovation',
    form: [{ key: 'amount', label: { zh: '金额' }, type: 'money' }],
    start: 'route',
    nodes: [
      {
        id: 'route',
        kind: 'exclusive',
        name: { zh: '分流' },
        branches: [{ condition, next: 'yes' }],
        default: 'no',
      },
      { id: 'yes', kind: 'end', name: { zh: '是' }, outcome: 'approved' },
      { id: 'no', kind: 'end', name: { zh: '否' }, outcome: 'rejected' },
    ],
  } as ProcessDefinition;
}
