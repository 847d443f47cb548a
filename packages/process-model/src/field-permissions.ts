import type { FieldPermission, FormField, ProcessDefinition, ProcessNode } from './types';

type WithPermissions = { form?: FormField[]; fieldPermissions?: Record<string, FieldPermission> };

/** A step's own permissions, if it is a kind that carries them. */
function permissionsOf(node: ProcessNode | undefined): Record<string, FieldPermission> {
  if (!node || (node.kind !== 'approval' && node.kind !== 'applicant-task')) return {};
  return node.fieldPermissions ?? {};
}

/**
 * The fields a step can be given permissions on: the start form, then the other human steps' forms,
 * once per key (the first definition of a key wins, as on the case page), never the step's own form.
 */
export function permissionFields(
  def: Pick<ProcessDefinition, 'form' | 'nodes'>,
  node: ProcessNode,
): FormField[] {
  const own = new Set(((node as WithPermissions).form ?? []).map((f) => f.key));
  const byKey = new Map<string, FormField>();
  const add = (fields: FormField[] | undefined) => {
    for (const field of fields ?? [])
      if (!own.has(field.key) && !byKey.has(field.key)) byKey.set(field.key, field);
  };
  add(def.form);
  for (const other of def.nodes) {
    if (other.id === node.id) continue;
    if (other.kind === 'approval' || other.kind === 'applicant-task') add(other.form);
  }
  return [...byKey.values()];
}

/** What a step lets its people do with a field; `read` when it says nothing. */
export function fieldPermission(node: ProcessNode | undefined, key: string): FieldPermission {
  return permissionsOf(node)[key] ?? 'read';
}

/** The keys a step hides from its people. */
export function hiddenFieldKeys(node: ProcessNode | undefined): string[] {
  return Object.entries(permissionsOf(node))
    .filter(([, permission]) => permission === 'hidden')
    .map(([key]) => key);
}

/** Whether a step lets its people change any field beyond its own form (the engine asks its patch only then). */
export function editsOtherFields(node: ProcessNode | undefined): boolean {
  return Object.values(permissionsOf(node)).some((p) => p === 'edit' || p === 'required');
}

/**
 * The form a step's people fill: its own fields, then every field it lets them change, defined as
 * where it was collected; a `required` one must hold a value when they decide. An editable field keeps
 * its own `required`, so a required start field cannot be emptied. Keys a step names that the
 * definition does not collect are left out (the validator reports them).
 */
export function formWithPermissions(
  def: Pick<ProcessDefinition, 'form' | 'nodes'>,
  node: ProcessNode,
): FormField[] {
  const own = (node as WithPermissions).form ?? [];
  const permissions = permissionsOf(node);
  const fields = new Map(permissionFields(def, node).map((f) => [f.key, f]));
  const extra: FormField[] = [];
  for (const [key, permission] of Object.entries(permissions)) {
    const field = fields.get(key);
    if (!field || (permission !== 'edit' && permission !== 'required')) continue;
    extra.push(permission === 'required' ? { ...field, required: true } : field);
  }
  return [...own, ...extra];
}
