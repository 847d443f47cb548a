import { type FenBounds, moneyBoundHint, moneyBoundMessage } from '@unionflow/contracts/vocabulary';
import { yuanToFen } from '../format/money';
import type { FormFieldSpec } from './form-field';

const language = (lng: string) => (lng.startsWith('en') ? 'en' : 'zh');

/**
 * A money field's bounds in fen. A number is fen already; a string names another field of the form,
 * whose widget holds yuan (unknown until it is filled, and not known at all before anyone types).
 */
export function moneyBoundsInFen(field: FormFieldSpec, values: Record<string, unknown> = {}): FenBounds {
  const fen = (bound: number | string | undefined) => {
    if (typeof bound === 'number') return bound;
    const ref = typeof bound === 'string' ? values[bound] : undefined;
    return typeof ref === 'number' ? yuanToFen(ref) : undefined;
  };
  return { min: fen(field.min), max: fen(field.max) };
}

/** The allowed range shown under a money input before anyone types ("可填 5 万–30 万元"), or null. */
export function moneyHint(field: FormFieldSpec, lng: string): string | null {
  return field.type === 'money' ? moneyBoundHint(moneyBoundsInFen(field), language(lng)) : null;
}

/** An amount out of range, said as the gateway says it: "奖励金额须在 5 万至 30 万元之间". */
export function moneyRangeMessage(
  field: FormFieldSpec,
  label: string,
  values: Record<string, unknown>,
  lng: string,
): string {
  return moneyBoundMessage(label, moneyBoundsInFen(field, values), language(lng));
}
