import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app-harness';
import {
  rawDisputeFigures,
  rawHardshipFigures,
  rawInnovationFigures,
} from '../../test-support/department-raw-figures';
import { analyticsRange } from './analytics-range';
import {
  disputeFigures,
  hardshipFigures,
  innovationFigures,
  type ScopeQuery,
} from './department-analytics-repository';

/**
 * The department 看板 rollups (ADR 038) against the read model they summarise: proposals, disputes, aid
 * requests, payments and hardship files written row by row (as the projection and the payment and file
 * steps do), then moved on (outcomes set and changed, awards paid and reclaimed, a tier corrected, a
 * household exited and re-admitted, tasks reopened and deleted). Every figure of the three boards must be
 * exactly what the aggregates over the raw tables give, for several scopes and ranges.
 */
let t: TestApp;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = new Date();
const ORGS = ['org-city', 'org-district', 'org-steel'];
const TIERS = ['breakthrough', 'topic', 'proposal', 'suggestion'];
const AID_KINDS = ['living', 'medical', 'education'];
const LEVELS = ['deep', 'relative', 'temporary'];
const USERS = ['u-lina', 'u-wangfang', 'u-chenjie', 'u-liuyang'];

const pick = <T>(list: T[], i: number): T => list[i % list.length] as T;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
const r = random(38);
const ago = (days: number) => new Date(now.getTime() - days * DAY);

async function addCase(
  db: Kysely<Database>,
  c: { id: string; process: string; department: string; i: number; created: Date; data: object },
) {
  await db
    .insertInto('cases')
    .values({
      id: c.id,
      number: `DR${c.id}`,
      title: c.id,
      process_key: c.process,
      process_version: 1,
      department: c.department,
      applicant_id: pick(USERS, Math.floor(r() * 8)),
      org_id: pick(ORGS, c.i),
      status: 'running',
      data: JSON.stringify(c.data) as never,
      last_seq: 0,
      created_at: c.created,
      updated_at: c.created,
    })
    .execute();
}

async function pay(db: Kysely<Database>, id: string, caseId: string, kind: string, paidAt: Date) {
  await db
    .insertInto('payments')
    .values({
      id,
      case_id: caseId,
      node_id: 'disburse',
      payee_id: 'u-lina',
      kind,
      amount_fen: Math.floor(r() * 100) * 10_000 + 1,
      status: 'paid',
      paid_at: paidAt,
      reclaimed_at: null,
    })
    .execute();
}

async function addTask(db: Kysely<Database>, id: string, caseId: string, nodeId: string, opened: Date) {
  await db
    .insertInto('tasks')
    .values({
      id,
      case_id: caseId,
      node_id: nodeId,
      step_name: JSON.stringify({ zh: nodeId }) as never,
      kind: 'approval',
      status: 'open',
      form: '[]' as never,
      created_at: opened,
      due_at: new Date(opened.getTime() + 3 * DAY),
      completed_at: null,
    })
    .execute();
}

const complete = (db: Kysely<Database>, id: string, at: Date) =>
  db.updateTable('tasks').set({ status: 'completed', completed_at: at }).where('id', '=', id).execute();

