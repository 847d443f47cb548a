import type { FormField } from '@unionflow/process-model';

/**
 * Branch conditions in words. A definition stores JSON Logic over `data.<field>`; the designer shows
 * and edits the simple shapes an admin writes (a field compared with a value, several joined by 且)
 * as rows of field, comparison and value, with money in yuan. Anything else is kept as it is and
 * shown as a custom condition.
 */

type Lang = 'zh' | 'en';

/** The comparisons a row may use, in menu order, with their words. */
export const COMPARISONS = {
  '>': { zh: '大于', en: 'greater than' },
  '>=': { zh: '大于等于', en: 'at least' },
  '<': { zh: '小于', en: 'less than' },
  '<=': { zh: '小于等于', en: 'at most' },
  '==': { zh: '等于', en: 'equals' },
  '!=': { zh: '不等于', en: 'is not' },
} as const;
export type Comparison = keyof typeof COMPARISONS;

/** One row: `field` compared with `value` (money in fen, as stored). */
export interface ConditionRow {
  field: string;
  op: Comparison;
  value: string | number | boolean;
}

const ORDERED = new Set(['number', 'money', 'date']);

/** The comparisons that make sense for a field: order only for numbers, money and dates. */
export function comparisonsFor(field: FormField | undefined): Comparison[] {
  return field && ORDERED.has(field.type) ? ['>', '>=', '<', '<=', '==', '!='] : ['==', '!='];
}

/** Fields a condition can test: those whose value is one thing to compare (not files or lists). */
export function conditionFields(fields: FormField[]): FormField[] {
  return fields.filter(
    (f) => ['number', 'money', 'date', 'select', 'boolean', 'text'].includes(f.type) && !f.multiple,
  );
}

function rowOf(expr: unknown): ConditionRow | null {
  if (!expr || typeof expr !== 'object' || Array.isArray(expr)) return null;
  const entries = Object.entries(expr as Record<string, unknown>);
  if (entries.length !== 1) return null;
  const [op, args] = entries[0] as [string, unknown];
  if (!(op in COMPARISONS) || !Array.isArray(args) || args.length !== 2) return null;
  const [left, right] = args as [unknown, unknown];
  const path = (left as { var?: unknown } | null)?.var;
  if (typeof path !== 'string' || !path.startsWith('data.') || path.includes('.', 5)) return null;
  if (!['string', 'number', 'boolean'].includes(typeof right)) return null;
  return { field: path.slice(5), op: op as Comparison, value: right as ConditionRow['value'] };
}

/** The rows a condition is made of, or null when it is not one the builder can show. */
export function parseCondition(condition: unknown): ConditionRow[] | null {
  const single = rowOf(condition);
  if (single) return [single];
  const all = (condition as { and?: unknown } | null)?.and;
  if (!Array.isArray(all) || all.length === 0) return null;
  const rows = all.map(rowOf);
  return rows.every((r) => r !== null) ? (rows as ConditionRow[]) : null;
}

/** The JSON Logic the rows stand for: one comparison, or all of them. */
export function buildCondition(rows: ConditionRow[]): Record<string, unknown> {
  const exprs = rows.map((r) => ({ [r.op]: [{ var: `data.${r.field}` }, r.value] }));
  return exprs.length === 1 ? (exprs[0] as Record<string, unknown>) : { and: exprs };
}

/** "5,000.00" for 500000 fen: yuan with two decimals, as a condition reads. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** A row's value in words: money in yuan, options by label, yes/no. */
export function valueText(field: FormField | undefined, value: ConditionRow['value'], lang: Lang): string {
  if (field?.type === 'money' && typeof value === 'number')
    return lang === 'zh' ? `${yuanText(value)} 元` : `${yuanText(value)} yuan`;
  if (typeof value === 'boolean') return value ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (field?.type === 'select') {
    const option = field.options?.find((o) => o.value === value);
    if (option) return (lang === 'en' && option.label.en) || option.label.zh;
  }
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  return lang === 'zh' ? `「${value}」` : `"${value}"`;
}

function fieldName(field: FormField | undefined, lang: Lang): string {
  // A new branch's placeholder, or a field since removed from the form: either way, one to choose.
  if (!field) return lang === 'zh' ? '（请选择字段）' : '(choose a field)';
  return (lang === 'en' && field.label.en) || field.label.zh;
}

/** A condition in words: "金额 大于 5,000.00 元 且 类别 等于 设备"; a custom one says so. */
export function describeCondition(condition: unknown, fields: FormField[], lang: Lang): string {
  if (condition === true) return lang === 'zh' ? '总是' : 'always';
  const rows = parseCondition(condition);
  if (!rows) return lang === 'zh' ? '自定义条件' : 'custom condition';
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return rows
    .map((r) => {
      const field = byKey.get(r.field);
      return `${fieldName(field, lang)} ${COMPARISONS[r.op][lang]} ${valueText(field, r.value, lang)}`;
    })
    .join(lang === 'zh' ? ' 且 ' : ' and ');
}

/** A value typed in the builder as stored: yuan to fen for money, numbers as numbers. */
export function storedValue(field: FormField | undefined, typed: unknown): ConditionRow['value'] {
  if (field?.type === 'money') return Math.round(Number(typed ?? 0) * 100);
  if (field?.type === 'number') return Number(typed ?? 0);
  if (field?.type === 'boolean') return typed === true || typed === 'true';
  return String(typed ?? '');
}

/** A stored value as the builder's input shows it: fen to yuan for money. */
export function typedValue(field: FormField | undefined, value: ConditionRow['value']): unknown {
  if (field?.type === 'money' && typeof value === 'number') return value / 100;
  return value;
}
