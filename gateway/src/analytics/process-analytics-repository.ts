import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { type AnalyticsRange, shanghaiDay } from './analytics-range';
import { type BucketCount, histogramPercentile } from './duration-histogram';

/** What every process query needs: the process, the units in scope and the range. */
export interface ProcessQuery {
  processKey: string;
  orgIds: string[];
  range: AnalyticsRange;
}

type StepName = { zh: string; en?: string } | null;

/** The days of the range in the rollups, which are keyed by the Asia/Shanghai day (ADR 036). */
function days(q: ProcessQuery) {
  return sql`r.process_key = ${q.processKey} AND r.day >= ${q.range.from}::date AND r.day <= ${q.range.to}::date
    AND r.org_id = ANY(${q.orgIds}::text[])`;
}

/** Cases started and cases ended per week (Monday, Asia/Shanghai), from the per-day rollup. */
export async function weeklyFlow(db: Kysely<Database>, q: ProcessQuery) {
  const { rows } = await sql<{ week: string; started: number; finished: number }>`
    SELECT to_char(date_trunc('week', r.day), 'YYYY-MM-DD') AS week,
      sum(r.started)::int AS started, sum(r.finished)::int AS finished
    FROM analytics_case_days r WHERE ${days(q)} GROUP BY 1`.execute(db);
  return {
    started: rows.filter((r) => r.started > 0).map((r) => ({ week: r.week, n: r.started })),
    finished: rows.filter((r) => r.finished > 0).map((r) => ({ week: r.week, n: r.finished })),
  };
}

