import type { Database } from '@unionflow/db';
import { ANALYTICS_KEYS } from '@unionflow/domain';
import { type Kysely, sql } from 'kysely';
import { type AnalyticsRange, shanghaiDay } from './analytics-range';

/** The units in scope and the range: what every department query filters by. */
export interface ScopeQuery {
  orgIds: string[];
  range: AnalyticsRange;
}

const inRange = (column: ReturnType<typeof sql>, q: ScopeQuery) =>
  sql`${column} >= ${q.range.fromAt} AND ${column} < ${q.range.toAt}`;
const inUnits = (column: ReturnType<typeof sql>, q: ScopeQuery) => sql`${column} = ANY(${q.orgIds}::text[])`;
const local = (column: ReturnType<typeof sql>, format: string) =>
  sql<string>`to_char(${column} AT TIME ZONE 'Asia/Shanghai', ${sql.lit(format)})`;
/** The range's days in a per-day rollup (ADR 036, 038): keyed by the Asia/Shanghai day, so exactly [fromAt, toAt). */
const inDays = (q: ScopeQuery) =>
  sql`r.day >= ${q.range.from}::date AND r.day <= ${q.range.to}::date AND ${inUnits(sql`r.org_id`, q)}`;

/**
 * Money paid (not reclaimed) in the range for a department's cases in scope, grouped by `groupBy` over the
 * per-day payment rollup (ADR 038); an aid request's kind is the one its data names.
 */
async function paymentsBy(
  db: Kysely<Database>,
  q: ScopeQuery,
  department: string,
  groupBy: ReturnType<typeof sql>,
) {
  const { rows } = await sql<{ key: string; payments: number; amount_fen: string }>`
    SELECT ${groupBy} AS key, sum(r.payments)::int AS payments, sum(r.amount_fen)::bigint AS amount_fen
    FROM analytics_payment_days r WHERE r.department = ${department} AND ${inDays(q)}
    GROUP BY 1 HAVING sum(r.payments) > 0 ORDER BY 1`.execute(db);
  return rows.map((r) => ({ key: r.key, payments: r.payments, amountFen: Number(r.amount_fen) }));
}

/** Proposals started in the range by tier and unit; who submitted; members in scope; awards paid by quarter. */
export async function innovationFigures(db: Kysely<Database>, q: ScopeQuery) {
  const k = ANALYTICS_KEYS.innovation;
  // The tier is the case data's `tier` field, rolled up per start day (ADR 038).
  const [byTierUnit, submitters, members, awards, library] = await Promise.all([
    sql<{ tier: string; org_id: string; proposals: number }>`
      SELECT r.tier, r.org_id, sum(r.proposals)::int AS proposals
      FROM analytics_tier_days r WHERE r.process_key = ${k.proposalProcessKey} AND ${inDays(q)}
      GROUP BY 1, 2 HAVING sum(r.proposals) > 0 ORDER BY 1, 2`.execute(db),
    submitterCount(db, q, k.proposalProcessKey),
    sql<{ n: number }>`
      SELECT count(*)::int AS n FROM users u WHERE NOT u.disabled AND ${inUnits(sql`u.org_id`, q)}`.execute(
      db,
    ),
    paymentsBy(db, q, k.department, sql`to_char(r.day, 'YYYY-"Q"Q')`),
    libraryFigures(db, q),
  ]);
  return {
    byTierUnit: byTierUnit.rows,
    submitters,
    members: members.rows[0]?.n ?? 0,
    awards,
    library,
  };
}

/**
 * People who submitted a proposal in the range. Distinct people do not sum by day: the range's whole
 * months come from the monthly rollup of submitters (ADR 038), its edge days from the proposals
 * themselves (a covering index); a hashed DISTINCT keeps each person once (count(DISTINCT) would sort).
 */
