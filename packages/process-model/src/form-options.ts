import type { FormField } from './types';

/** At most this many options are read from the data: a picker longer than this is not a picker. */
export const MAX_DATA_OPTIONS = 500;

function at(data: Record<string, unknown>, path: string): unknown {
  let v: unknown = data;
  for (const part of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/**
 * The form as a task shows it: `optionsFrom` fields get their options from the case data (after any
 * static `options`). A form with no such field is returned as is, the same array.
 */
export function resolveFieldOptions(form: FormField[], data: Record<string, unknown>): FormField[] {
  if (!form.some((f) => f.optionsFrom)) return form;
  return form.map((field) => {
    const from = field.optionsFrom;
    if (!from) return field;
    const list = at(data, from.path);
    const options = [...(field.options ?? [])];
    const seen = new Set(options.map((o) => o.value));
    for (const item of Array.isArray(list) ? list : []) {
      if (options.length >= MAX_DATA_OPTIONS) break;
      const row =
        item && typeof item === 'object' ? (item as Record<string, unknown>) : { [from.value]: item };
      const value = scalar(row[from.value]);
      if (value === undefined || seen.has(value)) continue;
      seen.add(value);
      const label = from.label
        .map((k) => scalar(row[k]))
        .filter((s): s is string => !!s)
        .join(' · ');
      options.push({ value, label: { zh: label || value } });
    }
    return { ...field, options };
  });
}
