import { laborDispute } from '@unionflow/domain';
import { describe, expect, it } from 'vitest';
import { templateToWords, titleWords, wordsToTemplate } from './title-words';

describe('the title template in words', () => {
  const words = titleWords(laborDispute, 'zh');

  it('reads the stored keys as labels and writes labels back as keys', () => {
    const stored = laborDispute.titleTemplate!;
    const read = templateToWords(stored, words);
    expect(read).toBe('{职工姓名}·{争议类型}·{用人单位}');
    expect(wordsToTemplate(read, words)).toBe(stored);
    expect(wordsToTemplate('{申请人}：{争议类型}', words)).toBe('{applicant}：{claimType}');
  });

  it('offers no sensitive or long field, and keeps what it does not know for the validator to name', () => {
    const labels = words.map((w) => w.label);
    expect(labels).toContain('申请人');
    expect(labels).not.toContain('职工联系方式');
    expect(labels).not.toContain('事实与理由');
    expect(wordsToTemplate('{没有这个}', words)).toBe('{没有这个}');
  });
});
