import type { FormField, Text } from '@unionflow/process-model';
import type { Label } from '@unionflow/process-model/catalog';

/** Bilingual text, Chinese first. */
export function text(zh: string, en: string): Text {
  return { zh, en };
}

type FieldExtra = Omit<FormField, 'key' | 'label' | 'type'>;

/** One form field; keeps the definitions short and uniform. */
export function field(
  key: string,
  zh: string,
  en: string,
  type: FormField['type'],
  extra: FieldExtra = {},
): FormField {
  return { key, label: text(zh, en), type, ...extra };
}

/** Options for a `select` field from `[value, zh, en]` triples. */
export function options(...list: [string, string, string][]): FormField['options'] {
  return list.map(([value, zh, en]) => ({ value, label: text(zh, en) }));
}

/** Options for a `select` field from a labelled vocabulary (codes → zh/en), in the table's order. */
export function optionsOf(table: Record<string, Label>): FormField['options'] {
  return Object.entries(table).map(([value, label]) => ({ value, label: text(label.zh, label.en) }));
}
