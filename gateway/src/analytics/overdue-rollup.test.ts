import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app-harness';
import { overdueNowByProcess } from './process-analytics-repository';

/**
 * "Overdue now" from the due-time rollup (ADR 041) against its definition: running cases in scope with an
 * open or claimed task whose due time is before now. Cases are written row by row and moved on as the
 * projection does, and the count is compared at instants around the due times and the month boundary.
 */
let t: TestApp;
const MIN = 60_000;
const DAY = 86_400_000;
const ORGS = ['org-city', 'org-district', 'org-steel'];
const PROCESSES = ['due-a', 'due-b'];
/** Midnight at the start of 2026-11-01 in Asia/Shanghai: the month boundary the board splits at. */
const MONTH_AT = new Date('2026-11-01T00:00:00+08:00');
/** "Now" for most checks: 10 days into November. */
const NOW = new Date(MONTH_AT.getTime() + 10 * DAY);

let n = 0;
async function newCase(db: Kysely<Database>, processKey: string, orgId: string) {
  const id = `od-${n++}`;
  const created = new Date(MONTH_AT.getTime() - 90 * DAY);
  await db
    .insertInto('cases')
    .values({
      id,
      number: `OD${String(n).padStart(6, '0')}`,
      title: `overdue ${id}`,
      process_key: processKey,
      process_version: 1,
      department: 'innovation',
      applicant_id: 'u-lina',
      org_id: orgId,
      status: 'running',
      data: '{}' as never,
      last_seq: 0,
      created_at: created,
      updated_at: created,
    })
    .execute();
  return id;
}

async function newTask(
  db: Kysely<Database>,
  caseId: string,
  due: Date | null,
  status: 'open' | 'claimed' | 'completed' = 'open',
) {
  const id = `${caseId}-t${n++}`;
  await db
    .insertInto('tasks')
    .values({
      id,
      case_id: caseId,
      node_id: 'review',
      step_name: JSON.stringify({ zh: '审核' }) as never,
      kind: 'approval',
      status,
      form: '[]' as never,
      created_at: new Date(MONTH_AT.getTime() - 60 * DAY),
      due_at: due,
      completed_at: status === 'completed' ? new Date(MONTH_AT.getTime() - DAY) : null,
    })
    .execute();
  return id;
}

/** The definition, over the raw tables. */
async function raw(orgIds: string[], now: Date) {
  const { rows } = await sql<{ process_key: string; n: number }>`
    SELECT c.process_key, count(*)::int AS n FROM cases c
    WHERE c.process_key = ANY(${PROCESSES}::text[]) AND c.status = 'running' AND c.org_id = ANY(${orgIds}::text[])
      AND EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.status IN ('open', 'claimed')
        AND t.due_at < ${now})
    GROUP BY 1 ORDER BY 1`.execute(t.db);
  return rows;
}

