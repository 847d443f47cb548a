import { describe, expect, it } from 'vitest';
import type { FormFieldSpec } from './form-field';
import { boundInWidgetUnits, displayValue, toCaseData, toFormValues } from './form-values';

const fields: FormFieldSpec[] = [
  { key: 'title', label: { zh: '标题' }, type: 'text', required: true },
  { key: 'amount', label: { zh: '金额' }, type: 'money', min: 100, max: 'cap' },
  { key: 'cap', label: { zh: '上限' }, type: 'money' },
  { key: 'people', label: { zh: '人数' }, type: 'number' },
  { key: 'day', label: { zh: '日期' }, type: 'date' },
  { key: 'urgent', label: { zh: '加急' }, type: 'boolean' },
  {
    key: 'tier',
    label: { zh: '类别' },
    type: 'select',
    options: [{ value: 'proposal', label: { zh: '改善提案', en: 'Proposal' } }],
  },
];

describe('toCaseData', () => {
  it('sends money as fen, dates as days, and drops empty optionals', () => {
    const day = { format: (p: string) => (p === 'YYYY-MM-DD' ? '2025-03-08' : '') };
    expect(
      toCaseData(fields, {
        title: '  节能改造 ',
        amount: 1234.56,
        people: '3',
        day,
        tier: 'proposal',
        note: 'x',
      }),
    ).toEqual({
      title: '节能改造',
      amount: 123456,
      people: 3,
      day: '2025-03-08',
      urgent: false,
      tier: 'proposal',
    });
  });

  it('round-trips through toFormValues', () => {
    const data = { title: 'a', amount: 2000050, urgent: true };
    expect(toFormValues(fields, data)).toEqual({ title: 'a', amount: 20000.5, urgent: true });
    expect(toCaseData(fields, toFormValues(fields, data))).toEqual(data);
  });
});

describe('boundInWidgetUnits', () => {
  it('shows money bounds in yuan and follows field references', () => {
    expect(boundInWidgetUnits(fields[1]!, 'min', {})).toBe(1);
    expect(boundInWidgetUnits(fields[1]!, 'max', { cap: 500 })).toBe(500);
    expect(boundInWidgetUnits(fields[1]!, 'max', {})).toBeUndefined();
  });
});

describe('displayValue', () => {
  const words = {
    yes: '是',
    no: '否',
    money: (f: number) => `¥${f / 100}`,
    option: (l: { zh: string }) => l.zh,
  };
  it('renders money, booleans and options', () => {
    expect(displayValue(fields[1], 150, words)).toBe('¥1.5');
    expect(displayValue(fields[5], false, words)).toBe('否');
    expect(displayValue(fields[6], 'proposal', words)).toBe('改善提案');
    expect(displayValue(undefined, null, words)).toBe('—');
  });
});

describe('multiple fields', () => {
  const multi: FormFieldSpec[] = [
    {
      key: 'picked',
      label: { zh: '优秀提案' },
      type: 'select',
      multiple: true,
      options: [
        { value: 'UF1', label: { zh: 'UF1 · 节能' } },
        { value: 'UF2', label: { zh: 'UF2 · 降噪' } },
      ],
    },
    { key: 'people', label: { zh: '标兵' }, type: 'user', multiple: true },
  ];

  it('sends lists, and leaves an empty list out', () => {
    expect(toCaseData(multi, { picked: ['UF1', ' UF2 '], people: [] })).toEqual({ picked: ['UF1', 'UF2'] });
  });

  it('shows each entry by its option label', () => {
    const words = { yes: '是', no: '否', money: String, option: (l: { zh: string }) => l.zh };
    expect(displayValue(multi[0], ['UF1', 'UF2'], words)).toBe('UF1 · 节能、UF2 · 降噪');
    expect(displayValue(multi[1], ['zhangwei', 'lina'], words)).toBe('zhangwei、lina');
  });
});
