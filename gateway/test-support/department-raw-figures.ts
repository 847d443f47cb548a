import type { Database } from '@unionflow/db';
import { ANALYTICS_KEYS } from '@unionflow/domain';
import { type Kysely, sql } from 'kysely';
import type { ScopeQuery } from '../src/analytics/department-analytics-repository';

/**
 * The department 看板 figures as they were computed before the rollups (ADR 029, 033): aggregates over
 * the raw read model on every request. Kept only to prove the rollups (ADR 038) give the same figures.
 */
const inRange = (column: ReturnType<typeof sql>, q: ScopeQuery) =>
  sql`${column} >= ${q.range.fromAt} AND ${column} < ${q.range.toAt}`;
const inUnits = (column: ReturnType<typeof sql>, q: ScopeQuery) => sql`${column} = ANY(${q.orgIds}::text[])`;
const local = (column: ReturnType<typeof sql>, format: string) =>
  sql<string>`to_char(${column} AT TIME ZONE 'Asia/Shanghai', ${sql.lit(format)})`;
/** A data key holding whole fen, read as a number only when it is one. */
const fenOf = (key: string) =>
  sql`CASE WHEN jsonb_typeof(c.data->${key}) = 'number' THEN (c.data->>${key})::numeric::bigint END`;

/** Money paid (not reclaimed) in the range for a department's cases in scope, grouped by `groupBy`. */
async function paymentsBy(
  db: Kysely<Database>,
  q: ScopeQuery,
  department: string,
  groupBy: ReturnType<typeof sql>,
) {
  const { rows } = await sql<{ key: string; payments: number; amount_fen: string }>`
    SELECT ${groupBy} AS key, count(*)::int AS payments, sum(p.amount_fen)::bigint AS amount_fen
    FROM payments p JOIN cases c ON c.id = p.case_id
    WHERE p.status = 'paid' AND ${inRange(sql`p.paid_at`, q)}
      AND c.department = ${department} AND ${inUnits(sql`c.org_id`, q)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.map((r) => ({ key: r.key, payments: r.payments, amountFen: Number(r.amount_fen) }));
}

/** Proposals started in the range by tier and unit; who submitted; members in scope; awards paid by quarter. */
export async function rawInnovationFigures(db: Kysely<Database>, q: ScopeQuery) {
  const k = ANALYTICS_KEYS.innovation;
  const proposals = sql`c.process_key = ${k.proposalProcessKey} AND ${inRange(sql`c.created_at`, q)}
    AND ${inUnits(sql`c.org_id`, q)}`;
  const byTierUnit = await sql<{ tier: string; org_id: string; proposals: number }>`
    SELECT c.data->>${k.tierField} AS tier, c.org_id, count(*)::int AS proposals
    FROM cases c WHERE ${proposals} AND c.data ? ${k.tierField}
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  const submitters = await sql<{ n: number }>`
    SELECT count(DISTINCT c.applicant_id)::int AS n FROM cases c WHERE ${proposals}`.execute(db);
  const members = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM users u WHERE NOT u.disabled AND ${inUnits(sql`u.org_id`, q)}`.execute(db);
  const awards = await paymentsBy(db, q, k.department, local(sql`p.paid_at`, 'YYYY-"Q"Q'));
  return {
    byTierUnit: byTierUnit.rows,
    submitters: submitters.rows[0]?.n ?? 0,
    members: members.rows[0]?.n ?? 0,
    awards,
    library: await libraryFigures(db, q),
  };
}

/**
 * 借鉴共享 (ADR 033): results the units in scope published in the range, and the reuses their members
 * recorded in it, per month and by result (the most reused first).
 */
async function libraryFigures(db: Kysely<Database>, q: ScopeQuery) {
  const published = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM library_entries l
    WHERE ${inRange(sql`l.published_at`, q)} AND ${inUnits(sql`l.org_id`, q)}`.execute(db);
  const reused = sql`${inRange(sql`r.reused_at`, q)} AND ${inUnits(sql`r.org_id`, q)}`;
  const byMonth = await sql<{ month: string; reuses: number; entries: number }>`
    SELECT ${local(sql`r.reused_at`, 'YYYY-MM')} AS month, count(*)::int AS reuses,
      count(DISTINCT r.case_id)::int AS entries
    FROM library_reuses r WHERE ${reused} GROUP BY 1 ORDER BY 1`.execute(db);
  const totals = await sql<{ reuses: number; entries: number }>`
    SELECT count(*)::int AS reuses, count(DISTINCT r.case_id)::int AS entries
    FROM library_reuses r WHERE ${reused}`.execute(db);
  const mostReused = await sql<{
    case_id: string;
    case_number: string;
    title: string;
    unit: string;
    reuses: number;
    units: number;
  }>`
    SELECT l.case_id, l.case_number, l.title, coalesce(o.name, '') AS unit, count(*)::int AS reuses,
      count(DISTINCT r.org_id)::int AS units
    FROM library_reuses r JOIN library_entries l ON l.case_id = r.case_id LEFT JOIN orgs o ON o.id = l.org_id
    WHERE ${reused}
    GROUP BY l.case_id, o.name ORDER BY reuses DESC, l.case_number LIMIT 10`.execute(db);
  return {
    published: published.rows[0]?.n ?? 0,
    reuses: totals.rows[0]?.reuses ?? 0,
    entriesReused: totals.rows[0]?.entries ?? 0,
    byMonth: byMonth.rows,
    mostReused: mostReused.rows,
  };
}

