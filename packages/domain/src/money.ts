import type { Label } from '@unionflow/process-model/catalog';

/** A payment's state (the `payments` table): paid, or taken back by a compensation. */
export const PAYMENT_STATUSES = {
  paid: { zh: '已发放', en: 'Paid' },
  reclaimed: { zh: '已收回', en: 'Reclaimed' },
} as const satisfies Record<string, Label>;

/** Yuan → integer fen; amounts are stored and computed in fen so no rounding error can creep in. */
export function yuan(amount: number): number {
  const fen = Math.round(amount * 100);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Amount out of range: ${amount}`);
  return fen;
}

/** Checks a value is a whole, non-negative number of fen. */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A band of amounts in fen, inclusive at both ends. */
export interface FenBand {
  min: number;
  max: number;
}
