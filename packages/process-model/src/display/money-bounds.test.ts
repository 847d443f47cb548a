import { describe, expect, it } from 'vitest';
import { amountName, moneyBoundHint, moneyBoundMessage } from './money-bounds';

describe('money bounds in words', () => {
  const band = { min: 5_000_000, max: 30_000_000 };

  it('names the field without its unit and speaks yuan, never fen or the key', () => {
    expect(amountName('奖励金额（元）')).toBe('奖励金额');
    expect(amountName('Award (yuan)')).toBe('Award');
    expect(amountName('金额')).toBe('金额');
    expect(moneyBoundMessage('奖励金额（元）', band, 'zh')).toBe('奖励金额须在 5 万至 30 万元之间');
    expect(moneyBoundMessage('Award (yuan)', band, 'en')).toBe(
      'Award must be between 50,000 and 300,000 yuan',
    );
    expect(moneyBoundMessage('实付金额（元）', { min: 123_456 }, 'zh')).toBe('实付金额不能少于 1,234.56 元');
    expect(moneyBoundMessage('Amount paid (yuan)', { max: 200_000 }, 'en')).toBe(
      'Amount paid must be at most 2,000 yuan',
    );
  });

  it('hints the allowed range, and says nothing for a bare "not negative"', () => {
    expect(moneyBoundHint(band, 'zh')).toBe('可填 5 万–30 万元');
    expect(moneyBoundHint(band, 'en')).toBe('Allowed: 50,000–300,000 yuan');
    expect(moneyBoundHint({ min: 0 }, 'zh')).toBeNull();
    expect(moneyBoundHint({ min: 100 }, 'zh')).toBe('不少于 1 元');
    expect(moneyBoundHint({}, 'en')).toBeNull();
  });
});
