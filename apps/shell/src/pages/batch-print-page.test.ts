import { describe, expect, it } from 'vitest';
import { batchIds, MAX_BATCH } from './batch-print-page';

describe('the cases of a batch print', () => {
  it('reads distinct ids in the order given, ignoring blanks', () => {
    expect(batchIds('c-2, c-1,,c-2')).toEqual(['c-2', 'c-1']);
    expect(batchIds(null)).toEqual([]);
  });
  it('prints at most one batch of forms', () => {
    const many = Array.from({ length: MAX_BATCH + 10 }, (_, i) => `c-${i}`).join(',');
    expect(batchIds(many)).toHaveLength(MAX_BATCH);
  });
});
