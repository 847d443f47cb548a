import { moneyBoundMessage } from '@unionflow/process-model/display';
import type { FormField } from '@unionflow/process-model/runtime';

/** The most entries a multiple field takes. */
const MAX_LIST = 500;

/**
 * Resolves a min/max bound: a number, or a path into the case data holding one (`awardBand.max`), so a
 * band computed by an earlier step (or chosen by a branch) is enforced when the reviewer decides.
 */
function bound(value: number | string | undefined, data: Record<string, unknown>): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  let v: unknown = data;
  for (const part of value.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** A problem in both languages, written "中文 / English" as every refusal is. */
interface Problem {
  zh: string;
  en: string;
}

/** A multiple field's value: a list of distinct strings, each an option for a select. */
function checkList(field: FormField, value: unknown): Problem | null {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length > 200))
    return { zh: '须为文字列表', en: 'must be a list of texts.' };
  if (value.length > MAX_LIST)
    return { zh: `最多 ${MAX_LIST} 项`, en: `has too many entries (at most ${MAX_LIST}).` };
  if (new Set(value).size !== value.length) return { zh: '有重复的项', en: 'lists an entry twice.' };
  if (field.type === 'select') {
    const unknown = value.filter((v) => !field.options?.some((o) => o.value === v));
    if (unknown.length > 0)
      return {
        zh: `有不在选项中的项：${unknown.join('、')}`,
        en: `has entries that are not options: ${unknown.join(', ')}.`,
      };
  }
  return null;
}

/**
 * Checks submitted values against a step's form; returns readable problems (empty when valid), each
 * "中文 / English" and naming the field by its label, with amounts in yuan, never a key or fen.
 * Bounds may name other data fields, so an award band held in the case data is enforced here.
 * The gateway checks the same first (ADR 020); this is the engine's own guarantee.
 */
export function checkFormData(
  form: FormField[],
  values: Record<string, unknown>,
  caseData: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  const merged = { ...caseData, ...values };
  for (const field of form) {
    const value = values[field.key];
    const zh = field.label.zh;
    const en = field.label.en ?? field.label.zh;
    const say = (p: Problem) => problems.push(`「${zh}」${p.zh} / "${en}" ${p.en}`);
    // An empty list leaves a multiple field unanswered (files keep their historical rule).
    const emptyList = (v: unknown) => field.multiple === true && Array.isArray(v) && v.length === 0;
    if (value === undefined || value === null || value === '' || emptyList(value)) {
      const known = merged[field.key];
      if (field.required && (known === undefined || known === '' || emptyList(known))) {
        say({ zh: '为必填项', en: 'is required.' });
      }
      continue;
    }
    if (field.type === 'number' || field.type === 'money') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        say({ zh: '须为数字', en: 'must be a number.' });
        continue;
      }
      // Beyond 2^53 a number no longer counts exactly (1e300 "fen" is not an amount of money).
      if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
        say({ zh: '数值过大', en: 'is too large.' });
        continue;
      }
      if (field.type === 'money' && !Number.isInteger(value))
        say({ zh: '最多保留两位小数', en: 'may have at most two decimal places.' });
      const min = bound(field.min, merged);
      const max = bound(field.max, merged);
      const low = min !== undefined && value < min;
      const high = max !== undefined && value > max;
      if (field.type === 'money' && (low || high)) {
        problems.push(
          `${moneyBoundMessage(zh, { min, max }, 'zh')} / ${moneyBoundMessage(en, { min, max }, 'en')}`,
        );
      } else {
        if (low) say({ zh: `不能小于 ${min}`, en: `must be at least ${min}.` });
        if (high) say({ zh: `不能大于 ${max}`, en: `must be at most ${max}.` });
      }
    } else if (field.type === 'boolean') {
      if (typeof value !== 'boolean') say({ zh: '须为是或否', en: 'must be true or false.' });
    } else if (field.multiple) {
      const problem = checkList(field, value);
      if (problem) say(problem);
    } else if (field.type === 'select') {
      if (!field.options?.some((o) => o.value === value))
        say({ zh: '不是可选的选项', en: 'is not one of the options.' });
    } else if (field.type === 'file') {
      if (typeof value !== 'string' && !Array.isArray(value))
        say({ zh: '须为上传的文件', en: 'must be a file reference.' });
    } else if (typeof value !== 'string') {
      say({ zh: '须为文字', en: 'must be text.' });
    } else if (value.length > 10_000) {
      say({ zh: '过长（最多 10000 字）', en: 'is too long (at most 10000 characters).' });
    }
  }
  return problems;
}
