import { badRequest } from '../errors';

/** Asia/Shanghai has had no daylight saving since 1991: a calendar day starts at 00:00 +08:00. */
const SHANGHAI_OFFSET = '+08:00';
const DAY_MS = 86_400_000;
/** Two years: a board is a picture of a season or a year, not a data export. */
export const MAX_RANGE_DAYS = 731;
const DEFAULT_DAYS = 84;

/** The days a board covers (inclusive) and the instants that bound them: [fromAt, toAt). */
export interface AnalyticsRange {
  from: string;
  to: string;
  fromAt: Date;
  toAt: Date;
  now: Date;
}

function dayStart(day: string): Date | null {
  const at = new Date(`${day}T00:00:00${SHANGHAI_OFFSET}`);
  // Rejects 2026-02-30 and the like: the date must read back as the same day.
  return Number.isNaN(at.getTime()) || shanghaiDay(at) !== day ? null : at;
}

/** The calendar day in Asia/Shanghai of an instant, as YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Reads `from`/`to` (YYYY-MM-DD, Asia/Shanghai); the default is the 12 weeks up to today. */
export function analyticsRange(query: { from?: string; to?: string }, now = new Date()): AnalyticsRange {
  const to = query.to ?? shanghaiDay(now);
  const toStart = dayStart(to);
  if (!toStart) throw badRequest(`结束日期无效：${to} / "to" is not a calendar date: ${to}`);
  const from = query.from ?? shanghaiDay(new Date(toStart.getTime() - (DEFAULT_DAYS - 1) * DAY_MS));
  const fromAt = dayStart(from);
  if (!fromAt) throw badRequest(`开始日期无效：${from} / "from" is not a calendar date: ${from}`);
  if (fromAt > toStart) throw badRequest(`开始日期晚于结束日期 / "from" (${from}) is after "to" (${to})`);
  const days = (toStart.getTime() - fromAt.getTime()) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS)
    throw badRequest(
      `统计区间最长 ${MAX_RANGE_DAYS} 天（当前 ${days} 天） / the range may span at most ${MAX_RANGE_DAYS} days (${days} asked)`,
    );
  return { from, to, fromAt, toAt: new Date(toStart.getTime() + DAY_MS), now };
}

/** What a response echoes of the range. */
export function rangeView(range: AnalyticsRange) {
  return { from: range.from, to: range.to, generatedAt: range.now.toISOString() };
}
