import type { FormField, ProcessDefinition } from '@unionflow/process-model';
import { validateDefinition } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import {
  buildCondition,
  describeCondition,
  parseCondition,
  storedValue,
  typedValue,
} from './condition-words';
import { blankDefinition, deriveProcessKey } from './new-process';
import { fieldProblems, fromFieldForm, moveField, newFieldKey, toFieldForm } from './start-form';

const amount: FormField = { key: 'amount', label: { zh: '金额', en: 'Amount' }, type: 'money' };
const kind: FormField = {
  key: 'kind',
  label: { zh: '类别', en: 'Kind' },
  type: 'select',
  options: [
    { value: 'opt1', label: { zh: '设备', en: 'Equipment' } },
    { value: 'opt2', label: { zh: '培训', en: 'Training' } },
  ],
};
const fields = [amount, kind];

describe('conditions in words', () => {
  it('reads a money comparison in yuan with two decimals', () => {
    expect(describeCondition({ '>': [{ var: 'data.amount' }, 500000] }, fields, 'zh')).toBe(
      '金额 大于 5,000.00 元',
    );
    expect(describeCondition({ '>': [{ var: 'data.amount' }, 500000] }, fields, 'en')).toBe(
      'Amount greater than 5,000.00 yuan',
    );
  });

  it('reads options by their labels and joins rows with 且', () => {
    const condition = buildCondition([
      { field: 'amount', op: '<=', value: 123456 },
      { field: 'kind', op: '==', value: 'opt2' },
    ]);
    expect(condition).toEqual({
      and: [{ '<=': [{ var: 'data.amount' }, 123456] }, { '==': [{ var: 'data.kind' }, 'opt2'] }],
    });
    expect(describeCondition(condition, fields, 'zh')).toBe('金额 小于等于 1,234.56 元 且 类别 等于 培训');
    expect(parseCondition(condition)).toHaveLength(2);
  });

  it('keeps a condition it cannot show as custom, never as JSON', () => {
    const formula = { '<': [{ var: 'data.income' }, { '*': [{ var: 'data.size' }, 1440000] }] };
    expect(parseCondition(formula)).toBeNull();
    expect(describeCondition(formula, fields, 'zh')).toBe('自定义条件');
    expect(parseCondition({ '>': [{ var: 'amount' }, 1] })).toBeNull();
  });

  it('turns yuan typed in the builder into fen and back', () => {
    expect(storedValue(amount, 5000.5)).toBe(500050);
    expect(typedValue(amount, 500050)).toBe(5000.5);
    expect(storedValue(undefined, 'x')).toBe('x');
  });
});

describe('the start-form field dialog', () => {
  it('stores money bounds in fen and shows them in yuan', () => {
    const field = fromFieldForm(
      { label: { zh: '申请金额' }, type: 'money', required: true, min: 100, max: 5000.5 },
      'field1',
    );
    expect(field).toEqual({
      key: 'field1',
      label: { zh: '申请金额' },
      type: 'money',
      required: true,
      min: 10000,
      max: 500050,
    });
    expect(toFieldForm(field)).toMatchObject({ min: 100, max: 5000.5 });
  });

  it('gives new options fresh values and keeps existing ones', () => {
    const before = kind;
    const values = toFieldForm(before);
    values.options = [...(values.options ?? []), { zh: '差旅' }, { zh: '  ' }];
    const field = fromFieldForm(values, 'kind', before);
    expect(field.options).toEqual([
      { value: 'opt1', label: { zh: '设备', en: 'Equipment' } },
      { value: 'opt2', label: { zh: '培训', en: 'Training' } },
      { value: 'opt3', label: { zh: '差旅' } },
    ]);
  });

  it('drops settings that do not belong to the new type and keeps a bound named by another field', () => {
    const bounded: FormField = { ...amount, min: 'band.min', max: 100000, sensitive: true };
    const asText = fromFieldForm(
      { ...toFieldForm(bounded), type: 'text', sensitive: false },
      'amount',
      bounded,
    );
    expect(asText).toEqual({ key: 'amount', label: { zh: '金额', en: 'Amount' }, type: 'text' });
    const still = fromFieldForm({ ...toFieldForm(bounded), max: 200 }, 'amount', bounded);
    expect(still).toMatchObject({ min: 'band.min', max: 20000, sensitive: true });
  });

  it('says what is missing in words', () => {
    expect(fieldProblems({ label: { zh: '' }, type: 'select', options: [] }, 'zh')).toEqual([
      '请填写字段名称',
      '选择题至少需要一个选项',
    ]);
    expect(fieldProblems({ label: { zh: '金额' }, type: 'money', min: 10, max: 5 }, 'zh')).toEqual([
      '最小值不能大于最大值',
    ]);
  });

  it('moves fields and makes keys no field uses', () => {
    const def = { ...blankDefinition('k', { zh: '测试' }, 'innovation'), form: [amount, kind] };
    expect(moveField(def.form, 1, -1).map((f) => f.key)).toEqual(['kind', 'amount']);
    expect(moveField(def.form, 0, -1)).toBe(def.form);
    expect(newFieldKey(def)).toBe('field3');
    expect(newFieldKey({ ...def, form: [...def.form, { ...amount, key: 'field3' }] })).toBe('field4');
  });
});

describe('a new process', () => {
  it('gets a plain key from its English name or a neutral one, with a random suffix', () => {
    expect(deriveProcessKey('Equipment Grant (2027)!', () => 0.5)).toMatch(
      /^equipment-grant-2027-[0-9a-z]{6}$/,
    );
    expect(deriveProcessKey(undefined, () => 0)).toBe('process-000000');
    expect(deriveProcessKey('补助', () => 0.999999)).toMatch(/^process-[0-9a-z]{6}$/);
    expect(deriveProcessKey('a'.repeat(200))).toMatch(/^a{40}-[0-9a-z]{6}$/);
  });

  it('starts as a draft whose only problem is the approver still to choose', () => {
    const def: ProcessDefinition = blankDefinition('grant-abc123', { zh: '设备补助' }, 'innovation');
    const report = validateDefinition(def, { serviceActions: [] });
    expect(report.errors.map((e) => e.code)).toEqual(['approval-without-assignee']);
  });
});
