import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardshipCase, withDurations } from '../../packages/domain/src';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

/** The parts of a campaign (GET /api/hardship/recheck-campaigns/:id) this journey reads. */
interface RecheckCampaignDto {
  id: string;
  total: number;
  done: number;
  pending: number;
  outcomes: { kept: number; movedLevel: number; exited: number };
}

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
  // The real year: without a campaign the household would wait twelve months for its re-check. The
  // admission notice (入档公示) is a second long, so the file opens within the test.
  await h.publish(withDurations(hardshipCase, { 'admission-notice': '1s' }));
});
afterAll(async () => {
  await h?.close();
});

const household = {
  householdMembers: '张伟（本人，42 岁，炼钢工）；妻（40 岁，无业）',
  householdSize: 2,
  address: '济南市钢城区艾山街道 1 号',
  workSituation: '山钢莱芜分公司炼钢厂在岗',
  causeCategory: 'illness',
  causeDetail: '妻子患尿毒症需长期透析',
  monthlyIncomeFen: 150_000,
  idNumber: '370102199001018888',
};

async function approve(username: string, caseId: string, nodeId: string, data: Record<string, unknown> = {}) {
  const task = await h.task(caseId, nodeId);
  const res = await h.decide(username, task.id, { action: 'approve', data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function startCampaign(year: number): Promise<RecheckCampaignDto> {
  const res = await h.t.app.inject({
    method: 'POST',
    url: '/api/hardship/recheck-campaigns',
    headers: { ...(await h.as('chenjie')), 'idempotency-key': randomUUID() },
    payload: { year },
  });
  expect(res.statusCode, res.body).toBe(202);
  return res.json<RecheckCampaignDto>();
}

async function campaign(id: string, check: (c: RecheckCampaignDto) => boolean): Promise<RecheckCampaignDto> {
  return h.engine.eventually(async () => {
    const res = await h.t.app.inject({
      method: 'GET',
      url: `/api/hardship/recheck-campaigns/${id}`,
      headers: await h.as('chenjie'),
    });
    const body = res.json<RecheckCampaignDto>();
    return res.statusCode === 200 && check(body) ? body : undefined;
  }, 30_000);
}

const yearlyWaits = (c: { timeline: { type: string; nodeId: string | null }[] }) =>
  c.timeline.filter((e) => e.type === 'timer-started' && e.nodeId === 'yearly-wait').length;

describe('the yearly re-check as a campaign, year after year (issue #15)', () => {
  it('admits a household, re-checks it in the 2026 campaign, and again in 2027 after it moved level', async () => {
    const started = await h.start('zhangwei', 'hardship-case', household);
    expect(started.status).toBe(201);
    const id = started.body.id;
    await approve('zhaolei', id, 'verify', {
      clearHousehold: true,
      clearAddress: true,
      clearWork: true,
      clearCause: true,
      condSeriousIllness: true,
    });
    await approve('chenjie', id, 'centre-approval', { level: 'deep' });
    await h.until('chenjie', id, (c) => yearlyWaits(c) === 1);

    // 2026: the centre starts the year for the whole file; the household goes into its re-check now.
    const first = await startCampaign(2026);
    expect(first.total).toBe(1);
    await approve('chenjie', id, 'reverify', { reverifyOutcome: 'change-level', level: 'relative' });
    const done2026 = await campaign(first.id, (c) => c.done === 1);
    expect(done2026).toMatchObject({ pending: 0, outcomes: { kept: 0, movedLevel: 1, exited: 0 } });

    // The file is updated and the household waits for next year again, on its own timer.
    const back = await h.until('chenjie', id, (c) => yearlyWaits(c) === 2);
    expect(back.currentNodeIds).toEqual(['yearly-wait']);
    const file = await h.t.db
      .selectFrom('hardship_files')
      .select(['level', 'status'])
      .where('case_id', '=', id)
      .executeTakeFirst();
    expect(file).toEqual({ level: 'relative', status: 'in-file' });

    // 2027: a new campaign ends that wait too; the household stays in the file.
    const second = await startCampaign(2027);
    await approve('chenjie', id, 'reverify', { reverifyOutcome: 'continue' });
    expect(await campaign(second.id, (c) => c.done === 1)).toMatchObject({
      outcomes: { kept: 1, movedLevel: 0, exited: 0 },
    });
    // The 2026 campaign still counts its own decision, not next year's.
    expect(await campaign(first.id, () => true)).toMatchObject({ outcomes: { movedLevel: 1, kept: 0 } });
    const timeline = (await h.get('zhangwei', id)).body.timeline;
    expect(timeline.filter((e) => e.type === 'wait-ended-early').map((e) => e.comment)).toEqual([
      '2026 年度清理复核启动',
      '2027 年度清理复核启动',
    ]);
  });
});
