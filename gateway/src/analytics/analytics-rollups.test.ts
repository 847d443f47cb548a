import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app-harness';
import { analyticsRange } from './analytics-range';
import { bucketSeconds, durationBucket, histogramPercentile } from './duration-histogram';
import {
  type ProcessQuery,
  processTotals,
  stepEvents,
  stepTimes,
  weeklyFlow,
} from './process-analytics-repository';

/**
 * The 看板 rollups (ADR 036) against the read model they summarise: a seeded set of cases, tasks and
 * timeline rows written row by row (as the projection does), then moved on (tasks decided, cases ended,
 * rows deleted), must give the boards what the aggregates over the raw tables give: the same counts
 * exactly, and step-time percentiles within the histogram's precision (2.5%, or 30 s under a minute).
 */
let t: TestApp;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = new Date();
const ORGS = ['org-city', 'org-district', 'org-steel'];
const PROCESSES = ['rollup-a', 'rollup-b'];
const NODES = ['intake', 'review', 'decide'];
const TYPES = ['step-opened', 'returned', 'overdue', 'escalated', 'commented'];

/** The i-th of a list, round and round. */
const pick = <T>(list: T[], i: number): T => list[i % list.length] as T;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

async function seed(db: Kysely<Database>) {
  const r = random(36);
  for (let i = 0; i < 240; i++) {
    const id = `rc-${i}`;
    const created = new Date(now.getTime() - Math.floor(r() * 60 * DAY));
    await db
      .insertInto('cases')
      .values({
        id,
        number: `RU${String(i).padStart(6, '0')}`,
        title: `rollup ${i}`,
        process_key: pick(PROCESSES, i),
        process_version: 1,
        department: 'innovation',
        applicant_id: 'u-lina',
        org_id: pick(ORGS, i),
        status: 'running',
        data: '{}' as never,
        last_seq: 0,
        created_at: created,
        updated_at: created,
      })
      .execute();
    for (let s = 0; s < 3; s++) {
      const opened = new Date(created.getTime() + s * DAY);
      // From seconds to weeks, so both the first bucket and long steps are covered.
      const seconds = Math.floor(r() < 0.1 ? r() * 59 : r() ** 3 * 400 * 3600);
      await db
        .insertInto('tasks')
        .values({
          id: `${id}-t${s}`,
          case_id: id,
          node_id: pick(NODES, s),
          step_name: JSON.stringify({ zh: `环节${s}` }) as never,
          kind: 'approval',
          status: 'open',
          form: '[]' as never,
          created_at: opened,
          due_at: new Date(opened.getTime() + 3 * DAY),
          completed_at: null,
        })
        .execute();
      if (r() < 0.8)
        await db
          .updateTable('tasks')
          .set({ status: 'completed', completed_at: new Date(opened.getTime() + seconds * 1000) })
          .where('id', '=', `${id}-t${s}`)
          .execute();
      await db
        .insertInto('timeline_events')
        .values({
          case_id: id,
          seq: s + 1,
          idx: 0,
          at: opened,
          type: pick(TYPES, Math.floor(r() * TYPES.length)),
          node_id: r() < 0.95 ? pick(NODES, s) : null,
          step_name: JSON.stringify({ zh: `环节${s}` }) as never,
          data: '{}' as never,
        })
        .execute();
    }
    if (r() < 0.6)
      await db
        .updateTable('cases')
        .set({ status: 'completed', updated_at: new Date(created.getTime() + Math.floor(r() * 20) * DAY) })
        .where('id', '=', id)
        .execute();
  }
  // Later changes the rollups must follow: a reopened task, a re-timed end, deleted rows.
  await db
    .updateTable('tasks')
    .set({ status: 'open', completed_at: null })
    .where('id', '=', 'rc-4-t0')
    .execute();
  await db
    .updateTable('cases')
    .set({ updated_at: now })
    .where('id', 'in', ['rc-1', 'rc-2', 'rc-3'])
    .where('status', '<>', 'running')
    .execute();
  await db.deleteFrom('timeline_events').where('case_id', '=', 'rc-5').execute();
  await db.deleteFrom('tasks').where('case_id', '=', 'rc-7').execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.db);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** What the boards computed from the raw tables before the rollups (ADR 029). */
