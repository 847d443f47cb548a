import { fenToYuan, yuanToFen } from '../format/money';
import type { FormFieldSpec } from './form-field';

interface DateLike {
  format(pattern: string): string;
}

function isDateLike(v: unknown): v is DateLike {
  return !!v && typeof v === 'object' && typeof (v as DateLike).format === 'function';
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

/**
 * Converts what the form widgets hold into the case data the API stores: money yuan → integer fen,
 * dates → `YYYY-MM-DD`, numbers → numbers, trimmed strings; empty optional fields are left out.
 */
export function toCaseData(
  fields: FormFieldSpec[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.type === 'boolean') {
      data[f.key] = v === true;
      continue;
    }
    if (isEmpty(v)) continue;
    if (f.multiple) {
      data[f.key] = (Array.isArray(v) ? v : [v]).map((item) => String(item).trim()).filter(Boolean);
      continue;
    }
    switch (f.type) {
      case 'money':
        data[f.key] = yuanToFen(Number(v));
        break;
      case 'number':
        data[f.key] = Number(v);
        break;
      case 'date':
        data[f.key] = isDateLike(v) ? v.format('YYYY-MM-DD') : String(v);
        break;
      case 'text':
      case 'textarea':
      case 'user':
        data[f.key] = String(v).trim();
        break;
      default:
        data[f.key] = v;
    }
  }
  return data;
}

/** The inverse for pre-filling a form: fen → yuan; dates stay strings for the widget to parse. */
export function toFormValues(
  fields: FormFieldSpec[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    const v = data[f.key];
    if (v === undefined || v === null) continue;
    values[f.key] = f.type === 'money' && typeof v === 'number' ? fenToYuan(v) : v;
  }
  return values;
}

/**
 * Resolves a field's min or max in the units the widget shows (yuan for money). A string bound names
 * another field, whose current widget value is already in widget units.
 */
export function boundInWidgetUnits(
  field: FormFieldSpec,
  which: 'min' | 'max',
  values: Record<string, unknown>,
): number | undefined {
  const bound = field[which];
  if (bound === undefined) return undefined;
  if (typeof bound === 'string') {
    const ref = values[bound];
    return typeof ref === 'number' ? ref : undefined;
  }
  return field.type === 'money' ? fenToYuan(bound) : bound;
}

/** Renders a stored value as text for read-only views (money and select need the field spec). */
export function displayValue(
  field: FormFieldSpec | undefined,
  value: unknown,
  words: {
    yes: string;
    no: string;
    money: (fen: number) => string;
    option: (label: { zh: string; en?: string }) => string;
  },
): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field?.type === 'money' && typeof value === 'number') return words.money(value);
  if (field?.type === 'boolean' || typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.length === 0 ? '—' : value.map((v) => displayValue(field, v, words)).join('、');
  }
  if (field?.type === 'select') {
    const opt = field.options?.find((o) => o.value === value);
    if (opt) return words.option(opt.label);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