/**
 * The hardship file in numbers: households in the file at each month's end by the level they had then (the
 * file's history, ADR 033), first admissions, exits and re-admissions per month, aid paid by kind.
 */
export async function rawHardshipFigures(db: Kysely<Database>, q: ScopeQuery) {
  const k = ANALYTICS_KEYS.hardship;
  const levels = await sql<{ month: string; level: string; households: number }>`
    WITH months AS (
      SELECT to_char(m, 'YYYY-MM') AS month,
        least((m + interval '1 month') AT TIME ZONE 'Asia/Shanghai', ${q.range.now}::timestamptz) AS at
      FROM generate_series(
        date_trunc('month', ${q.range.fromAt}::timestamptz AT TIME ZONE 'Asia/Shanghai'),
        date_trunc('month', (${q.range.toAt}::timestamptz - interval '1 second') AT TIME ZONE 'Asia/Shanghai'),
        interval '1 month') AS m
    )
    SELECT months.month, h.level, count(*)::int AS households
    FROM months JOIN hardship_file_history h ON h.started_at < months.at
      AND (h.ended_at IS NULL OR h.ended_at >= months.at)
    WHERE ${inUnits(sql`h.org_id`, q)}
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  const now = await sql<{ level: string; households: number }>`
    SELECT f.level, count(*)::int AS households FROM hardship_files f
    WHERE f.status = 'in-file' AND ${inUnits(sql`f.org_id`, q)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  const movements = await sql<{ month: string; admitted: number; exited: number; readmitted: number }>`
    SELECT month, sum(admitted)::int AS admitted, sum(exited)::int AS exited, sum(readmitted)::int AS readmitted
    FROM (
      SELECT ${local(sql`h.started_at`, 'YYYY-MM')} AS month,
        (h.start_reason = 'admitted')::int AS admitted, 0 AS exited, (h.start_reason = 'readmitted')::int AS readmitted
      FROM hardship_file_history h WHERE ${inRange(sql`h.started_at`, q)} AND ${inUnits(sql`h.org_id`, q)}
        AND h.start_reason <> 'level-changed'
      UNION ALL
      SELECT ${local(sql`h.ended_at`, 'YYYY-MM')}, 0, 1, 0
      FROM hardship_file_history h WHERE ${inRange(sql`h.ended_at`, q)} AND ${inUnits(sql`h.org_id`, q)}
        AND h.end_reason = 'exited'
    ) x GROUP BY month ORDER BY month`.execute(db);
  const aid = await paymentsBy(
    db,
    q,
    k.department,
    sql`coalesce(CASE WHEN c.process_key = ${k.aidProcessKey} THEN c.data->>${k.aidKindField} END, p.kind)`,
  );
  return { levels: levels.rows, now: now.rows, movements: movements.rows, aid };
}

/** Disputes filed in the range (the cohort) and how they went, with the settled amounts. */
export async function rawDisputeFigures(db: Kysely<Database>, q: ScopeQuery) {
  const k = ANALYTICS_KEYS.disputes;
  const cohort = sql`c.process_key = ${k.processKey} AND ${inRange(sql`c.created_at`, q)}
    AND ${inUnits(sql`c.org_id`, q)}`;
  const settled = sql`c.outcome = ${k.settledOutcome}`;
  const referred = sql`c.outcome = ${k.referredOutcome}`;
  const totals = await sql<{
    filed: number;
    mediated: number;
    settled: number;
    referred: number;
    amount_fen: string;
    within: number;
  }>`
    SELECT count(*)::int AS filed,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id
        AND t.node_id = ${k.mediatedNode} AND t.status = 'completed'))::int AS mediated,
      count(*) FILTER (WHERE ${settled})::int AS settled,
      count(*) FILTER (WHERE ${referred})::int AS referred,
      coalesce(sum(${fenOf(k.settledAmountField)}) FILTER (WHERE ${settled}), 0)::bigint AS amount_fen,
      count(*) FILTER (WHERE ${settled} AND EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id
        AND t.node_id = ${k.agreementNode} AND t.status = 'completed'
        AND t.completed_at <= c.created_at + make_interval(days => ${k.limitDays})))::int AS within
    FROM cases c WHERE ${cohort}`.execute(db);
  const byMonth = await sql<{ month: string; filed: number; settled: number; referred: number }>`
    SELECT ${local(sql`c.created_at`, 'YYYY-MM')} AS month, count(*)::int AS filed,
      count(*) FILTER (WHERE ${settled})::int AS settled, count(*) FILTER (WHERE ${referred})::int AS referred
    FROM cases c WHERE ${cohort} GROUP BY 1 ORDER BY 1`.execute(db);
  const t = totals.rows[0];
  return {
    filed: t?.filed ?? 0,
    mediated: t?.mediated ?? 0,
    settled: t?.settled ?? 0,
    referred: t?.referred ?? 0,
    amountSettledFen: Number(t?.amount_fen ?? 0),
    settledWithinLimit: t?.within ?? 0,
    byMonth: byMonth.rows,
  };
}
