import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, yuanToFen } from './money';

describe('money', () => {
  it('formats fen as yuan with separators', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(30000000)).toBe('¥300,000.00');
    expect(formatFen(-1050)).toBe('-¥10.50');
    expect(formatFen(Number.NaN)).toBe('—');
  });

  it('converts yuan to integer fen without float drift', () => {
    expect(yuanToFen(1.005)).toBe(101);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(20000)).toBe(2000000);
    expect(fenToYuan(2000050)).toBe(20000.5);
  });
});
