import {
  type DisplayLanguage,
  formatResult,
  type ResultRow,
  type ResultSchema,
} from '@unionflow/contracts/vocabulary';

/** A `dataFields` entry for a key a service step filled (see the gateway's `resultFieldsOf`). */
export interface ResultField {
  key: string;
  /** The name of the step that stored it. */
  label: { zh: string; en?: string };
  type: 'result';
  result: ResultSchema | null;
}

/** The result fields among a case's `dataFields`, by key. */
export function resultFieldsOf(dataFields: unknown[]): Map<string, ResultField> {
  const byKey = new Map<string, ResultField>();
  for (const f of dataFields) {
    if (
      f &&
      typeof f === 'object' &&
      (f as ResultField).type === 'result' &&
      typeof (f as ResultField).key === 'string'
    )
      byKey.set((f as ResultField).key, f as ResultField);
  }
  return byKey;
}

/** The UI language as the display functions name it. */
export function displayLanguage(lng: string): DisplayLanguage {
  return lng.startsWith('en') ? 'en' : 'zh';
}

/**
 * A stored result as labelled rows in the reader's language. Without a schema (an action the
 * manifest no longer knows) nothing is shown rather than its keys and codes.
 */
export function resultRows(field: ResultField, value: unknown, lng: string): ResultRow[] {
  return field.result ? formatResult(field.result, value, displayLanguage(lng)) : [];
}
