import type { Label } from '../catalog';

/** How one value of a service result reads. `money` is integer fen; `datetime` an ISO instant. */
export type ResultScalarType = 'money' | 'enum' | 'boolean' | 'date' | 'datetime' | 'text' | 'number';

/** A single value: its type, the labels of an enum's codes, the unit a number is counted in. */
export interface ResultScalarSpec {
  type: ResultScalarType;
  /** `enum`: every code the action may return, with its label. */
  options?: Record<string, Label>;
  /** `number`: what is counted ("次" / "sessions"). */
  unit?: Label;
}

/** A list entry that is an object (a candidate, a ranking line): its own fields. */
export interface ResultRecordSpec {
  type: 'record';
  fields: Record<string, ResultFieldSpec>;
}

/** A list: of codes, texts or amounts, or of records. */
export interface ResultListSpec {
  type: 'list';
  of: ResultScalarSpec | ResultRecordSpec;
}

/** One key of a service result: its label and how its value reads; `hidden` for internal ids. */
export type ResultFieldSpec = (ResultScalarSpec | ResultListSpec) & {
  label: Label;
  /** An internal key (an id, a reference): never shown to a person. */
  hidden?: boolean;
};

/** Two money keys read as one band ("5 万–30 万元"), shown where `min` stands. */
export interface ResultBandSpec {
  label: Label;
  min: string;
  max: string;
}

/** What a service action returns, key by key, as people read it. */
export interface ResultSchema {
  fields: Record<string, ResultFieldSpec>;
  bands?: ResultBandSpec[];
}