async function seed(db: Kysely<Database>) {
  // Proposals: a tier each, one with no tier and one whose tier is null; an award for some.
  for (let i = 0; i < 90; i++) {
    const id = `p-${i}`;
    const created = ago(r() * 200);
    const data = i === 0 ? {} : i === 1 ? { tier: null } : { tier: pick(TIERS, Math.floor(r() * 4)) };
    await addCase(db, { id, process: 'innovation-proposal', department: 'innovation', i, created, data });
    if (r() < 0.5)
      await pay(db, `${id}:award`, id, 'innovation-award', new Date(created.getTime() + r() * 40 * DAY));
  }
  // An award paid before its case reached the read model: it counts once the case is there.
  await pay(db, 'p-late:award', 'p-late', 'innovation-award', ago(5));
  await addCase(db, {
    id: 'p-late',
    process: 'innovation-proposal',
    department: 'innovation',
    i: 1,
    created: ago(30),
    data: { tier: 'topic' },
  });

  // Disputes: mediation and agreement steps completed at various times, then an outcome and an amount.
  for (let i = 0; i < 80; i++) {
    const id = `d-${i}`;
    const created = ago(r() * 200);
    await addCase(db, { id, process: 'labor-dispute', department: 'rights', i, created, data: {} });
    await addTask(db, `${id}-session`, id, 'session', new Date(created.getTime() + DAY));
    await addTask(db, `${id}-settlement`, id, 'settlement', new Date(created.getTime() + 2 * DAY));
    if (r() < 0.7) await complete(db, `${id}-session`, new Date(created.getTime() + 3 * DAY));
    if (r() < 0.7) await complete(db, `${id}-settlement`, new Date(created.getTime() + r() * 30 * DAY));
    const end = r();
    if (end < 0.7)
      await db
        .updateTable('cases')
        .set({
          status: 'completed',
          outcome: end < 0.45 ? 'settled' : 'referred-to-arbitration',
          data: JSON.stringify(
            end < 0.4 ? { paidAmountFen: Math.floor(r() * 9000) * 100 } : { paidAmountFen: 'n/a' },
          ) as never,
          updated_at: new Date(created.getTime() + 20 * DAY),
        })
        .where('id', '=', id)
        .execute();
  }

  // Aid requests name their kind; other assistance money keeps the payment's kind.
  for (let i = 0; i < 40; i++) {
    const id = `a-${i}`;
    const created = ago(r() * 200);
    await addCase(db, {
      id,
      process: 'hardship-aid-request',
      department: 'assistance',
      i,
      created,
      data: { aidType: pick(AID_KINDS, i) },
    });
    await pay(db, `${id}:aid`, id, 'hardship-aid', new Date(created.getTime() + 10 * DAY));
  }
  await addCase(db, {
    id: 'a-condolence',
    process: 'hardship-case',
    department: 'assistance',
    i: 2,
    created: ago(20),
    data: {},
  });
  await pay(db, 'a-condolence:pay', 'a-condolence', 'condolence', ago(10));

  // Hardship files with their history: admitted at a level, some moved level, some exited.
  for (let i = 0; i < 50; i++) {
    const id = `h-${i}`;
    const opened = ago(r() * 200);
    await addCase(db, {
      id,
      process: 'hardship-case',
      department: 'assistance',
      i,
      created: opened,
      data: {},
    });
    await db
      .insertInto('hardship_files')
      .values({
        case_id: id,
        applicant_id: pick(USERS, i),
        org_id: pick(ORGS, i),
        level: pick(LEVELS, i),
        status: 'in-file',
        opened_at: opened,
        updated_at: opened,
      })
      .execute();
    await db
      .insertInto('hardship_file_history')
      .values({
        case_id: id,
        applicant_id: pick(USERS, i),
        org_id: pick(ORGS, i),
        level: pick(LEVELS, i),
        started_at: opened,
        start_reason: 'admitted',
      })
      .execute();
    const moved = new Date(opened.getTime() + r() * 60 * DAY);
    if (i % 3 === 0 && moved < now) {
      await db
        .updateTable('hardship_file_history')
        .set({ ended_at: moved, end_reason: 'level-changed' })
        .where('case_id', '=', id)
        .where('ended_at', 'is', null)
        .execute();
      await db
        .insertInto('hardship_file_history')
        .values({
          case_id: id,
          applicant_id: pick(USERS, i),
          org_id: pick(ORGS, i),
          level: pick(LEVELS, i + 1),
          started_at: moved,
          start_reason: 'level-changed',
        })
        .execute();
      await db
        .updateTable('hardship_files')
        .set({ level: pick(LEVELS, i + 1) })
        .where('case_id', '=', id)
        .execute();
    }
    if (i % 4 === 1)
      await exit(db, id, new Date(Math.max(moved.getTime(), opened.getTime()) + r() * 30 * DAY));
  }
}