/** Running cases of the process in scope. */
export async function openCaseCount(db: Kysely<Database>, q: ProcessQuery): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM cases c
    WHERE c.process_key = ${q.processKey} AND c.status = 'running' AND c.org_id = ANY(${q.orgIds}::text[])`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Median and 90th percentile of the time from a task opening to its decision, per step, in hours: read
 * from the summed duration histogram of the cohort (within 2.5% or 30 s of the exact value, ADR 036).
 */
export async function stepTimes(db: Kysely<Database>, q: ProcessQuery) {
  const { rows } = await sql<{ node_id: string; step_name: StepName; bucket: number; n: number }>`
    SELECT r.node_id, (array_agg(r.step_name))[1] AS step_name, r.bucket, sum(r.completed)::int AS n
    FROM analytics_step_durations r WHERE ${days(q)}
    GROUP BY r.node_id, r.bucket HAVING sum(r.completed) > 0`.execute(db);
  const steps = new Map<string, { step_name: StepName; buckets: BucketCount[] }>();
  for (const r of rows) {
    const s = steps.get(r.node_id) ?? { step_name: r.step_name, buckets: [] };
    s.step_name ??= r.step_name;
    s.buckets.push({ bucket: r.bucket, n: r.n });
    steps.set(r.node_id, s);
  }
  return [...steps.entries()]
    .map(([node_id, s]) => ({
      node_id,
      step_name: s.step_name,
      completed: s.buckets.reduce((n, b) => n + b.n, 0),
      median_hours: histogramPercentile(s.buckets, 0.5) / 3600,
      p90_hours: histogramPercentile(s.buckets, 0.9) / 3600,
    }))
    .sort((a, b) => b.median_hours - a.median_hours);
}

/** Where open cases wait now: cases per step with an open task, and since when the oldest waits. */
export async function waitingNow(db: Kysely<Database>, q: ProcessQuery) {
  const { rows } = await sql<{ node_id: string; step_name: StepName; open: number; oldest: Date }>`
    SELECT t.node_id, (array_agg(t.step_name))[1] AS step_name, count(DISTINCT c.id)::int AS open,
      min(t.created_at) AS oldest
    FROM cases c JOIN tasks t ON t.case_id = c.id AND t.status IN ('open', 'claimed')
    WHERE c.process_key = ${q.processKey} AND c.status = 'running' AND c.org_id = ANY(${q.orgIds}::text[])
    GROUP BY t.node_id
    ORDER BY open DESC, oldest`.execute(db);
  return rows;
}

/**
 * Per step and unit over the cohort (cases started in the range): deadlines that passed (`overdue`),
 * escalations, times the step opened and returns from it, summed from the per-day rollup of the timeline.
 */
export async function stepEvents(db: Kysely<Database>, q: ProcessQuery) {
  const { rows } = await sql<{
    node_id: string;
    org_id: string;
    step_name: StepName;
    opened: number;
    returned: number;
    overdue: number;
    escalated: number;
  }>`
    SELECT r.node_id, r.org_id, (array_agg(r.step_name) FILTER (WHERE r.step_name IS NOT NULL))[1] AS step_name,
      sum(r.opened)::int AS opened, sum(r.returned)::int AS returned,
      sum(r.overdue)::int AS overdue, sum(r.escalated)::int AS escalated
    FROM analytics_step_days r WHERE ${days(q)}
    GROUP BY r.node_id, r.org_id
    HAVING sum(r.opened) <> 0 OR sum(r.returned) <> 0 OR sum(r.overdue) <> 0 OR sum(r.escalated) <> 0`.execute(
    db,
  );
  return rows;
}

/**
 * The federation board: per process in scope, started and ended in the range (rollup), open now (live, off
 * the partial index on running cases) and overdue now (rollup and index, ADR 041), each in one pass over
 * all processes.
 */
export async function processTotals(
  db: Kysely<Database>,
  q: { orgIds: string[]; range: AnalyticsRange; processKeys: string[] },
) {
  if (q.processKeys.length === 0) return [];
  const flow = await sql<{ process_key: string; started: number; finished: number }>`
    SELECT r.process_key, sum(r.started)::int AS started, sum(r.finished)::int AS finished
    FROM analytics_case_days r
    WHERE r.process_key = ANY(${q.processKeys}::text[]) AND r.day >= ${q.range.from}::date
      AND r.day <= ${q.range.to}::date AND r.org_id = ANY(${q.orgIds}::text[])
    GROUP BY 1`.execute(db);
  const open = await sql<{ process_key: string; n: number }>`
    SELECT c.process_key, count(*)::int AS n FROM cases c
    WHERE c.process_key = ANY(${q.processKeys}::text[]) AND c.status = 'running'
      AND c.org_id = ANY(${q.orgIds}::text[])
    GROUP BY 1`.execute(db);
  const overdue = await overdueNowByProcess(db, { ...q, now: q.range.now });
  const of = (rows: { process_key: string; n: number }[]) => new Map(rows.map((r) => [r.process_key, r.n]));
  const flows = new Map(flow.rows.map((r) => [r.process_key, r]));
  const openNow = of(open.rows);
  const overdueNow = of(overdue);
  return q.processKeys.map((k) => ({
    process_key: k,
    started: flows.get(k)?.started ?? 0,
    finished: flows.get(k)?.finished ?? 0,
    open_now: openNow.get(k) ?? 0,
    overdue_now: overdueNow.get(k) ?? 0,
  }));
}

/**
 * Running cases with an open task past due at `now`, per process (ADR 041): a case is overdue when its
 * earliest open due time is before `now`. Months before now's month (Asia/Shanghai) are summed from
 * `analytics_due_months`; the cases whose earliest due time falls in now's month before `now` are counted
 * from `analytics_case_dues` (an index range). Due exactly at `now` is not overdue.
 */
export async function overdueNowByProcess(
  db: Kysely<Database>,
  q: { orgIds: string[]; processKeys: string[]; now: Date },
) {
  if (q.processKeys.length === 0) return [];
  const month = `${shanghaiDay(q.now).slice(0, 7)}-01`;
  const monthAt = new Date(`${month}T00:00:00+08:00`);
  const { rows } = await sql<{ process_key: string; n: number }>`
    SELECT process_key, sum(n)::int AS n FROM (
      SELECT r.process_key, sum(r.cases) AS n FROM analytics_due_months r
      WHERE r.process_key = ANY(${q.processKeys}::text[]) AND r.month < ${month}::date
        AND r.org_id = ANY(${q.orgIds}::text[])
      GROUP BY 1
      UNION ALL
      SELECT d.process_key, count(*) FROM analytics_case_dues d
      WHERE d.process_key = ANY(${q.processKeys}::text[]) AND d.first_due_at >= ${monthAt}
        AND d.first_due_at < ${q.now} AND d.org_id = ANY(${q.orgIds}::text[])
      GROUP BY 1
    ) x GROUP BY 1 HAVING sum(n) > 0`.execute(db);
  return rows;
}
