import type { FieldType } from '@unionflow/contracts/vocabulary';
import type { LocalTextValue } from '../i18n/local-text';

/** Field kinds a process form can hold: the catalog's `FieldType`, not a copy of it. */
export type FormFieldType = FieldType;

/** One form field of a process definition (mirrors FormField in packages/process-model/src/types.ts). */
export interface FormFieldSpec {
  key: string;
  label: LocalTextValue;
  type: FormFieldType;
  required?: boolean;
  options?: { value: string; label: LocalTextValue }[];
  /** For `select` and `user`: the value is a list. Options read from the data arrive resolved. */
  multiple?: boolean;
  /** Money bounds are in fen; a string names another field holding the bound. */
  min?: number | string;
  max?: number | string;
  sensitive?: boolean;
  /** Shown partly masked (an ID number) until the reader asks to see it. */
  revealOnly?: boolean;
  /** A line under the input saying how the value is used. */
  hint?: LocalTextValue;
}

/** Narrows the untyped `form` array the API sends to fields this UI can render. */
export function asFormFields(form: unknown): FormFieldSpec[] {
  if (!Array.isArray(form)) return [];
  return form.filter(
    (f): f is FormFieldSpec =>
      !!f && typeof f === 'object' && typeof f.key === 'string' && typeof f.type === 'string' && !!f.label,
  );
}
