import type { FormField, ProcessDefinition } from '@unionflow/process-model';

type FormsOf = Pick<ProcessDefinition, 'form' | 'nodes'>;

/** Every form field a definition collects: the start form, then each step's form. */
function definitionFields(def: FormsOf): FormField[] {
  return [def.form, ...def.nodes.map((n) => ('form' in n && n.form ? n.form : []))].flat();
}

/** Keys of case data that hold household data: sensitive fields of any form, and named result keys. */
export function sensitiveKeys(
  def: Pick<ProcessDefinition, 'form' | 'nodes' | 'sensitiveDataKeys'>,
): Set<string> {
  return new Set([
    ...definitionFields(def)
      .filter((f) => f.sensitive || f.revealOnly)
      .map((f) => f.key),
    ...(def.sensitiveDataKeys ?? []),
  ]);
}

/** Keys shown partly masked even to full viewers, whole only on an audited reveal (ID numbers). */
export function revealOnlyKeys(def: FormsOf): Set<string> {
  return new Set(
    definitionFields(def)
      .filter((f) => f.revealOnly)
      .map((f) => f.key),
  );
}

/** The label of a data key's form field, for readers of the audit log; the key itself when unknown. */
export function fieldLabel(def: FormsOf, key: string): FormField['label'] {
  return definitionFields(def).find((f) => f.key === key)?.label ?? { zh: key };
}
