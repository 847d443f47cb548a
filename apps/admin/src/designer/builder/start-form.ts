import type { FieldType, FormField, ProcessDefinition } from '@unionflow/process-model';

/**
 * The start-form editor's model: a field as its dialog edits it (money bounds in yuan, options as a
 * list of labels) and back, plus the list operations. Keys are made here, never typed: conditions
 * and exports read them, people do not.
 */

/** A field as the dialog's form holds it. */
export interface FieldFormValues {
  label: { zh: string; en?: string };
  type: FieldType;
  required?: boolean;
  multiple?: boolean;
  sensitive?: boolean;
  hint?: { zh?: string; en?: string };
  /** For select: the options' labels, in order (values are kept or made here). */
  options?: { zh: string; en?: string; value?: string }[];
  /** For number, and money in yuan; null when unbounded. */
  min?: number | null;
  max?: number | null;
}

const BOUNDED = new Set<FieldType>(['number', 'money']);

/** Every field a definition collects: the start form, then the steps' forms. */
export function definitionFields(def: ProcessDefinition): FormField[] {
  const steps = def.nodes.flatMap((n) => ('form' in n && Array.isArray(n.form) ? n.form : []));
  const seen = new Set<string>();
  return [...def.form, ...steps].filter((f) => !seen.has(f.key) && seen.add(f.key));
}

/** A key not used by any field of the definition: field1, field2, … */
export function newFieldKey(def: ProcessDefinition): string {
  const taken = new Set(definitionFields(def).map((f) => f.key));
  let n = def.form.length + 1;
  while (taken.has(`field${n}`)) n++;
  return `field${n}`;
}

function boundIn(bound: number | string | undefined, type: FieldType): number | null {
  if (typeof bound !== 'number') return null;
  return type === 'money' ? bound / 100 : bound;
}

function boundOut(value: number | null | undefined, type: FieldType): number | undefined {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return undefined;
  return type === 'money' ? Math.round(Number(value) * 100) : Number(value);
}

/** The dialog's values for a field. */
export function toFieldForm(field: FormField): FieldFormValues {
  return {
    label: { zh: field.label.zh, en: field.label.en },
    type: field.type,
    required: field.required ?? false,
    multiple: field.multiple ?? false,
    sensitive: field.sensitive ?? false,
    hint: field.hint ? { zh: field.hint.zh, en: field.hint.en } : undefined,
    options: field.options?.map((o) => ({ zh: o.label.zh, en: o.label.en, value: o.value })),
    min: boundIn(field.min, field.type),
    max: boundIn(field.max, field.type),
  };
}

function text(t: { zh?: string; en?: string } | undefined): { zh: string; en?: string } | undefined {
  const zh = t?.zh?.trim();
  if (!zh) return undefined;
  const en = t?.en?.trim();
  return en ? { zh, en } : { zh };
}

/**
 * The field the dialog's values describe. Settings the dialog does not show (options read from the
 * data, a bound that names another field, reveal-only) are kept from `before`.
 */
export function fromFieldForm(values: FieldFormValues, key: string, before?: FormField): FormField {
  const type = values.type;
  const field: FormField = {
    ...(before ?? {}),
    key,
    label: text(values.label) ?? { zh: key },
    type,
  };
  for (const k of ['required', 'multiple', 'sensitive', 'hint', 'options', 'min', 'max'] as const)
    delete field[k];
  if (values.required) field.required = true;
  if (values.sensitive) field.sensitive = true;
  if (values.multiple && (type === 'select' || type === 'user')) field.multiple = true;
  const hint = text(values.hint);
  if (hint) field.hint = hint;
  if (type === 'select') {
    const used = new Set<string>();
    const labelled = (values.options ?? []).filter((o) => o.zh?.trim());
    // Values are stable codes: an existing option keeps its value; a new one gets the next free optN.
    for (const o of labelled) if (o.value) used.add(o.value);
    let n = 1;
    field.options = labelled.map((o) => {
      let value = o.value;
      if (!value) {
        while (used.has(`opt${n}`)) n++;
        value = `opt${n}`;
        used.add(value);
      }
      const label = text(o) ?? { zh: value };
      return { value, label };
    });
  } else {
    delete field.optionsFrom;
  }
  if (BOUNDED.has(type)) {
    const min =
      typeof before?.min === 'string' && before.type === type ? before.min : boundOut(values.min, type);
    const max =
      typeof before?.max === 'string' && before.type === type ? before.max : boundOut(values.max, type);
    if (min !== undefined) field.min = min;
    if (max !== undefined) field.max = max;
  }
  if (!field.sensitive) delete field.revealOnly;
  return field;
}

/** The list with the field at `index` moved one place up (-1) or down (+1). */
export function moveField(form: FormField[], index: number, delta: -1 | 1): FormField[] {
  const to = index + delta;
  if (to < 0 || to >= form.length) return form;
  const next = [...form];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved as FormField);
  return next;
}

/** Problems with the dialog's values, in words, before the field is put in the form. */
export function fieldProblems(values: FieldFormValues, lang: 'zh' | 'en'): string[] {
  const problems: string[] = [];
  const zh = lang === 'zh';
  if (!values.label?.zh?.trim()) problems.push(zh ? '请填写字段名称' : 'Give the field a name');
  if (values.type === 'select' && !(values.options ?? []).some((o) => o.zh?.trim()))
    problems.push(zh ? '选择题至少需要一个选项' : 'A choice needs at least one option');
  if (
    BOUNDED.has(values.type) &&
    values.min !== null &&
    values.min !== undefined &&
    values.max !== null &&
    values.max !== undefined &&
    Number(values.min) > Number(values.max)
  )
    problems.push(zh ? '最小值不能大于最大值' : 'The minimum cannot exceed the maximum');
  return problems;
}
