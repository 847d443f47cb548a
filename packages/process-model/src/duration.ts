import type { DurationText } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds per duration unit; a year is 365 days so deadlines never depend on a calendar. */
export const DURATION_UNITS = { s: SECOND, m: MINUTE, h: HOUR, d: DAY, y: 365 * DAY } as const;

export type DurationUnit = keyof typeof DURATION_UNITS;

const PATTERN = /^(\d+)([smhdy])$/;

/** Thrown for text that is not a duration; the message says what a valid one looks like. */
export class DurationError extends Error {
  constructor(readonly text: unknown) {
    super(
      `Invalid duration ${JSON.stringify(text)}: write a whole number followed by s, m, h, d or y ` +
        '(for example 30s, 15m, 4h, 7d, 1y).',
    );
    this.name = 'DurationError';
  }
}

/** `'30s' | '15m' | '4h' | '7d' | '1y'` → milliseconds (1y = 365d); throws DurationError on bad input. */
export function parseDuration(text: DurationText): number {
  const ms = tryParseDuration(text);
  if (ms === undefined) throw new DurationError(text);
  return ms;
}

/** `7d` → `{ count: 7, unit: 'd' }`; undefined for anything that is not a duration text. */
export function splitDuration(text: unknown): { count: number; unit: DurationUnit } | undefined {
  if (typeof text !== 'string') return undefined;
  const match = PATTERN.exec(text);
  return match ? { count: Number(match[1]), unit: match[2] as DurationUnit } : undefined;
}

/** Like parseDuration but returns undefined instead of throwing. */
export function tryParseDuration(text: unknown): number | undefined {
  const parts = splitDuration(text);
  if (!parts) return undefined;
  const ms = parts.count * DURATION_UNITS[parts.unit];
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** True when the text parses as a duration. */
export function isDuration(text: unknown): text is DurationText {
  return tryParseDuration(text) !== undefined;
}

const LARGEST_FIRST: DurationUnit[] = ['y', 'd', 'h', 'm', 's'];

/** Milliseconds → canonical duration text in the largest exact unit (`90m` stays `90m`, `120m` is `2h`); sub-second parts round up. */
export function formatDuration(ms: number): DurationText {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Cannot format a duration of ${ms} ms.`);
  const seconds = Math.ceil(ms / SECOND);
  if (seconds === 0) return '0s';
  for (const unit of LARGEST_FIRST) {
    const size = DURATION_UNITS[unit] / SECOND;
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

const UNIT_WORDS: Record<DurationUnit, { zh: string; en: [string, string] }> = {
  s: { zh: '秒', en: ['second', 'seconds'] },
  m: { zh: '分钟', en: ['minute', 'minutes'] },
  h: { zh: '小时', en: ['hour', 'hours'] },
  d: { zh: '天', en: ['day', 'days'] },
  y: { zh: '年', en: ['year', 'years'] },
};

/** The units a person picks a duration in, largest last: what a deadline or a timer is written in. */
export const PICKABLE_DURATION_UNITS: readonly DurationUnit[] = ['m', 'h', 'd', 'y'];

/** A unit's name for a picker: `d` → `天` / `days`. */
export function durationUnitName(unit: DurationUnit, locale: 'zh' | 'en' = 'zh'): string {
  return locale === 'zh' ? UNIT_WORDS[unit].zh : UNIT_WORDS[unit].en[1];
}

/** Human wording of a duration text: `7d` → `7 天` / `7 days`. Invalid text is returned unchanged. */
export function describeDuration(text: DurationText, locale: 'zh' | 'en' = 'zh'): string {
  const parts = splitDuration(text);
  if (!parts) return text;
  const { count } = parts;
  const words = UNIT_WORDS[parts.unit];
  return locale === 'zh' ? `${count} ${words.zh}` : `${count} ${words.en[count === 1 ? 0 : 1]}`;
}
