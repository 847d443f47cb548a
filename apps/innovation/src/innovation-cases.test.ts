import { describe, expect, it } from 'vitest';
import { countByStatus, isInnovationCase } from './innovation-cases';

describe('innovation cases', () => {
  it('keeps only the innovation programme', () => {
    expect(isInnovationCase({ processKey: 'innovation-proposal', department: 'labour' })).toBe(true);
    expect(isInnovationCase({ processKey: 'hardship-case', department: 'assistance' })).toBe(false);
  });

  it('counts by status', () => {
    expect(countByStatus([{ status: 'running' }, { status: 'running' }, { status: 'completed' }])).toEqual({
      total: 3,
      running: 2,
      completed: 1,
    });
  });
});
