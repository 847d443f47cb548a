import { describe, expect, it } from 'vitest';
import { isInnovationCase } from './innovation-cases';

describe('innovation cases', () => {
  it('recognises the department and its proposal process', () => {
    expect(isInnovationCase({ processKey: 'innovation-proposal', department: 'x' })).toBe(true);
    expect(isInnovationCase({ processKey: 'hardship-case', department: 'assistance' })).toBe(false);
  });
});
