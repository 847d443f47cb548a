import { describe, expect, it } from 'vitest';
import { lastDays, shanghaiToday } from './board-range';

describe('board ranges', () => {
  it('counts days in Asia/Shanghai: 20:00 UTC is already the next day there', () => {
    expect(shanghaiToday(new Date('2026-12-06T20:00:00Z'))).toBe('2026-12-07');
  });

  it('takes the last N days up to today, inclusive', () => {
    expect(lastDays(28, new Date('2026-12-06T02:00:00Z'))).toEqual({ from: '2026-11-09', to: '2026-12-06' });
  });
});
