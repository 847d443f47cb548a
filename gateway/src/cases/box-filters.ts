import { isCalendarDate } from '@unionflow/process-model/catalog';
import { type Expression, type SqlBool, sql } from 'kysely';
import { badRequest } from '../errors';

/** Filters every box takes; dates are calendar days in Beijing time, both ends included. */
export interface BoxFilters {
  process?: string;
  from?: string;
  to?: string;
  /** Words to find in the case title or number. */
  q?: string;
  overdue?: boolean;
}

/** Checks the date range: real `YYYY-MM-DD` days, `from` not after `to`; else 400 naming the problem. */
export function checkDateRange(from: string | undefined, to: string | undefined): void {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !isCalendarDate(value))
      throw badRequest(
        `日期 ${name} 应为 YYYY-MM-DD 格式的有效日期 / ${name} must be a real date written YYYY-MM-DD`,
      );
  }
  if (from && to && from > to)
    throw badRequest('开始日期不能晚于结束日期 / the from date must not be after the to date');
}

/**
 * SQL: the instant lies in the date range, read as Beijing days (`from` at 00:00, up to the day after
 * `to` at 00:00). Times are stored UTC; the range is what a person in China picked.
 */
export function inDateRange(at: Expression<unknown>, from?: string, to?: string): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (from) parts.push(sql<SqlBool>`${at} >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (to) parts.push(sql<SqlBool>`${at} < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (parts.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/**
 * SQL over `c` and `pv`: the case's number contains the words, or its title does. `strpos` takes the
 * words literally, so `%` or `_` in a search are characters, never LIKE wildcards. A title that a
 * definition collects in a sensitive start-form field is searched only for its applicant: anyone else
 * may be shown it as `***`, and a match would tell them what it says.
 */
export function matchesKeyword(q: string, userId: string): Expression<SqlBool> {
  const needle = q.trim().toLowerCase();
  const titleSensitive = sql<SqlBool>`(EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(pv.document->'form', '[]'::jsonb)) f
    WHERE f->>'key' = 'title' AND (f->>'sensitive' = 'true' OR f->>'revealOnly' = 'true'))
    OR coalesce(pv.document->'sensitiveDataKeys' ? 'title', false))`;
  return sql<SqlBool>`(strpos(lower(c.number), ${needle}) > 0 OR (strpos(lower(c.title), ${needle}) > 0
    AND (c.applicant_id = ${userId} OR NOT ${titleSensitive})))`;
}

/** SQL: one of the case's open tasks is past its due time. */
export function caseOverdue(): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM tasks ot WHERE ot.case_id = c.id AND ot.status IN ('open', 'claimed') AND ot.due_at < now())`;
}