/** A household leaves the file: its open period ends, the file is archived. */
async function exit(db: Kysely<Database>, id: string, at: Date) {
  const when = at < now ? at : now;
  await db
    .updateTable('hardship_file_history')
    .set({ ended_at: when, end_reason: 'exited' })
    .where('case_id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
  await db
    .updateTable('hardship_files')
    .set({ status: 'exited', archived_at: when })
    .where('case_id', '=', id)
    .execute();
}

/** Later writes the rollups must follow. */
async function moveOn(db: Kysely<Database>) {
  // A settled dispute goes to arbitration after all; a referred one settles, with its amount.
  const settled = await db
    .selectFrom('cases')
    .select('id')
    .where('outcome', '=', 'settled')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('cases')
    .set({ outcome: 'referred-to-arbitration' })
    .where('id', '=', settled.id)
    .execute();
  const referred = await db
    .selectFrom('cases')
    .select('id')
    .where('outcome', '=', 'referred-to-arbitration')
    .where('id', '<>', settled.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('cases')
    .set({ outcome: 'settled', data: JSON.stringify({ paidAmountFen: 123_400 }) as never })
    .where('id', '=', referred.id)
    .execute();
  // A running dispute is settled today; another's agreement step is reopened; one's mediation is deleted.
  await complete(db, 'd-79-settlement', now);
  await db
    .updateTable('cases')
    .set({ status: 'completed', outcome: 'settled', data: JSON.stringify({ paidAmountFen: 5_000 }) as never })
    .where('id', '=', 'd-79')
    .execute();
  await db
    .updateTable('tasks')
    .set({ status: 'open', completed_at: null })
    .where('id', '=', 'd-3-settlement')
    .execute();
  await db.deleteFrom('tasks').where('id', '=', 'd-4-session').execute();
  // Agreements signed on the 15th day's last second and one second after it: within the limit, and not.
  for (const [id, late] of [
    ['d-5', 0],
    ['d-6', 1000],
  ] as const) {
    const filed = await db
      .selectFrom('cases')
      .select('created_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await complete(db, `${id}-settlement`, new Date(new Date(filed.created_at).getTime() + 15 * DAY + late));
    await db.updateTable('cases').set({ outcome: 'settled' }).where('id', '=', id).execute();
  }
  // An award paid today, one reclaimed, one re-timed; a proposal's tier corrected, another's tier removed.
  await pay(db, 'p-2:bonus', 'p-2', 'innovation-award', now);
  const award = await db
    .selectFrom('payments')
    .select('id')
    .where('kind', '=', 'innovation-award')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('payments')
    .set({ status: 'reclaimed', reclaimed_at: now })
    .where('id', '=', award.id)
    .execute();
  await db
    .updateTable('payments')
    .set({ paid_at: ago(1) })
    .where('id', '=', 'p-late:award')
    .execute();
  await db
    .updateTable('cases')
    .set({ data: JSON.stringify({ tier: 'breakthrough' }) as never })
    .where('id', '=', 'p-3')
    .execute();
  await db
    .updateTable('cases')
    .set({ data: JSON.stringify({ note: 'no tier' }) as never })
    .where('id', '=', 'p-4')
    .execute();
  // An aid request's kind corrected after its money was paid; a payment deleted.
  await db
    .updateTable('cases')
    .set({ data: JSON.stringify({ aidType: 'medical' }) as never })
    .where('id', '=', 'a-0')
    .execute();
  await db.deleteFrom('payments').where('id', '=', 'a-1:aid').execute();
  // A household exited in the past is re-admitted today; another exits now.
  await db
    .insertInto('hardship_file_history')
    .values({
      case_id: 'h-1',
      applicant_id: pick(USERS, 1),
      org_id: pick(ORGS, 1),
      level: 'temporary',
      started_at: now,
      start_reason: 'readmitted',
    })
    .execute();
  await db
    .updateTable('hardship_files')
    .set({ status: 'in-file', archived_at: null, level: 'temporary' })
    .where('case_id', '=', 'h-1')
    .execute();
  await exit(db, 'h-2', new Date(now.getTime() - 2 * HOUR));
}

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.db);
  await moveOn(t.db);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const day = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
/** The last day of the month before the one `today` is in. */
const lastDayBefore = (today: string) =>
  day(new Date(new Date(`${today.slice(0, 7)}-01T00:00:00+08:00`).getTime() - DAY));
const queries: [string, ScopeQuery][] = [];
for (const orgIds of [ORGS, ['org-steel'], ['org-district', 'org-steel']])
  for (const [name, range] of [
    ['12 weeks', analyticsRange({}, now)],
    ['a year', analyticsRange({ from: day(ago(364)) }, now)],
    ['mid-month to mid-month', analyticsRange({ from: day(ago(140)), to: day(ago(50)) }, now)],
    [
      'whole months',
      analyticsRange({ from: `${day(ago(120)).slice(0, 7)}-01`, to: lastDayBefore(day(now)) }, now),
    ],
    ['one day', analyticsRange({ from: day(ago(45)), to: day(ago(45)) }, now)],
    // "Now" before some of the rows: nothing written after it may count.
    ['seen from a month ago', analyticsRange({ from: day(ago(200)), to: day(ago(31)) }, ago(30.5))],
  ] as const)
    queries.push([`${orgIds.join('+')}, ${name}`, { orgIds, range }]);

describe('the department 看板 rollups', () => {
  it.each(queries)('give the innovation figures of the raw tables: %s', async (_, q) => {
    const exact = await rawInnovationFigures(t.db, q);
    expect(await innovationFigures(t.db, q)).toEqual(exact);
  });

  it.each(queries)('give the hardship figures of the raw tables: %s', async (_, q) => {
    const exact = await rawHardshipFigures(t.db, q);
    expect(await hardshipFigures(t.db, q)).toEqual(exact);
  });

  it.each(queries)('give the dispute figures of the raw tables: %s', async (_, q) => {
    const exact = await rawDisputeFigures(t.db, q);
    expect(await disputeFigures(t.db, q)).toEqual(exact);
  });

  it('cover what the test means to cover', async () => {
    const q = { orgIds: ORGS, range: analyticsRange({ from: day(ago(364)) }, now) };
    const innovation = await rawInnovationFigures(t.db, q);
    expect(innovation.byTierUnit.some((r) => r.tier === null)).toBe(true);
    expect(innovation.awards.length).toBeGreaterThan(1);
    const hardship = await rawHardshipFigures(t.db, q);
    expect(hardship.movements.reduce((n, m) => n + m.readmitted, 0)).toBeGreaterThan(0);
    expect(hardship.movements.reduce((n, m) => n + m.exited, 0)).toBeGreaterThan(0);
    expect(hardship.levels.length).toBeGreaterThan(6);
    expect(hardship.aid.map((a) => a.key)).toEqual(expect.arrayContaining(['condolence', 'medical']));
    const disputes = await rawDisputeFigures(t.db, q);
    expect(disputes.mediated).toBeGreaterThan(0);
    expect(disputes.settledWithinLimit).toBeGreaterThan(0);
    expect(disputes.settledWithinLimit).toBeLessThan(disputes.settled);
    expect(disputes.referred).toBeGreaterThan(0);
  });

  it('are what a rebuild from the read model gives (the backfill)', async () => {
    const snapshot = async () => ({
      tiers: (
        await sql`SELECT * FROM analytics_tier_days WHERE proposals <> 0 ORDER BY 1, 2, 3, 4`.execute(t.db)
      ).rows,
      payments: (
        await sql`SELECT * FROM analytics_payment_days WHERE payments <> 0 OR amount_fen <> 0 ORDER BY 1, 2, 3, 4`.execute(
          t.db,
        )
      ).rows,
      disputes: (await sql`SELECT * FROM analytics_dispute_cases ORDER BY 1`.execute(t.db)).rows,
      disputeDays: (
        await sql`SELECT * FROM analytics_dispute_days WHERE filed <> 0 ORDER BY 1, 2`.execute(t.db)
      ).rows,
      files: (
        await sql`SELECT * FROM analytics_file_months WHERE started <> 0 OR ended <> 0 ORDER BY 1, 2, 3`.execute(
          t.db,
        )
      ).rows,
    });
    const kept = await snapshot();
    await sql`SELECT analytics_department_rollups_rebuild()`.execute(t.db);
    expect(await snapshot()).toEqual(kept);
    expect(kept.disputes.length).toBe(80);
  });
});
