import { describe, expect, it } from 'vitest';
import { outcomeText } from './outcome-text';

describe('a case outcome as people read it', () => {
  it('is the end step that set it, or the status; never the code', () => {
    const referred = {
      outcome: 'referred-to-arbitration',
      outcomeName: { zh: '移送劳动仲裁', en: 'Referred to arbitration' },
      status: 'completed',
    };
    expect(outcomeText(referred, 'zh-CN')).toBe('移送劳动仲裁');
    expect(outcomeText(referred, 'en')).toBe('Referred to arbitration');
    expect(outcomeText({ outcome: 'withdrawn', outcomeName: null, status: 'withdrawn' }, 'zh-CN')).toBe(
      '已撤回',
    );
    expect(outcomeText({ outcome: 'odd-code', status: 'weird' }, 'zh-CN')).toBeNull();
    expect(outcomeText({ outcome: null, status: 'running' }, 'zh-CN')).toBeNull();
  });
});
