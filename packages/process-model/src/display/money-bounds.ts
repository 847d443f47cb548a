import { type DisplayLanguage, moneyBandText, moneyText } from './money-text';

/**
 * A money field's name without the unit its label carries for the input ("奖励金额（元）" →
 * "奖励金额", "Award (yuan)" → "Award"): a sentence about the amount states the unit itself.
 */
export function amountName(label: string): string {
  return label.replace(/\s*[（(]\s*(元|yuan|CNY|RMB)\s*[)）]\s*$/i, '').trim() || label;
}

/** Bounds of a money field in fen; either may be missing. */
export interface FenBounds {
  min?: number | undefined;
  max?: number | undefined;
}

/**
 * What a money field must be, as one sentence with the field's name and the amounts in yuan:
 * "奖励金额须在 5 万至 30 万元之间" / "Award must be between 50,000 and 300,000 yuan".
 */
export function moneyBoundMessage(label: string, bounds: FenBounds, lang: DisplayLanguage): string {
  const name = amountName(label);
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) {
    return lang === 'zh'
      ? `${name}须在 ${moneyBandText(min, max, 'zh', '至')}之间`
      : `${name} must be between ${moneyBandText(min, max, 'en', 'and')}`;
  }
  if (min !== undefined)
    return lang === 'zh'
      ? `${name}不能少于 ${moneyText(min, 'zh')}`
      : `${name} must be at least ${moneyText(min, 'en')}`;
  if (max !== undefined)
    return lang === 'zh'
      ? `${name}不能超过 ${moneyText(max, 'zh')}`
      : `${name} must be at most ${moneyText(max, 'en')}`;
  return name;
}

/**
 * The allowed range shown under a money input before anyone types ("可填 5 万–30 万元"), or null
 * when there is nothing worth saying (no bound, or only "not negative").
 */
export function moneyBoundHint(bounds: FenBounds, lang: DisplayLanguage): string | null {
  const min = bounds.min === 0 && bounds.max === undefined ? undefined : bounds.min;
  const { max } = bounds;
  if (min !== undefined && max !== undefined)
    return lang === 'zh'
      ? `可填 ${moneyBandText(min, max, 'zh')}`
      : `Allowed: ${moneyBandText(min, max, 'en')}`;
  if (min !== undefined)
    return lang === 'zh' ? `不少于 ${moneyText(min, 'zh')}` : `At least ${moneyText(min, 'en')}`;
  if (max !== undefined)
    return lang === 'zh' ? `不超过 ${moneyText(max, 'zh')}` : `At most ${moneyText(max, 'en')}`;
  return null;
}
