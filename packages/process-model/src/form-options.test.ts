import { describe, expect, it } from 'vitest';
import { resolveFieldOptions } from './form-options';
import type { FormField } from './types';

const pick: FormField = {
  key: 'excellent',
  label: { zh: '优秀提案' },
  type: 'select',
  multiple: true,
  options: [{ value: 'none', label: { zh: '无' } }],
  optionsFrom: { path: 'candidates.proposals', value: 'number', label: ['number', 'title'] },
};

describe('resolveFieldOptions', () => {
  it('returns a form without data options unchanged, as the same array', () => {
    const form: FormField[] = [{ key: 'title', label: { zh: '标题' }, type: 'text' }];
    expect(resolveFieldOptions(form, {})).toBe(form);
  });

  it('adds one option per item of the named list, after the static ones, once per value', () => {
    const data = {
      candidates: {
        proposals: [
          { number: 'UF1', title: '节能改造' },
          { number: 'UF2', title: '降噪' },
          { number: 'UF1', title: '重复' },
          { title: '没有编号' },
        ],
      },
    };
    const [field] = resolveFieldOptions([pick], data);
    expect(field?.options).toEqual([
      { value: 'none', label: { zh: '无' } },
      { value: 'UF1', label: { zh: 'UF1 · 节能改造' } },
      { value: 'UF2', label: { zh: 'UF2 · 降噪' } },
    ]);
  });

  it('offers only the static options when the data holds no list there', () => {
    expect(resolveFieldOptions([pick], { candidates: 'oops' })[0]?.options).toEqual(pick.options);
  });
});
