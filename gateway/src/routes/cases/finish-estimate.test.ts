import { randomUUID } from 'node:crypto';
import type { CaseDetailDto } from '@unionflow/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../../test-support/app-harness';
import { beijingDay } from '../../cases/finish-estimate';
import { forgetStepMedians, MIN_FINISHED_TASKS } from '../../cases/step-durations';

let t: TestApp;
let engine: EngineHarness;
const as: Record<string, AuthHeaders> = {};

async function start(title: string): Promise<CaseDetailDto> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...as.zhangwei!, 'idempotency-key': randomUUID() },
    payload: { processKey: 'simple-approval', data: { title } },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  return res.json<CaseDetailDto>();
}

async function view(id: string): Promise<CaseDetailDto> {
  const res = await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: as.zhangwei });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json<CaseDetailDto>();
}

beforeAll(async () => {
  const taskQueue = `gw-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  for (const u of ['zhangwei', 'lina']) as[u] = await login(t.app, u);
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('预计办结 on the case view', () => {
  it('reads the time limit until the step has history, then its measured median, the same on every load', async () => {
    const open = await start('等待估算');
    const task = open.tasks[0]!;
    // No history: the review's 3-day limit, i.e. its deadline's day.
    const first = await view(open.id);
    expect(first.estimate).toEqual({ finishDay: beijingDay(new Date(task.dueAt!)), basis: 'deadlines' });
    expect((await view(open.id)).estimate).toEqual(first.estimate);

    // Enough finished reviews, each of which took a day: the median replaces the limit.
    for (let i = 0; i < MIN_FINISHED_TASKS; i++) {
      const done = await start(`已办 ${i}`);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/tasks/${encodeURIComponent(done.tasks[0]!.id)}/decisions`,
        headers: { ...as.lina!, 'idempotency-key': randomUUID() },
        payload: { action: 'approve' },
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    }
    // Durations of exactly one day, whatever the clock read when the tasks ran.
    await sql`UPDATE tasks SET created_at = completed_at - interval '1 day' WHERE status = 'completed'`.execute(
      t.db,
    );
    forgetStepMedians(t.db);
    const measured = await view(open.id);
    const expected = beijingDay(new Date(Date.parse(task.createdAt) + 86_400_000));
    expect(measured.estimate).toEqual({ finishDay: expected, basis: 'history' });
    expect((await view(open.id)).estimate).toEqual(measured.estimate);
  });
});