async function submitterCount(db: Kysely<Database>, q: ScopeQuery, processKey: string): Promise<number> {
  const { first, last } = wholeMonths(q.range);
  const edges: [Date, Date][] = [
    [q.range.fromAt, first ? monthStart(first) : q.range.toAt],
    [last ? monthStart(nextMonth(last)) : q.range.toAt, q.range.toAt],
  ];
  const cases = edges
    .filter(([from, to]) => from < to)
    .map(
      ([from, to]) => sql`SELECT c.applicant_id FROM cases c WHERE c.process_key = ${processKey}
      AND c.created_at >= ${from} AND c.created_at < ${to} AND ${inUnits(sql`c.org_id`, q)}`,
    );
  const months =
    first && last
      ? [
          sql`SELECT r.applicant_id FROM analytics_submitter_months r WHERE r.process_key = ${processKey}
            AND r.month >= ${`${first}-01`}::date AND r.month <= ${`${last}-01`}::date
            AND ${inUnits(sql`r.org_id`, q)} AND r.proposals > 0`,
        ]
      : [];
  const parts = [...months, ...cases];
  if (parts.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT DISTINCT applicant_id FROM (${sql.join(parts, sql` UNION ALL `)}) a) s`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}

/** The calendar months (YYYY-MM) wholly inside the range, or nulls when none is. */
function wholeMonths(range: AnalyticsRange): { first: string | null; last: string | null } {
  const fromMonth = range.from.slice(0, 7);
  const first = range.from.endsWith('-01') ? fromMonth : nextMonth(fromMonth);
  const toMonth = range.to.slice(0, 7);
  // The range ends with its month when the day after it starts the next one.
  const last = shanghaiDay(range.toAt).endsWith('-01') ? toMonth : previousMonth(toMonth);
  return first <= last ? { first, last } : { first: null, last: null };
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

/** The first instant of a calendar month in Asia/Shanghai (no daylight saving there since 1991). */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const nextMonth = (month: string) => addMonths(month, 1);
const previousMonth = (month: string) => addMonths(month, -1);

/**
 * The instants the file is counted at: each month of the range at its end, or now for a month not over
 * yet; with the month each instant falls in (whole months before it come from the rollup) and where it starts.
 * Computed here rather than by `generate_series`, so the planner knows there are a handful.
 */
function monthEnds(range: AnalyticsRange) {
  const first = shanghaiDay(range.fromAt).slice(0, 7);
  const last = shanghaiDay(new Date(range.toAt.getTime() - 1000)).slice(0, 7);
  const points: { month: string; ownMonth: string; ownMonthAt: Date; at: Date }[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    const end = monthStart(nextMonth(month));
    const at = end < range.now ? end : range.now;
    const ownMonth = shanghaiDay(at).slice(0, 7);
    points.push({ month, ownMonth: `${ownMonth}-01`, ownMonthAt: monthStart(ownMonth), at });
  }
  return points;
}

/**
 * The hardship file in numbers: households in the file at each month's end by the level they had then (the
 * file's history, ADR 033), first admissions, exits and re-admissions per month, aid paid by kind.
 *
 * Households at an instant T are the periods started before T less those ended before T (a period ends
 * after it starts). Both are prefix counts: whole months from the monthly rollup (ADR 038), and the days of
 * T's own month before T (none at a month's end; the current month when T is now) from the history.
 */
export async function hardshipFigures(db: Kysely<Database>, q: ScopeQuery) {
  const k = ANALYTICS_KEYS.hardship;
  const points = monthEnds(q.range);
  const levels = sql<{ month: string; level: string; households: number }>`
    WITH p AS (
      SELECT * FROM unnest(${points.map((p) => p.month)}::text[], ${points.map((p) => p.ownMonth)}::date[],
        ${points.map((p) => p.ownMonthAt)}::timestamptz[], ${points.map((p) => p.at)}::timestamptz[])
        AS p(month, own_month, own_month_at, at)
    ), counts AS (
      SELECT p.month, r.level, sum(r.started - r.ended) AS n
      FROM p JOIN analytics_file_months r ON r.month < p.own_month
      WHERE ${inUnits(sql`r.org_id`, q)} GROUP BY 1, 2
      UNION ALL
      SELECT p.month, h.level, count(*) FROM p JOIN hardship_file_history h
        ON h.started_at >= p.own_month_at AND h.started_at < p.at
      WHERE p.at > p.own_month_at AND ${inUnits(sql`h.org_id`, q)} GROUP BY 1, 2
      UNION ALL
      SELECT p.month, h.level, -count(*) FROM p JOIN hardship_file_history h
        ON h.ended_at >= p.own_month_at AND h.ended_at < p.at
      WHERE p.at > p.own_month_at AND ${inUnits(sql`h.org_id`, q)} GROUP BY 1, 2
    )
    SELECT month, level, sum(n)::int AS households FROM counts
    GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2`.execute(db);
  const now = sql<{ level: string; households: number }>`
    SELECT f.level, count(*)::int AS households FROM hardship_files f
    WHERE f.status = 'in-file' AND ${inUnits(sql`f.org_id`, q)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  const movements = sql<{ month: string; admitted: number; exited: number; readmitted: number }>`
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
  const [l, n, m, aid] = await Promise.all([
    levels,
    now,
    movements,
    paymentsBy(db, q, k.department, sql`r.kind`),
  ]);
  return { levels: l.rows, now: n.rows, movements: m.rows, aid };
}

/**
 * Disputes filed in the range (the cohort) and how they went, with the settled amounts: summed from the
 * per-day rollup of each dispute's facts (ADR 038: mediated, settled, referred, amount, within the limit).
 */
export async function disputeFigures(db: Kysely<Database>, q: ScopeQuery) {
  const { rows } = await sql<{
    month: string;
    filed: number;
    mediated: number;
    settled: number;
    referred: number;
    amount_fen: string;
    within: number;
  }>`
    SELECT to_char(r.day, 'YYYY-MM') AS month, sum(r.filed)::int AS filed, sum(r.mediated)::int AS mediated,
      sum(r.settled)::int AS settled, sum(r.referred)::int AS referred, sum(r.amount_fen)::bigint AS amount_fen,
      sum(r.within_limit)::int AS within
    FROM analytics_dispute_days r WHERE ${inDays(q)}
    GROUP BY 1 HAVING sum(r.filed) > 0 ORDER BY 1`.execute(db);
  const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    filed: total((r) => r.filed),
    mediated: total((r) => r.mediated),
    settled: total((r) => r.settled),
    referred: total((r) => r.referred),
    amountSettledFen: total((r) => Number(r.amount_fen)),
    settledWithinLimit: total((r) => r.within),
    byMonth: rows.map((r) => ({ month: r.month, filed: r.filed, settled: r.settled, referred: r.referred })),
  };
}
