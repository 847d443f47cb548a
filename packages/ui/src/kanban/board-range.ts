import type { BoardRange } from './analytics-api';

const DAY_MS = 86_400_000;

/** Today in Asia/Shanghai as YYYY-MM-DD (the boards count calendar days there, wherever the browser is). */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last `days` days up to today, inclusive. */
export function lastDays(days: number, now = new Date()): BoardRange {
  const to = shanghaiToday(now);
  const from = new Date(new Date(`${to}T00:00:00Z`).getTime() - (days - 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { from, to };
}

/** The ranges a leader picks from: four weeks, a quarter's twelve weeks, half a year, a year. */
export const RANGE_PRESETS = [28, 84, 182, 365] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
