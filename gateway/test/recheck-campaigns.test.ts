import { randomUUID } from 'node:crypto';
import type {
  CaseDetailDto,
  ProblemDto,
  RecheckCampaignDto,
  RecheckCampaignListDto,
} from '@unionflow/contracts';
import { publishDefinition } from '@unionflow/db';
import { hardshipCase, withDurations } from '@unionflow/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../workers/test-support/engine-harness';
import { createTestApp, type TestApp } from '../test-support/app-harness';
import { addUser } from '../test-support/org-fixtures';
import { sessions } from '../test-support/test-people';

let t: TestApp;
let engine: EngineHarness;
let as: ReturnType<typeof sessions>;
const URL = '/api/hardship/recheck-campaigns';

const household = {
  householdMembers: '本人；妻（无业）',
  householdSize: 2,
  address: '济南市钢城区艾山街道 1 号',
  workSituation: '在岗',
  causeCategory: 'illness',
  causeDetail: '妻子需长期透析',
  monthlyIncomeFen: 150_000,
  idNumber: '370102199001019999',
};
const fourClears = { clearHousehold: true, clearAddress: true, clearWork: true, clearCause: true };

async function getCase(username: string, id: string): Promise<CaseDetailDto> {
  const res = await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: await as(username) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseDetailDto>();
}

