import type { FormField } from '@unionflow/process-model';
import { type FenBounds, moneyBoundMessage } from '@unionflow/process-model/display';
import type { FieldError } from '../errors';

/**
 * A min/max bound in fen: a number, or a path into the case data holding one (`awardBand.max`, a band
 * an earlier step computed). Resolved the way the engine resolves it, so both refuse the same amounts.
 */
export function resolveBound(
  bound: number | string | undefined,
  data: Record<string, unknown>,
): number | undefined {
  if (typeof bound === 'number') return bound;
  if (typeof bound !== 'string') return undefined;
  let v: unknown = data;
  for (const part of bound.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** A money field's bounds against the case data and the values being sent. */
export function moneyBounds(field: FormField, data: Record<string, unknown>): FenBounds {
  return { min: resolveBound(field.min, data), max: resolveBound(field.max, data) };
}

/**
 * Amounts outside their field's bounds, each as one sentence in both languages with the field's name
 * and the range in yuan ("奖励金额须在 5 万至 30 万元之间 / Award must be between 50,000 and 300,000
 * yuan"): never the data key, never fen. The engine refuses the same amounts, in its own words.
 */
export function moneyBoundProblems(
  form: FormField[],
  values: Record<string, unknown>,
  caseData: Record<string, unknown> = {},
): FieldError[] {
  const merged = { ...caseData, ...values };
  return form
    .filter((f) => f.type === 'money' && typeof values[f.key] === 'number')
    .flatMap((f) => {
      const value = values[f.key] as number;
      const bounds = moneyBounds(f, merged);
      const below = bounds.min !== undefined && value < bounds.min;
      const above = bounds.max !== undefined && value > bounds.max;
      if (!below && !above) return [];
      const zh = moneyBoundMessage(f.label.zh, bounds, 'zh');
      const en = moneyBoundMessage(f.label.en ?? f.label.zh, bounds, 'en');
      return [{ path: `/data/${f.key}`, message: `${zh} / ${en}` }];
    });
}

/**
 * A task's form as the case page shows it: money bounds that point into the case data (an award band)
 * resolved to amounts, so the form can show the allowed range before anyone types. Bounds naming a
 * field of the same form stay as they are: the form resolves those as the reviewer fills it.
 */
export function withResolvedMoneyBounds(form: unknown[], data: Record<string, unknown>): unknown[] {
  return form.map((entry) => {
    const f = entry as FormField;
    if (!f || f.type !== 'money') return entry;
    const own = new Set((form as FormField[]).map((x) => x?.key));
    const resolved = { ...f };
    for (const which of ['min', 'max'] as const) {
      const bound = f[which];
      if (typeof bound !== 'string' || own.has(bound)) continue;
      const amount = resolveBound(bound, data);
      if (amount === undefined) delete resolved[which];
      else resolved[which] = amount;
    }
    return resolved;
  });
}
