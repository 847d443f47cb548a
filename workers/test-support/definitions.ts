import type { ApprovalNode, AssigneeRule, ProcessDefinition, ProcessNode } from '@unionflow/process-model';

/** A single-mode approval step; `who` is a username or any assignee rule. */
export function review(
  id: string,
  who: string | AssigneeRule,
  next: string,
  extra: Partial<ApprovalNode> = {},
): ApprovalNode {
  const assignee: AssigneeRule = typeof who === 'string' ? { kind: 'user', username: who } : who;
  return { id, kind: 'approval', name: { zh: id }, assignee, mode: 'single', next, ...extra };
}

/** An end step. */
export function endNode(id = 'end', outcome = 'approved'): ProcessNode {
  return { id, kind: 'end', name: { zh: id }, outcome };
}

/** A test definition starting at its first node, with a title field and any extra fields. */
export function definition(
  key: string,
  nodes: ProcessNode[],
  extra: Partial<ProcessDefinition> = {},
): ProcessDefinition {
  return {
    key,
    version: 1,
    name: { zh: key },
    department: 'innovation',
    form: [{ key: 'title', label: { zh: '标题' }, type: 'text' }],
    start: nodes[0]!.id,
    nodes,
    ...extra,
  };
}
