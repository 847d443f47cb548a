import { describe, expect, it } from 'vitest';
import { alreadySeen, noteSeen } from './seen-projections';

describe('the echo of our own decision', () => {
  it('is skipped up to the projection the answer reflected, and later changes are not', () => {
    expect(alreadySeen('c1', 3)).toBe(false);
    noteSeen('c1', 4);
    expect(alreadySeen('c1', 3)).toBe(true);
    expect(alreadySeen('c1', 4)).toBe(true);
    expect(alreadySeen('c1', 5)).toBe(false);
    expect(alreadySeen('c2', 1)).toBe(false);
    // An event without a seq (older gateways) always refreshes.
    expect(alreadySeen('c1', undefined)).toBe(false);
  });
});
