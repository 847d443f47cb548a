import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, quotes cells with commas or quotes, and ends lines with CRLF', () => {
    expect(
      toCsv({
        header: ['单位', '金额（元）'],
        rows: [
          ['山钢莱芜分公司工会', 5000],
          ['说 "好", 的', 1.5],
        ],
      }),
    ).toBe('\uFEFF单位,金额（元）\r\n山钢莱芜分公司工会,5000\r\n"说 ""好"", 的",1.5\r\n');
  });
});
