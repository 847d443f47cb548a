import { describe, expect, it } from 'vitest';
import { formatResult, MASKED_VALUE } from './format-result';
import type { ResultSchema } from './result-schema';

const schema: ResultSchema = {
  fields: {
    found: { label: { zh: '查到数据', en: 'Found' }, type: 'boolean' },
    perCapitaFen: { label: { zh: '人均收入', en: 'Per person' }, type: 'money' },
    ref: { label: { zh: '编号', en: 'Ref' }, type: 'text', hidden: true },
  },
};

describe('a result as rows', () => {
  it('keeps the declared order, leaves out hidden and undeclared keys', () => {
    const rows = formatResult(schema, { extraKey: 'x', ref: 'r-1', perCapitaFen: 80_000, found: true }, 'zh');
    expect(rows).toEqual([
      { key: 'found', label: '查到数据', value: '是' },
      { key: 'perCapitaFen', label: '人均收入', value: '800 元' },
    ]);
  });

  it('says a masked value is masked, whole or in part', () => {
    expect(formatResult(schema, MASKED_VALUE, 'zh')).toEqual([{ key: '', label: '', value: '***' }]);
    expect(formatResult(schema, { found: true, perCapitaFen: MASKED_VALUE }, 'en')[1]?.value).toBe('***');
  });
});
