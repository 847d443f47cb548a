import { describe, expect, it } from 'vitest';
import { moneyBandText, moneyText } from './money-text';

describe('money as people read it', () => {
  it('uses 万 where the amount is a natural number of 万, yuan with separators otherwise', () => {
    expect(moneyText(5_000_000, 'zh')).toBe('5 万元');
    expect(moneyText(1_250_000, 'zh')).toBe('1.25 万元');
    expect(moneyText(300_000, 'zh')).toBe('3,000 元');
    expect(moneyText(1_234_567, 'zh')).toBe('12,345.67 元');
    expect(moneyText(5_000_000, 'en')).toBe('50,000 yuan');
    expect(moneyText(123_456, 'en')).toBe('1,234.56 yuan');
  });

  it('reads a band once, with the unit at its end', () => {
    expect(moneyBandText(5_000_000, 30_000_000, 'zh')).toBe('5 万–30 万元');
    expect(moneyBandText(200_000, 500_000, 'zh')).toBe('2,000–5,000 元');
    expect(moneyBandText(20_000, 2_000_000, 'zh')).toBe('200 元–2 万元');
    expect(moneyBandText(5_000_000, 30_000_000, 'zh', '至')).toBe('5 万至 30 万元');
    expect(moneyBandText(200_000, 500_000, 'zh', '至')).toBe('2,000 至 5,000 元');
    expect(moneyBandText(5_000_000, 30_000_000, 'en', 'and')).toBe('50,000 and 300,000 yuan');
  });
});