async function raw(q: ProcessQuery) {
  const cohort = sql`c.process_key = ${q.processKey} AND c.created_at >= ${q.range.fromAt}
    AND c.created_at < ${q.range.toAt} AND c.org_id = ANY(${q.orgIds}::text[])`;
  const week = (column: ReturnType<typeof sql>) =>
    sql<string>`to_char(date_trunc('week', ${column} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`;
  const started = await sql<{ week: string; n: number }>`
    SELECT ${week(sql`c.created_at`)} AS week, count(*)::int AS n FROM cases c WHERE ${cohort}
    GROUP BY 1 ORDER BY 1`.execute(t.db);
  const finished = await sql<{ week: string; n: number }>`
    SELECT ${week(sql`c.updated_at`)} AS week, count(*)::int AS n FROM cases c
    WHERE c.process_key = ${q.processKey} AND c.status <> 'running' AND c.updated_at >= ${q.range.fromAt}
      AND c.updated_at < ${q.range.toAt} AND c.org_id = ANY(${q.orgIds}::text[])
    GROUP BY 1 ORDER BY 1`.execute(t.db);
  const times = await sql<{ node_id: string; completed: number; median: number; p90: number }>`
    SELECT t.node_id, count(*)::int AS completed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.created_at)) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.created_at)) AS p90
    FROM cases c JOIN tasks t ON t.case_id = c.id
    WHERE ${cohort} AND t.status = 'completed' AND t.completed_at IS NOT NULL
    GROUP BY t.node_id ORDER BY 1`.execute(t.db);
  const events = await sql<{
    node_id: string;
    org_id: string;
    opened: number;
    returned: number;
    overdue: number;
    escalated: number;
  }>`
    SELECT e.node_id, c.org_id,
      count(*) FILTER (WHERE e.type = 'step-opened')::int AS opened,
      count(*) FILTER (WHERE e.type = 'returned')::int AS returned,
      count(*) FILTER (WHERE e.type = 'overdue')::int AS overdue,
      count(*) FILTER (WHERE e.type = 'escalated')::int AS escalated
    FROM cases c JOIN timeline_events e ON e.case_id = c.id
    WHERE ${cohort} AND e.node_id IS NOT NULL AND e.type IN ('step-opened', 'returned', 'escalated', 'overdue')
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(t.db);
  const now = await sql<{ open: number; overdue: number }>`
    SELECT (SELECT count(*)::int FROM cases c WHERE c.process_key = ${q.processKey} AND c.status = 'running'
        AND c.org_id = ANY(${q.orgIds}::text[])) AS open,
      (SELECT count(DISTINCT c.id)::int FROM cases c JOIN tasks t ON t.case_id = c.id
        AND t.status IN ('open', 'claimed') AND t.due_at < ${q.range.now}
        WHERE c.process_key = ${q.processKey} AND c.status = 'running'
          AND c.org_id = ANY(${q.orgIds}::text[])) AS overdue`.execute(t.db);
  return {
    started: started.rows,
    finished: finished.rows,
    times: times.rows,
    events: events.rows,
    openNow: now.rows[0]!.open,
    overdueNow: now.rows[0]!.overdue,
  };
}

/** Within the histogram's precision: 2.5% of the value, plus 30 s where durations under a minute take part. */
function expectClose(actual: number, exact: number) {
  expect(Math.abs(actual - exact)).toBeLessThanOrEqual(0.025 * exact + 30 + 1e-6);
}

const queries: ProcessQuery[] = [];
for (const processKey of PROCESSES)
  for (const orgIds of [ORGS, ['org-steel'], ['org-district', 'org-steel']])
    for (const [from, to] of [
      [undefined, undefined],
      [new Date(now.getTime() - 30 * DAY), new Date(now.getTime() - 9 * DAY)],
    ] as const) {
      const day = (d?: Date) => (d ? new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10) : undefined);
      queries.push({ processKey, orgIds, range: analyticsRange({ from: day(from), to: day(to) }, now) });
    }

describe('the 看板 rollups', () => {
  it.each(queries.map((q) => [`${q.processKey} ${q.orgIds.join('+')} ${q.range.from}…${q.range.to}`, q]))(
    'match the raw aggregates: %s',
    async (_, q) => {
      const exact = await raw(q);
      const flow = await weeklyFlow(t.db, q);
      const byWeek = (rows: { week: string; n: number }[]) =>
        [...rows].sort((a, b) => a.week.localeCompare(b.week));
      expect(byWeek(flow.started)).toEqual(exact.started);
      expect(byWeek(flow.finished)).toEqual(exact.finished);
      expect(exact.started.length).toBeGreaterThan(0);

      const times = await stepTimes(t.db, q);
      expect(times.map((s) => [s.node_id, s.completed]).sort()).toEqual(
        exact.times.map((s) => [s.node_id, s.completed]),
      );
      for (const s of exact.times) {
        const got = times.find((x) => x.node_id === s.node_id)!;
        expectClose(got.median_hours * 3600, s.median);
        expectClose(got.p90_hours * 3600, s.p90);
      }

      const events = await stepEvents(t.db, q);
      expect(
        events
          .map(({ step_name: _n, ...e }) => e)
          .sort((a, b) => `${a.node_id}${a.org_id}`.localeCompare(`${b.node_id}${b.org_id}`)),
      ).toEqual(exact.events);

      const [totals] = await processTotals(t.db, { ...q, processKeys: [q.processKey] });
      expect(totals).toEqual({
        process_key: q.processKey,
        started: exact.started.reduce((n, r) => n + r.n, 0),
        finished: exact.finished.reduce((n, r) => n + r.n, 0),
        open_now: exact.openNow,
        overdue_now: exact.overdueNow,
      });
      expect(exact.overdueNow).toBeGreaterThan(0);
    },
  );

  it('are what a rebuild from the read model gives (the backfill)', async () => {
    const snapshot = async () => ({
      cases:
        // Summed over the shards (ADR 044): triggers write the writer's shard, the rebuild shard 0.
        (
          await sql`SELECT process_key, day, org_id, sum(started)::int AS started, sum(finished)::int AS finished
          FROM analytics_case_days GROUP BY 1, 2, 3
          HAVING sum(started) <> 0 OR sum(finished) <> 0 ORDER BY 1, 2, 3`.execute(t.db)
        ).rows,
      steps: (
        await sql`SELECT process_key, day, org_id, node_id, sum(opened)::int AS opened, sum(returned)::int AS returned,
            sum(overdue)::int AS overdue, sum(escalated)::int AS escalated
          FROM analytics_step_days GROUP BY 1, 2, 3, 4
          HAVING sum(opened) <> 0 OR sum(returned) <> 0 OR sum(overdue) <> 0 OR sum(escalated) <> 0
          ORDER BY 1, 2, 3, 4`.execute(t.db)
      ).rows,
      durations: (
        await sql`SELECT process_key, day, org_id, node_id, bucket, sum(completed)::int AS completed
          FROM analytics_step_durations GROUP BY 1, 2, 3, 4, 5
          HAVING sum(completed) <> 0 ORDER BY 1, 2, 3, 4, 5`.execute(t.db)
      ).rows,
    });
    const kept = await snapshot();
    await sql`SELECT analytics_rollups_rebuild()`.execute(t.db);
    expect(await snapshot()).toEqual(kept);
    expect(kept.durations.length).toBeGreaterThan(0);
  });

  it('refuses to move a case to another unit, which would leave its rows under the old one', async () => {
    await expect(
      t.db.updateTable('cases').set({ org_id: 'org-city' }).where('id', '=', 'rc-2').execute(),
    ).rejects.toThrow(/keeps its process, unit and start time/);
  });
});

describe('the duration histogram', () => {
  it('puts a duration in the bucket the database does, and reads it back within 2.5%', async () => {
    for (const seconds of [0, 59, 60, 61, 3599, 3600, 86_400 * 3 + 17, 31_536_000]) {
      const { rows } = await sql<{ b: number }>`SELECT analytics_duration_bucket(${seconds}) AS b`.execute(
        t.db,
      );
      expect(rows[0]!.b, String(seconds)).toBe(durationBucket(seconds));
      if (seconds >= 60)
        expect(Math.abs(bucketSeconds(durationBucket(seconds)) / seconds - 1)).toBeLessThan(0.025);
    }
  });

  it('interpolates between ranks as percentile_cont does', () => {
    const b = durationBucket(3600);
    const c = durationBucket(7200);
    expect(
      histogramPercentile(
        [
          { bucket: b, n: 1 },
          { bucket: c, n: 1 },
        ],
        0.5,
      ),
    ).toBeCloseTo((bucketSeconds(b) + bucketSeconds(c)) / 2);
    // Ten values: the 90th percentile lies a tenth of the way from the ninth to the tenth.
    expect(
      histogramPercentile(
        [
          { bucket: b, n: 9 },
          { bucket: c, n: 1 },
        ],
        0.9,
      ),
    ).toBeCloseTo(bucketSeconds(b) + 0.1 * (bucketSeconds(c) - bucketSeconds(b)));
    expect(histogramPercentile([], 0.5)).toBe(0);
  });
});
