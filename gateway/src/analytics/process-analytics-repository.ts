import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { AnalyticsRange } from './analytics-range';

/** What every process query needs: the process, the units in scope and the range. */
export interface ProcessQuery {
  processKey: string;
  orgIds: string[];
  range: AnalyticsRange;
}

type StepName = { zh: string; en?: string } | null;

const week = (column: ReturnType<typeof sql>) =>
  sql<string>`to_char(date_trunc('week', ${column} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`;

/** The cohort: cases of the process started in the range, in the units in scope. */
function cohort(q: ProcessQuery) {
  return sql`c.process_key = ${q.processKey} AND c.created_at >= ${q.range.fromAt}
    AND c.created_at < ${q.range.toAt} AND c.org_id = ANY(${q.orgIds}::text[])`;
}

/** Cases started and cases ended per week (Monday, Asia/Shanghai). */
export async function weeklyFlow(db: Kysely<Database>, q: ProcessQuery) {
  const started = await sql<{ week: string; n: number }>`
    SELECT ${week(sql`c.created_at`)} AS week, count(*)::int AS n
    FROM cases c WHERE ${cohort(q)} GROUP BY 1`.execute(db);
  const finished = await sql<{ week: string; n: number }>`
    SELECT ${week(sql`c.updated_at`)} AS week, count(*)::int AS n
    FROM cases c
    WHERE c.process_key = ${q.processKey} AND c.status <> 'running'
      AND c.updated_at >= ${q.range.fromAt} AND c.updated_at < ${q.range.toAt}
      AND c.org_id = ANY(${q.orgIds}::text[])
    GROUP BY 1`.execute(db);
  return { started: started.rows, finished: finished.rows };
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

/** Median and 90th percentile of the time from a task opening to its decision, per step, in hours. */
export async function stepTimes(db: Kysely<Database>, q: ProcessQuery) {
  const { rows } = await sql<{
    node_id: string;
    step_name: StepName;
    completed: number;
    median_hours: number;
    p90_hours: number;
  }>`
    SELECT t.node_id, (array_agg(t.step_name))[1] AS step_name, count(*)::int AS completed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.created_at)) / 3600 AS median_hours,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.created_at)) / 3600 AS p90_hours
    FROM cases c JOIN tasks t ON t.case_id = c.id
    WHERE ${cohort(q)} AND t.status = 'completed' AND t.completed_at IS NOT NULL
    GROUP BY t.node_id
    ORDER BY median_hours DESC`.execute(db);
  return rows;
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
 * Per step and unit over the cohort: deadlines that passed (`overdue`), escalations, times the step
 * opened and returns from it, all off the timeline the engine writes (one row per event).
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
    SELECT e.node_id, c.org_id, (array_agg(e.step_name) FILTER (WHERE e.step_name IS NOT NULL))[1] AS step_name,
      count(*) FILTER (WHERE e.type = 'step-opened')::int AS opened,
      count(*) FILTER (WHERE e.type = 'returned')::int AS returned,
      count(*) FILTER (WHERE e.type = 'overdue')::int AS overdue,
      count(*) FILTER (WHERE e.type = 'escalated')::int AS escalated
    FROM cases c JOIN timeline_events e ON e.case_id = c.id
    WHERE ${cohort(q)} AND e.node_id IS NOT NULL
      AND e.type IN ('step-opened', 'returned', 'escalated', 'overdue')
    GROUP BY e.node_id, c.org_id`.execute(db);
  return rows;
}

/** The federation board: per process in scope, started and ended in the range, open and overdue now. */
export async function processTotals(
  db: Kysely<Database>,
  q: { orgIds: string[]; range: AnalyticsRange; processKeys: string[] },
) {
  if (q.processKeys.length === 0) return [];
  const { rows } = await sql<{
    process_key: string;
    started: number;
    finished: number;
    open_now: number;
    overdue_now: number;
  }>`
    WITH keys AS (SELECT unnest(${q.processKeys}::text[]) AS k)
    SELECT k AS process_key,
      (SELECT count(*)::int FROM cases c WHERE c.process_key = k AND c.created_at >= ${q.range.fromAt}
        AND c.created_at < ${q.range.toAt} AND c.org_id = ANY(${q.orgIds}::text[])) AS started,
      (SELECT count(*)::int FROM cases c WHERE c.process_key = k AND c.status <> 'running'
        AND c.updated_at >= ${q.range.fromAt} AND c.updated_at < ${q.range.toAt}
        AND c.org_id = ANY(${q.orgIds}::text[])) AS finished,
      (SELECT count(*)::int FROM cases c WHERE c.process_key = k AND c.status = 'running'
        AND c.org_id = ANY(${q.orgIds}::text[])) AS open_now,
      (SELECT count(DISTINCT c.id)::int FROM cases c JOIN tasks t ON t.case_id = c.id
        AND t.status IN ('open', 'claimed') AND t.due_at < ${q.range.now}
        WHERE c.process_key = k AND c.status = 'running' AND c.org_id = ANY(${q.orgIds}::text[])) AS overdue_now
    FROM keys`.execute(db);
  return rows;
}
