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
