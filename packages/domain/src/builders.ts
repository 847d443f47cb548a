import type { FormField, Text } from '@unionflow/process-model';

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
