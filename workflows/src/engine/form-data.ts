import type { FormField } from '@unionflow/process-model/runtime';

/** The most entries a multiple field takes. */
const MAX_LIST = 500;

/**
 * Resolves a min/max bound: a number, or a path into the case data holding one (`awardBand.max`), so a
 * band computed by an earlier step (or chosen by a branch) is enforced when the reviewer decides.
 */
function bound(value: number | string | undefined, data: Record<string, unknown>): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  let v: unknown = data;
  for (const part of value.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** A multiple field's value: a list of distinct strings, each an option for a select. */
function checkList(field: FormField, value: unknown): string | null {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length > 200))
    return 'must be a list of texts.';
  if (value.length > MAX_LIST) return `has too many entries (at most ${MAX_LIST}).`;
  if (new Set(value).size !== value.length) return 'lists an entry twice.';
  if (field.type === 'select') {
    const unknown = value.filter((v) => !field.options?.some((o) => o.value === v));
    if (unknown.length > 0) return `has entries that are not options: ${unknown.join(', ')}.`;
  }
  return null;
}

/**
 * Checks submitted values against a step's form; returns readable problems (empty when valid).
 * Bounds may name other data fields, so an award band held in the case data is enforced here.
 */
export function checkFormData(
  form: FormField[],
  values: Record<string, unknown>,
  caseData: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const merged = { ...caseData, ...values };
  for (const field of form) {
    const value = values[field.key];
    const label = field.label.en ?? field.label.zh;
    // An empty list leaves a multiple field unanswered (files keep their historical rule).
    const emptyList = (v: unknown) => field.multiple === true && Array.isArray(v) && v.length === 0;
    if (value === undefined || value === null || value === '' || emptyList(value)) {
      const known = merged[field.key];
      if (field.required && (known === undefined || known === '' || emptyList(known))) {
        problems.push(`"${label}" (${field.key}) is required.`);
      }
      continue;
    }
    if (field.type === 'number' || field.type === 'money') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push(`"${label}" (${field.key}) must be a number.`);
        continue;
      }
      // Beyond 2^53 a number no longer counts exactly (1e300 "fen" is not an amount of money).
      if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
        problems.push(`"${label}" (${field.key}) is too large.`);
        continue;
      }
      if (field.type === 'money' && !Number.isInteger(value))
        problems.push(`"${label}" (${field.key}) must be whole fen.`);
      const min = bound(field.min, merged);
      const max = bound(field.max, merged);
      if (min !== undefined && value < min)
        problems.push(`"${label}" (${field.key}) must be at least ${min}.`);
      if (max !== undefined && value > max)
        problems.push(`"${label}" (${field.key}) must be at most ${max}.`);
    } else if (field.type === 'boolean') {
      if (typeof value !== 'boolean') problems.push(`"${label}" (${field.key}) must be true or false.`);
    } else if (field.multiple) {
      const problem = checkList(field, value);
      if (problem) problems.push(`"${label}" (${field.key}) ${problem}`);
    } else if (field.type === 'select') {
      if (!field.options?.some((o) => o.value === value))
        problems.push(`"${label}" (${field.key}) is not one of the options.`);
    } else if (field.type === 'file') {
      if (typeof value !== 'string' && !Array.isArray(value))
        problems.push(`"${label}" (${field.key}) must be a file reference.`);
    } else if (typeof value !== 'string') {
      problems.push(`"${label}" (${field.key}) must be text.`);
    } else if (value.length > 10_000) {
      problems.push(`"${label}" (${field.key}) is too long (at most 10000 characters).`);
    }
  }
  return problems;
}
