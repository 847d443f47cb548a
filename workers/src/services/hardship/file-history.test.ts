import { randomUUID } from 'node:crypto';
import { createDb, type Database, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase, type TestDatabase } from '@unionflow/devstack';
import type { ServiceCall } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../../../../packages/db/src/migrations/20261207T0300_hardship_file_history';
import { createHardshipActions } from './hardship-actions';

/**
 * The file's history as the hardship steps write it (ADR 033): the same actions the workflow calls,
 * on a real PostgreSQL, then the periods read back.
 */
let database: TestDatabase;
let db: Kysely<Database>;
const actions = createHardshipActions();

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 2 });
  await migrateToLatest(db);
  await seedDemoOrganisation(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const step = (
  caseId: string,
  action: string,
  data: Record<string, unknown> = {},
  userId = 'u-zhangwei',
): Promise<unknown> =>
  actions[action]!(
    {
      caseId,
      caseNumber: 'T-1',
      nodeId: 'step',
      action,
      params: {},
      data,
      applicant: { userId, orgId: 'org-steel' },
    } satisfies ServiceCall,
    { db } as never,
  );

const periods = (caseId: string) =>
  db
    .selectFrom('hardship_file_history')
    .select(['level', 'start_reason', 'end_reason', 'started_at', 'ended_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();

describe('the hardship file history', () => {
  it('records the admission, a level change at the re-check and the exit, once each however often a step runs', async () => {
    const caseId = randomUUID();
    await step(caseId, 'hardship.open-file', { level: 'deep' });
    await step(caseId, 'hardship.open-file', { level: 'deep' });
    await step(caseId, 'hardship.record-reverification', { level: 'deep' });
    expect(await periods(caseId)).toMatchObject([
      { level: 'deep', start_reason: 'admitted', ended_at: null },
    ]);

    await step(caseId, 'hardship.record-reverification', { level: 'relative' });
    await step(caseId, 'hardship.record-reverification', { level: 'relative' });
    const exit = (await step(caseId, 'hardship.archive')) as { archivedAt: string };
    await step(caseId, 'hardship.archive');

    const rows = await periods(caseId);
    expect(rows).toMatchObject([
      { level: 'deep', start_reason: 'admitted', end_reason: 'level-changed' },
      { level: 'relative', start_reason: 'level-changed', end_reason: 'exited' },
    ]);
    // The periods meet: the second starts when the first ends, and the exit is the file's archive time.
    expect(rows[1]!.started_at).toEqual(rows[0]!.ended_at);
    expect(new Date(rows[1]!.ended_at!).toISOString()).toBe(exit.archivedAt);
  });

  it('opens a new period when an upheld objection brings the household back, and counts a new file after an exit as a re-admission', async () => {
    // Another household than the first test's, which has already left the file.
    const first = randomUUID();
    await step(first, 'hardship.open-file', { level: 'temporary' }, 'u-zhaolei');
    await step(first, 'hardship.archive', {}, 'u-zhaolei');
    await step(first, 'hardship.reopen', {}, 'u-zhaolei');
    expect(await periods(first)).toMatchObject([
      { level: 'temporary', start_reason: 'admitted', end_reason: 'exited' },
      { level: 'temporary', start_reason: 'readmitted', end_reason: null },
    ]);
    await step(first, 'hardship.archive', {}, 'u-zhaolei');

    const second = randomUUID();
    await step(second, 'hardship.open-file', { level: 'relative' }, 'u-zhaolei');
    expect(await periods(second)).toMatchObject([
      { level: 'relative', start_reason: 'readmitted', ended_at: null },
    ]);
  });

  it('backfills one period per file already there when the table is created', async () => {
    const exited = await db
      .selectFrom('hardship_files')
      .select(['case_id', 'level', 'opened_at', 'archived_at'])
      .where('status', '=', 'exited')
      .execute();
    await down(db);
    await up(db);
    const backfilled = await db.selectFrom('hardship_file_history').selectAll().execute();
    expect(backfilled).toHaveLength(
      await db
        .selectFrom('hardship_files')
        .select('case_id')
        .execute()
        .then((r) => r.length),
    );
    for (const file of exited)
      expect(backfilled.find((p) => p.case_id === file.case_id)).toMatchObject({
        level: file.level,
        started_at: file.opened_at,
        ended_at: file.archived_at,
        end_reason: 'exited',
      });
  });
});
