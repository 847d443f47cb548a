import type { FieldPermission, FormField, ProcessDefinition, ProcessNode } from '@unionflow/process-model';

/** The permissions a step of this kind offers: an applicant always sees their own case, so never 隐藏. */
export function permissionChoices(node: ProcessNode): FieldPermission[] {
  return node.kind === 'applicant-task'
    ? ['read', 'edit', 'required']
    : ['hidden', 'read', 'edit', 'required'];
}

/** Where each field the table lists is collected: the start form, or a step (by its name). */
export function fieldSources(
  def: ProcessDefinition,
  fields: FormField[],
): Map<string, { zh: string; en?: string } | null> {
  const sources = new Map<string, { zh: string; en?: string } | null>();
  for (const field of fields) {
    if (def.form.some((f) => f.key === field.key)) {
      sources.set(field.key, null);
      continue;
    }
    const step = def.nodes.find(
      (n) =>
        (n.kind === 'approval' || n.kind === 'applicant-task') && n.form?.some((f) => f.key === field.key),
    );
    sources.set(field.key, step?.name ?? null);
  }
  return sources;
}

/**
 * The step with one field's permission set. 只读 is what a step that says nothing gets, so choosing it
 * takes the key out, and a step left with none loses `fieldPermissions` altogether: a definition that
 * uses no permissions reads as it did before they existed.
 */
export function withFieldPermission(
  node: ProcessNode,
  key: string,
  permission: FieldPermission,
): ProcessNode {
  if (node.kind !== 'approval' && node.kind !== 'applicant-task') return node;
  const { [key]: _old, ...rest } = node.fieldPermissions ?? {};
  const next = permission === 'read' ? rest : { ...rest, [key]: permission };
  const { fieldPermissions: _gone, ...base } = node;
  return (Object.keys(next).length > 0 ? { ...base, fieldPermissions: next } : base) as ProcessNode;
}