const rolled = async (orgIds: string[], now: Date) =>
  (await overdueNowByProcess(t.db, { orgIds, processKeys: PROCESSES, now })).sort((a, b) =>
    a.process_key.localeCompare(b.process_key),
  );

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db;
  // Named cases for the boundaries, all in due-a at org-steel unless said otherwise.
  ids.dueNow = await newCase(db, 'due-a', 'org-steel');
  await newTask(db, ids.dueNow, NOW);
  ids.dueJustBefore = await newCase(db, 'due-a', 'org-steel');
  await newTask(db, ids.dueJustBefore, new Date(NOW.getTime() - 1));
  ids.done = await newCase(db, 'due-a', 'org-steel');
  await newTask(db, ids.done, new Date(MONTH_AT.getTime() - 30 * DAY), 'completed');
  ids.claimed = await newCase(db, 'due-a', 'org-district');
  await newTask(db, ids.claimed, new Date(MONTH_AT.getTime() - 5 * DAY), 'claimed');
  ids.twoOpen = await newCase(db, 'due-a', 'org-city');
  await newTask(db, ids.twoOpen, new Date(MONTH_AT.getTime() - 40 * DAY));
  await newTask(db, ids.twoOpen, new Date(NOW.getTime() + DAY));
  ids.noDue = await newCase(db, 'due-b', 'org-steel');
  await newTask(db, ids.noDue, null);
  ids.ended = await newCase(db, 'due-b', 'org-steel');
  await newTask(db, ids.ended, new Date(MONTH_AT.getTime() - 3 * DAY));
  ids.atMonthStart = await newCase(db, 'due-b', 'org-district');
  await newTask(db, ids.atMonthStart, MONTH_AT);
  ids.future = await newCase(db, 'due-b', 'org-city');
  await newTask(db, ids.future, new Date(NOW.getTime() + 30 * DAY));
  // And a spread of ordinary cases over three months around now.
  for (let i = 0; i < 60; i++) {
    const id = await newCase(db, PROCESSES[i % 2]!, ORGS[i % 3]!);
    const due = new Date(MONTH_AT.getTime() + (i - 35) * DAY + i * 7 * MIN);
    const task = await newTask(db, id, due);
    if (i % 7 === 0) await newTask(db, id, new Date(due.getTime() - 20 * DAY));
    if (i % 5 === 0)
      await db.updateTable('tasks').set({ status: 'claimed' }).where('id', '=', task).execute();
    if (i % 11 === 0) {
      await db.updateTable('cases').set({ status: 'completed' }).where('id', '=', id).execute();
      ids.endedEarlier = id;
    }
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const instants = [
  ['now', NOW],
  ['a millisecond after now', new Date(NOW.getTime() + 1)],
  ['the month boundary', MONTH_AT],
  ['a millisecond into the month', new Date(MONTH_AT.getTime() + 1)],
  ['a month back', new Date(MONTH_AT.getTime() - 25 * DAY)],
  ['a month ahead', new Date(NOW.getTime() + 31 * DAY)],
] as const;
const scopes = [ORGS, ['org-steel'], ['org-district', 'org-city']];

describe('overdue now (ADR 041)', () => {
  it('counts a task due exactly now as not yet overdue, and one due a millisecond before as overdue', async () => {
    const steel = async (now: Date) =>
      (await rolled(['org-steel'], now)).find((r) => r.process_key === 'due-a');
    expect(await rolled(['org-steel'], NOW)).toEqual(await raw(['org-steel'], NOW));
    // Only the task due exactly at NOW falls due between NOW and a millisecond later.
    const later = await steel(new Date(NOW.getTime() + 1));
    expect(later!.n - (await steel(NOW))!.n).toBe(1);
  });

  it('excludes done tasks, counts claimed ones, and counts a case with two open tasks once', async () => {
    const steelOnly = await rolled(['org-steel'], new Date(NOW.getTime() + 365 * DAY));
    const rawSteel = await raw(['org-steel'], new Date(NOW.getTime() + 365 * DAY));
    expect(steelOnly).toEqual(rawSteel);
    const inFile = await sql<{ case_id: string }>`SELECT case_id FROM analytics_case_dues`.execute(t.db);
    const kept = new Set(inFile.rows.map((r) => r.case_id));
    expect(kept.has(ids.done!)).toBe(false);
    expect(kept.has(ids.noDue!)).toBe(false);
    expect(kept.has(ids.claimed!)).toBe(true);
    const two = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM analytics_case_dues WHERE case_id = ${ids.twoOpen}`.execute(t.db);
    expect(two.rows[0]!.n).toBe(1);
  });

  it.each(instants.flatMap(([name, at]) => scopes.map((s) => [`${name}, ${s.join('+')}`, s, at] as const)))(
    'matches the raw count: %s',
    async (_, orgIds, at) => {
      expect(await rolled([...orgIds], at)).toEqual(await raw([...orgIds], at));
    },
  );

  it('follows the tasks and cases as they move on, and a rebuild gives the same tables', async () => {
    const db = t.db;
    // The overdue task of a two-task case completed: the case waits on the later one only.
    await db
      .updateTable('tasks')
      .set({ status: 'completed', completed_at: NOW })
      .where('case_id', '=', ids.twoOpen!)
      .where('due_at', '<', MONTH_AT)
      .execute();
    // A case ends; another resumes; a due time moves into the next month and another back into this one.
    await db.updateTable('cases').set({ status: 'completed' }).where('id', '=', ids.ended!).execute();
    await db.updateTable('cases').set({ status: 'running' }).where('id', '=', ids.endedEarlier!).execute();
    await db
      .updateTable('tasks')
      .set({ due_at: new Date(NOW.getTime() + 40 * DAY) })
      .where('case_id', '=', ids.dueJustBefore!)
      .execute();
    await db
      .updateTable('tasks')
      .set({ due_at: new Date(MONTH_AT.getTime() + DAY) })
      .where('case_id', '=', ids.future!)
      .execute();
    // A done task reopened, and an open one deleted.
    await db
      .updateTable('tasks')
      .set({ status: 'open', completed_at: null })
      .where('case_id', '=', ids.done!)
      .execute();
    await db.deleteFrom('tasks').where('case_id', '=', ids.atMonthStart!).execute();
    for (const [, at] of instants)
      for (const s of scopes)
        expect(await rolled(s, at), `${at.toISOString()} ${s}`).toEqual(await raw(s, at));

    const snapshot = async () => ({
      cases: (await sql`SELECT * FROM analytics_case_dues ORDER BY case_id`.execute(db)).rows,
      months: (await sql`SELECT * FROM analytics_due_months WHERE cases <> 0 ORDER BY 1, 2, 3`.execute(db))
        .rows,
    });
    const kept = await snapshot();
    await sql`SELECT analytics_due_rollups_rebuild()`.execute(db);
    expect(await snapshot()).toEqual(kept);
    expect(kept.months.length).toBeGreaterThan(2);
  });
});
