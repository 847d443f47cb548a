import type { FormField } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { fieldText, shanghaiTime } from './field-text';

const people = new Map([['lina', '李娜']]);
const f = (type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({
  key: 'k',
  label: { zh: '字段', en: 'Field' },
  type,
  ...extra,
});
const cause = f('select', {
  options: [
    { value: 'illness', label: { zh: '因病', en: 'Illness' } },
    { value: 'disaster', label: { zh: '因灾', en: 'Disaster' } },
  ],
});

describe('how the approval form prints a value', () => {
  it('writes money in yuan, with 万 where it reads naturally, and in English words', () => {
    expect(fieldText(f('money'), 120_000, 'zh', people)).toBe('1,200 元');
    expect(fieldText(f('money'), 5_000_000, 'zh', people)).toBe('5 万元');
    expect(fieldText(f('money'), 123_456, 'en', people)).toBe('1,234.56 yuan');
  });

  it('names options by their label, never the code; a code no option has reads as unknown', () => {
    expect(fieldText(cause, 'illness', 'zh', people)).toBe('因病');
    expect(fieldText(cause, ['illness', 'disaster'], 'zh', people)).toBe('因病、因灾');
    expect(fieldText(cause, ['illness', 'disaster'], 'en', people)).toBe('Illness, Disaster');
    expect(fieldText(cause, 'flood-2026', 'zh', people)).toBe('（未知选项）');
  });

  it('names people, says yes or no, counts attachments and keeps a masked value masked', () => {
    expect(fieldText(f('user'), 'lina', 'zh', people)).toBe('李娜');
    expect(fieldText(f('boolean'), false, 'zh', people)).toBe('否');
    expect(fieldText(f('file'), ['a', 'b'], 'zh', people)).toBe('附件 2 个');
    expect(fieldText(f('money', { sensitive: true }), '***', 'zh', people)).toBe('***');
    expect(fieldText(f('text'), undefined, 'zh', people)).toBe('—');
  });

  it('writes times in Asia/Shanghai whatever zone the server runs in', () => {
    expect(shanghaiTime('2026-12-06T23:30:00Z')).toBe('2026-12-07 07:30');
  });
});
