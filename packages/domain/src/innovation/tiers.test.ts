import { describe, expect, it } from 'vitest';
import { awardBandFor, defaultAwardBands, mentorAwardFen, quarterRange, yearRange } from './tiers';

describe('award bands', () => {
  it('reads the band of a tier from the table', () => {
    expect(awardBandFor('breakthrough', defaultAwardBands)).toEqual({
      tier: 'breakthrough',
      min: 5_000_000,
      max: 30_000_000,
    });
  });
  it('refuses unknown tiers and malformed bands', () => {
    expect(() => awardBandFor('nope', defaultAwardBands)).toThrow(/No award band/);
    expect(() => awardBandFor('x', { x: { min: 10, max: 5 } })).toThrow(/min ≤ max/);
    expect(() => awardBandFor('x', { x: { min: 1.5, max: 5 } })).toThrow(/whole fen/);
  });
});

describe('mentor award', () => {
  it('is a percentage of the apprentice award, rounded down', () => {
    expect(mentorAwardFen(1_000_000, 10)).toBe(100_000);
    expect(mentorAwardFen(999, 10)).toBe(99);
    expect(mentorAwardFen(0, 10)).toBe(0);
  });
  it('refuses nonsense', () => {
    expect(() => mentorAwardFen(-1, 10)).toThrow(RangeError);
    expect(() => mentorAwardFen(100, 101)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it('turns a quarter into a half-open range in China time', () => {
    const q = quarterRange('2026-Q4');
    expect(q.from.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(q.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(quarterRange('2026q1').to.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(() => quarterRange('2026-Q5')).toThrow(/quarter/);
  });
  it('turns a year into a range', () => {
    expect(yearRange(2026).from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(() => yearRange(1.5)).toThrow();
  });
});
