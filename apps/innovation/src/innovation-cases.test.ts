import { describe, expect, it } from 'vitest';
import { isInnovationCase, perMonth } from './innovation-cases';

describe('innovation cases', () => {
  it('recognises the department and its proposal process', () => {
    expect(isInnovationCase({ processKey: 'innovation-proposal', department: 'x' })).toBe(true);
    expect(isInnovationCase({ processKey: 'hardship-case', department: 'assistance' })).toBe(false);
  });

  it('counts submissions per month', () => {
    expect(
      perMonth([
        { createdAt: '2026-02-03T00:00:00Z' },
        { createdAt: '2026-01-09T00:00:00Z' },
        { createdAt: '2026-02-20T00:00:00Z' },
      ]),
    ).toEqual([
      ['2026-01', 1],
      ['2026-02', 2],
    ]);
  });
});
