import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherOrg, addUser } from '../../gateway/test-support/org-fixtures';
import { hardshipCase, laborDispute, withDurations } from '../../packages/domain/src';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

/**
 * The 看板 over HTTP (ADR 029): cases made by the demo users through the gateway and a real worker,
 * then each board read back as department staff, with the counts, durations and yuan amounts those
 * cases must produce, and who may see which board in which scope.
 */
let h: ProcessHarness;
const ids: Record<string, string> = {};

async function board(username: string, path: string) {
  const res = await h.t.app.inject({ method: 'GET', url: path, headers: await h.as(username) });
  return { status: res.statusCode, body: res.json() };
}

async function approve(username: string, caseId: string, nodeId: string, data: Record<string, unknown> = {}) {
  const task = await h.task(caseId, nodeId);
  const res = await h.decide(username, task.id, { action: 'approve', data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The quarter (Asia/Shanghai) of now, as the board writes it. */
function quarterNow(): string {
  const local = new Date(Date.now() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

const proposal = (tier: string, title: string) => ({
  title,
  kind: 'five-small',
  tier,
  description: '将三号高炉除尘布袋由人工更换改为快换卡箍，单次停机时间由 4 小时降到 40 分钟。',
  expectedBenefitFen: 12_000_000,
});

const dispute = {
  filedBy: 'worker',
  workerName: '张伟',
  workerContact: '13800000000',
  employerName: '某物流有限公司',
  claimType: 'wages',
  facts: '单位拖欠 2026 年 9 月至 10 月工资。',
  claims: '支付拖欠工资。',
  amountClaimedFen: 2_000_000,
};

const household = {
  householdMembers: '张伟（本人，42 岁，炼钢工）；妻（40 岁，无业）',
  householdSize: 2,
  address: '济南市钢城区艾山街道 1 号',
  workSituation: '山钢莱芜分公司炼钢厂在岗',
  causeCategory: 'illness',
  causeDetail: '妻子患病需长期治疗',
  monthlyIncomeFen: 450_000,
  idNumber: '370102198801011234',
};

beforeAll(async () => {
  h = await createProcessHarness();
  await addOtherOrg(h.t.db);
  await addUser(h.t.db, { username: 'otherreviewer', orgId: 'org-other', roles: ['innovation-reviewer'] });

  // Innovation: one proposal awarded 5,000 yuan, one returned to its author.
  const awarded = await h.start('zhangwei', 'innovation-proposal', proposal('proposal', '除尘布袋快换'));
  expect(awarded.status).toBe(201);
  ids.awarded = awarded.body.id;
  await approve('lina', ids.awarded, 'grassroots-review', { awardFen: 500_000 });
  await approve('lina', ids.awarded, 'schedule-delivery', {
    deliveryDate: '2026-11-25',
    deliveryPlace: '炼铁厂三号高炉主控室',
  });
  await h.task(ids.awarded, 'handover');
  expect((await h.act('zhangwei', ids.awarded, 'supplement', { data: { receipt: 'received' } })).status).toBe(
    200,
  );
  await h.until('zhangwei', ids.awarded, (c) => c.status === 'completed');
  const returned = await h.start('zhangwei', 'innovation-proposal', proposal('suggestion', '工具架改进'));
  ids.returned = returned.body.id;
  const review = await h.task(ids.returned, 'grassroots-review');
  const back = await h.decide('lina', review.id, {
    action: 'return',
    to: 'applicant',
    comment: '请补充数据',
  });
  expect(back.status, JSON.stringify(back.body)).toBe(200);

  // Disputes: one settled (11,000 yuan paid), then one whose consent window passes in silence.
  const settled = await h.start('zhangwei', 'labor-dispute', dispute);
  ids.settled = settled.body.id;
  await approve('liuyang', ids.settled, 'intake');
  await approve('liuyang', ids.settled, 'consent', { workerConsent: true, employerConsent: true });
  await approve('liuyang', ids.settled, 'panel', {
    unionMediator: '刘洋',
    courtMediator: '王法官',
    procuratorateMediator: '李检察官',
    hrMediator: '赵科长',
  });
  await approve('liuyang', ids.settled, 'session', {
    sessionDate: '2026-11-22',
    sessionMinutes: '双方同意和解',
    sessionResult: 'agreement',
  });
  await approve('liuyang', ids.settled, 'settlement', {
    settlementTerms: '单位一次性支付拖欠工资 1.1 万元。',
    settlementAmountFen: 1_100_000,
    paymentDueDate: '2026-11-22',
  });
  await approve('liuyang', ids.settled, 'payment', { paidAmountFen: 1_100_000, paidOn: '2026-11-22' });
  await h.until('zhangwei', ids.settled, (c) => c.outcome === 'settled');
  await h.publish(withDurations(laborDispute, { 'consent.due': '2s', 'consent.remindBefore': null }));
  const silent = await h.start('zhangwei', 'labor-dispute', dispute);
  ids.silent = silent.body.id;
  await approve('liuyang', ids.silent, 'intake');
  await h.until('zhangwei', ids.silent, (c) => c.outcome === 'referred-to-arbitration');

  // Hardship: zhangwei's household admitted at the deep level, then 2,500 yuan of medical aid.
  // The admission notice (入档公示) is a second long, so the file opens within the test.
  await h.publish(withDurations(hardshipCase, { 'admission-notice': '1s' }));
  const file = await h.start('zhangwei', 'hardship-case', household);
  expect(file.status).toBe(201);
  ids.file = file.body.id;
  await approve('zhaolei', ids.file, 'verify', {
    clearHousehold: true,
    clearAddress: true,
    clearWork: true,
    clearCause: true,
    condSeriousIllness: true,
  });
  await approve('chenjie', ids.file, 'centre-approval', { level: 'deep' });
  await h.until('zhangwei', ids.file, (c) => c.data.pairing !== undefined);
  const aid = await h.start('zhangwei', 'hardship-aid-request', {
    aidType: 'medical',
    amountFen: 300_000,
    reason: '治疗自付费用',
  });
  await approve('zhaolei', aid.body.id, 'cadre-check', { cadreNote: '票据属实' });
  await approve('chenjie', aid.body.id, 'centre-approval', { approvedAmountFen: 250_000 });
  await h.until('zhangwei', aid.body.id, (c) => c.outcome === 'paid');
}, 240_000);

afterAll(async () => {
  await h?.close();
});

describe('the innovation 看板', () => {
  it('counts proposals by tier and unit, participation in scope and awards paid in the quarter', async () => {
    const { status, body } = await board('wangfang', '/api/analytics/innovation');
    expect(status).toBe(200);
    expect(body.byTierUnit).toEqual([
      {
        tier: 'proposal',
        tierName: { zh: '改善提案', en: 'Improvement proposal' },
        orgId: 'org-steel',
        unit: '山钢莱芜分公司工会',
        proposals: 1,
      },
      {
        tier: 'suggestion',
        tierName: { zh: '献一计', en: 'Suggestion' },
        orgId: 'org-steel',
        unit: '山钢莱芜分公司工会',
        proposals: 1,
      },
    ]);
    // The city federation's scope: the 7 demo users and the added reviewer; one of them submitted.
    expect(body.participation).toEqual({ members: 8, submitters: 1, rate: 0.125 });
    expect(body.awardsByQuarter).toEqual([{ quarter: quarterNow(), payments: 1, amountFen: 500_000 }]);
  });

  it('counts members of the grassroots reviewer own unit only', async () => {
    const { body } = await board('lina', '/api/analytics/innovation');
    expect(body.participation).toEqual({ members: 3, submitters: 1, rate: 0.333 });
  });

  it('shows a reviewer of another unit nothing of this one', async () => {
    const { status, body } = await board('otherreviewer', '/api/analytics/innovation');
    expect(status).toBe(200);
    expect(body.byTierUnit).toEqual([]);
    expect(body.awardsByQuarter).toEqual([]);
    expect(body.participation).toEqual({ members: 1, submitters: 0, rate: 0 });
  });
});

describe('the process 看板', () => {
  it('reads the proposal flow: weekly starts and ends, step times, where cases wait, returns', async () => {
    const { status, body } = await board('wangfang', '/api/analytics/processes/innovation-proposal');
    expect(status).toBe(200);
    expect(body.totals).toEqual({ started: 2, finished: 1, openNow: 1 });
    expect(body.weeks.reduce((n: number, w: { started: number }) => n + w.started, 0)).toBe(2);
    const review = body.stepTimes.find((s: { nodeId: string }) => s.nodeId === 'grassroots-review');
    expect(review).toMatchObject({ stepName: { zh: '基层工会评审' }, completed: 1 });
    expect(review.medianHours).toBeGreaterThanOrEqual(0);
    expect(review.p90Hours).toBeGreaterThanOrEqual(review.medianHours);
    // The returned proposal waits on its author.
    expect(body.waiting).toHaveLength(1);
    expect(body.waiting[0]).toMatchObject({ open: 1 });
    expect(body.returns.find((r: { nodeId: string }) => r.nodeId === 'grassroots-review')).toMatchObject({
      opened: 2,
      returned: 1,
      rate: 0.5,
    });
  });

  it('counts a passed deadline as an SLA breach of its step and unit', async () => {
    const { body } = await board('liuyang', '/api/analytics/processes/labor-dispute');
    expect(body.totals).toMatchObject({ started: 2, finished: 2, openNow: 0 });
    expect(body.sla).toEqual([
      expect.objectContaining({
        nodeId: 'consent',
        orgId: 'org-steel',
        unit: '山钢莱芜分公司工会',
        breaches: 1,
      }),
    ]);
  });

  it('refuses the board of another department, and an unknown process', async () => {
    expect((await board('lina', '/api/analytics/processes/labor-dispute')).status).toBe(403);
    expect((await board('admin', '/api/analytics/processes/hardship-case')).status).toBe(403);
    expect((await board('lina', '/api/analytics/processes/no-such-process')).status).toBe(404);
  });

  it('refuses a range that is not one, in Chinese and English', async () => {
    const bad = await board('lina', '/api/analytics/processes/innovation-proposal?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('开始日期无效');
    expect(bad.body.detail).toContain('"from" is not a calendar date');
    const reversed = await board('lina', '/api/analytics/innovation?from=2026-12-01&to=2026-11-01');
    expect(reversed.status).toBe(400);
  });
});

describe('the disputes 看板', () => {
  it('counts filed, mediated, settled and referred, the yuan settled and the share within 15 days', async () => {
    const { status, body } = await board('liuyang', '/api/analytics/disputes');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      limitDays: 15,
      filed: 2,
      mediated: 1,
      settled: 1,
      referred: 1,
      amountSettledFen: 1_100_000,
      settledWithinLimit: 1,
      settledWithinLimitShare: 1,
    });
    expect((await board('lina', '/api/analytics/disputes')).status).toBe(403);
  });
});

describe('the hardship 看板', () => {
  it('shows assistance staff the file by level and the aid paid by kind, in numbers only', async () => {
    const { status, body } = await board('chenjie', '/api/analytics/hardship');
    expect(status).toBe(200);
    expect(body.inFileNow).toEqual([
      { level: 'deep', levelName: { zh: '深度困难', en: 'Deep hardship' }, households: 1 },
    ]);
    expect(body.levelsByMonth.at(-1)).toMatchObject({ level: 'deep', households: 1 });
    expect(body.movements.at(-1)).toMatchObject({ admitted: 1, exited: 0, readmitted: 0 });
    expect(body.aidByKind).toEqual([
      { kind: 'medical', kindName: { zh: '医疗救助', en: 'Medical aid' }, payments: 1, amountFen: 250_000 },
    ]);
    // No household, name or case appears anywhere in the answer.
    const text = JSON.stringify(body);
    for (const secret of ['张伟', 'u-zhangwei', ids.file!, household.address])
      expect(text).not.toContain(secret);
  });

  it('gives the paired cadre the same numbers, and nobody outside the department any', async () => {
    expect((await board('zhaolei', '/api/analytics/hardship')).body.inFileNow).toHaveLength(1);
    for (const username of ['admin', 'lina', 'liuyang', 'zhangwei'])
      expect((await board(username, '/api/analytics/hardship')).status, username).toBe(403);
  });
});

describe('the federation 看板', () => {
  it('lists the processes the caller may analyse, without the hardship ones for an admin', async () => {
    const { status, body } = await board('admin', '/api/analytics/overview');
    expect(status).toBe(200);
    const keys = body.processes.map((p: { processKey: string }) => p.processKey);
    expect(keys).toContain('innovation-proposal');
    expect(keys).toContain('labor-dispute');
    expect(keys).not.toContain('hardship-case');
    expect(
      body.processes.find((p: { processKey: string }) => p.processKey === 'labor-dispute'),
    ).toMatchObject({
      started: 2,
      finished: 2,
      openNow: 0,
    });
    expect((await board('zhangwei', '/api/analytics/overview')).status).toBe(403);
  });
});

describe('the hardship file over time', () => {
  /** The 15th of the month `n` months back, midday in Asia/Shanghai. */
  const monthsAgo = (n: number) => {
    const d = new Date();
    d.setUTCDate(15);
    d.setUTCHours(4, 0, 0, 0);
    d.setUTCMonth(d.getUTCMonth() - n);
    return d;
  };
  const month = (d: Date) => d.toISOString().slice(0, 7);

  it('counts a household under the level it had at each month end, and a level change as no admission', async () => {
    // A household's file as the hardship steps leave it: admitted deep, moved to relative, then exited.
    const caseId = randomUUID();
    const [admitted, moved, exited] = [monthsAgo(3), monthsAgo(2), monthsAgo(1)];
    await h.t.db
      .insertInto('hardship_files')
      .values({
        case_id: caseId,
        applicant_id: 'u-lina',
        org_id: 'org-steel',
        level: 'relative',
        status: 'exited',
        cadre_id: null,
        card_number: null,
        opened_at: admitted,
        last_verified_at: moved,
        archived_at: exited,
        updated_at: exited,
      })
      .execute();
    const period = { case_id: caseId, applicant_id: 'u-lina', org_id: 'org-steel' };
    await h.t.db
      .insertInto('hardship_file_history')
      .values([
        {
          ...period,
          level: 'deep',
          started_at: admitted,
          start_reason: 'admitted',
          ended_at: moved,
          end_reason: 'level-changed',
        },
        {
          ...period,
          level: 'relative',
          started_at: moved,
          start_reason: 'level-changed',
          ended_at: exited,
          end_reason: 'exited',
        },
      ])
      .execute();

    const from = monthsAgo(4).toISOString().slice(0, 10);
    const { status, body } = await board('chenjie', `/api/analytics/hardship?from=${from}`);
    expect(status).toBe(200);
    const at = (m: Date) =>
      body.levelsByMonth
        .filter((r: { month: string }) => r.month === month(m))
        .map((r: { level: string; households: number }) => [r.level, r.households]);
    expect(at(admitted)).toEqual([['deep', 1]]);
    expect(at(moved)).toEqual([['relative', 1]]);
    expect(at(exited)).toEqual([]);
    const movement = (m: Date) => body.movements.find((r: { month: string }) => r.month === month(m));
    expect(movement(admitted)).toMatchObject({ admitted: 1, exited: 0, readmitted: 0 });
    expect(movement(moved)).toBeUndefined();
    expect(movement(exited)).toMatchObject({ admitted: 0, exited: 1, readmitted: 0 });
    for (const username of ['zhangwei', 'liuyang'])
      expect((await board(username, `/api/analytics/hardship?from=${from}`)).status, username).toBe(403);
  });
});