async function decide(username: string, caseId: string, nodeId: string, data: Record<string, unknown>) {
  const task = await engine.eventually(async () =>
    (await getCase(username, caseId)).tasks.find((k) => k.nodeId === nodeId && k.status !== 'completed'),
  );
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/tasks/${encodeURIComponent(task.id)}/decisions`,
    headers: { ...(await as(username)), 'idempotency-key': randomUUID() },
    payload: { action: 'approve', data },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Opens a household file over HTTP, as the applicant, the grassroots cadre and the centre do. */
async function openFile(applicant: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...(await as(applicant)), 'idempotency-key': randomUUID() },
    payload: { processKey: 'hardship-case', data: household },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<CaseDetailDto>().id;
  await decide('zhaolei', id, 'verify', { ...fourClears, condSeriousIllness: true });
  await decide('chenjie', id, 'centre-approval', { level: 'deep' });
  return id;
}

const waitsAtYearlyTimer = (c: CaseDetailDto) =>
  c.timeline.some((e) => e.type === 'timer-started' && e.nodeId === 'yearly-wait');

async function start(username: string, year: number, key = randomUUID()) {
  return t.app.inject({
    method: 'POST',
    url: URL,
    headers: { ...(await as(username)), 'idempotency-key': key },
    payload: { year },
  });
}

async function progress(id: string, until: (c: RecheckCampaignDto) => boolean): Promise<RecheckCampaignDto> {
  return engine.eventually(async () => {
    const res = await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: await as('chenjie') });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<RecheckCampaignDto>();
    return until(body) ? body : undefined;
  }, 30_000);
}

const waiting: string[] = [];
let busy: string;

beforeAll(async () => {
  const taskQueue = `recheck-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  as = sessions(t.app);
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  for (const username of ['sunli', 'zhouqiang', 'wuhua'])
    await addUser(t.db, { username, orgId: 'org-steel', roles: ['member'] });
  // One household on a version whose year is a second long: it is already being re-checked.
  // The admission notice (入档公示) is a second long on both versions, so the files open within the test.
  await publishDefinition(
    t.db,
    withDurations(hardshipCase, { 'admission-notice': '1s', 'yearly-wait': '1s' }),
    'u-admin',
  );
  busy = await openFile('wuhua');
  await engine.eventually(async () =>
    (await getCase('chenjie', busy)).tasks.some((k) => k.nodeId === 'reverify' && k.status === 'open'),
  );
  // The others on the real year: they wait at the timer until the campaign reaches them.
  await publishDefinition(t.db, withDurations(hardshipCase, { 'admission-notice': '1s' }), 'u-admin');
  for (const username of ['zhangwei', 'sunli', 'zhouqiang']) waiting.push(await openFile(username));
  for (const id of waiting)
    await engine.eventually(async () => waitsAtYearlyTimer(await getCase('chenjie', id)));
}, 120_000);
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('the yearly re-check campaign (issue #15)', () => {
  it('is only for the assistance centre: members, other departments and grassroots cadres get 403', async () => {
    for (const username of ['zhangwei', 'lina', 'zhaolei', 'admin']) {
      expect((await start(username, 2026)).statusCode).toBe(403);
      const list = await t.app.inject({ method: 'GET', url: URL, headers: await as(username) });
      expect(list.statusCode).toBe(403);
    }
    expect(await t.db.selectFrom('recheck_campaigns').select('id').execute()).toEqual([]);
  });

  it('counts the files waiting for their re-check before anything starts', async () => {
    const res = await t.app.inject({ method: 'GET', url: URL, headers: await as('chenjie') });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<RecheckCampaignListDto>();
    expect(list).toMatchObject({ items: [], eligible: 3, scope: '济南市总工会' });
    expect(list.currentYear).toBeGreaterThanOrEqual(2026);
  });

  let campaignId: string;
  it('starts the year for every file in one action, skipping the one already in a re-check', async () => {
    const key = randomUUID();
    const res = await start('chenjie', 2026, key);
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<RecheckCampaignDto>();
    campaignId = started.id;
    expect(started).toMatchObject({ year: 2026, total: 4, skipped: 1, reason: '2026 年度清理复核启动' });
    const skipped = started.households.find((h) => h.caseId === busy);
    expect(skipped?.state).toBe('skipped');
    expect(skipped?.detail).toContain('年度复核认定');
    expect(skipped?.detail).toContain('not waiting for the yearly re-check');

    // The same request again (same key) is the same campaign, not a second one.
    const again = await start('chenjie', 2026, key);
    expect(again.statusCode).toBe(202);
    expect(again.json<RecheckCampaignDto>().id).toBe(campaignId);
  });

  it('refuses a second campaign of the same year with 409 naming the first', async () => {
    const res = await start('chenjie', 2026);
    expect(res.statusCode, res.body).toBe(409);
    const problem = res.json<ProblemDto & { existingCampaign?: { id: string; year: number } }>();
    expect(problem.existingCampaign).toEqual({ id: campaignId, year: 2026 });
    expect(problem.detail).toContain('不能重复发起');
    expect(problem.detail).toContain('already been started');
  });

  it('lets exactly one of two simultaneous starts of a year win', async () => {
    const [a, b] = await Promise.all([start('chenjie', 2031), start('chenjie', 2031)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
    const rows = await t.db.selectFrom('recheck_campaigns').select('id').where('year', '=', 2031).execute();
    expect(rows).toHaveLength(1);
  });

  it('ends each waiting case’s year now: the re-verification opens, with the campaign on the timeline', async () => {
    const running = await progress(campaignId, (c) => c.reached === 4 && c.pending === 3);
    expect(running).toMatchObject({ started: 3, skipped: 1, failed: 0, overdue: 0 });
    for (const id of waiting) {
      const c = await engine.eventually(async () => {
        const detail = await getCase('chenjie', id);
        return detail.tasks.some((k) => k.nodeId === 'reverify' && k.status === 'open') ? detail : undefined;
      });
      const ended = c.timeline.find((e) => e.type === 'wait-ended-early');
      expect(ended).toMatchObject({ nodeId: 'yearly-wait', comment: '2026 年度清理复核启动' });
    }
    const withTasks = await progress(
      campaignId,
      (c) => c.households.filter((h) => h.dueAt !== null).length === 3,
    );
    expect(withTasks.units).toEqual([
      {
        orgId: 'org-steel',
        unit: '山钢莱芜分公司工会',
        total: 4,
        done: 0,
        pending: 3,
        overdue: 0,
        skipped: 1,
      },
    ]);
  });

  it('moves the counts as the centre decides: kept and moved level', async () => {
    await decide('chenjie', waiting[0]!, 'reverify', {
      reverifyOutcome: 'continue',
      reverifyNote: '情况未变',
    });
    await decide('chenjie', waiting[1]!, 'reverify', { reverifyOutcome: 'change-level', level: 'relative' });
    const after = await progress(campaignId, (c) => c.done === 2);
    expect(after).toMatchObject({
      done: 2,
      pending: 1,
      outcomes: { kept: 1, movedLevel: 1, exited: 0 },
    });
    expect(after.units[0]).toMatchObject({ total: 4, done: 2, pending: 1, skipped: 1 });
    expect(after.households.map((h) => h.caseId).sort()).toEqual([waiting[2], busy].sort());
    const list = (
      await t.app.inject({ method: 'GET', url: URL, headers: await as('chenjie') })
    ).json<RecheckCampaignListDto>();
    expect(list.items.find((i) => i.id === campaignId)).toMatchObject({ year: 2026, total: 4, done: 2 });
  });

  it('keeps the campaign from users outside the centre, and unknown ids are 404', async () => {
    const other = await t.app.inject({
      method: 'GET',
      url: `${URL}/${campaignId}`,
      headers: await as('lina'),
    });
    expect(other.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'GET',
      url: `${URL}/${randomUUID()}`,
      headers: await as('chenjie'),
    });
    expect(unknown.statusCode).toBe(404);
  });
});
