import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_INJURY_CONDOLENCE_FEN } from '../../packages/domain/src';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
});
afterAll(async () => {
  await h?.close();
});

async function payments(caseId: string) {
  return h.t.db
    .selectFrom('payments')
    .select(['payee_id', 'amount_fen', 'kind'])
    .where('case_id', '=', caseId)
    .execute();
}

describe('work-injury visit (工伤探视慰问)', () => {
  it('is reported by the station manager, visited by phone, and the condolence goes to the injured rider', async () => {
    const started = await h.start('lina', 'work-injury-visit', {
      reporterRole: 'station-manager',
      injuredWorker: 'zhangwei',
      workerType: 'rider',
      injuryDate: '2026-11-18',
      injuryDescription: '送餐途中被电动车撞伤左腿',
    });
    expect(started.status).toBe(201);
    const id = started.body.id;
    const visit = await h.task(id, 'visit');
    expect(visit.candidates.map((c) => c.username)).toEqual(['liuyang']);
    // Notes are required: a visit is not recorded without them.
    const bare = await h.decide('liuyang', visit.id, { action: 'approve', data: { visitMode: 'phone' } });
    expect(bare.status).toBe(422);
    const done = await h.decide('liuyang', visit.id, {
      action: 'approve',
      data: { visitMode: 'phone', benefitsInPlace: true, visitNote: '已电话探视，工伤认定在办' },
    });
    expect(done.status).toBe(200);
    expect(await h.until('lina', id, (c) => c.status !== 'running')).toMatchObject({ outcome: 'paid' });
    expect(await payments(id)).toEqual([
      {
        payee_id: 'u-zhangwei',
        amount_fen: String(WORK_INJURY_CONDOLENCE_FEN),
        kind: 'work-injury-condolence',
      },
    ]);
  });
});

describe('grassroots union subsidy (基层工会补贴)', () => {
  it('computes the work-fund subsidy by the rules and pays at most that amount', async () => {
    const started = await h.start('zhaolei', 'grassroots-subsidy', {
      subsidyKind: 'work-fund',
      memberCount: 40,
      description: '新就业形态劳动者工会，会员 40 人',
    });
    expect(started.status).toBe(201);
    const id = started.body.id;
    const review = await h.task(id, 'federation-review');
    const computed = await h.until('admin', id, (c) => c.data.subsidy !== undefined);
    // 2,000 yuan for up to 25 members, plus 20 yuan for each of the 15 above.
    expect(computed.data.subsidy).toEqual({ kind: 'work-fund', amountFen: 230_000 });
    const tooMuch = await h.decide('admin', review.id, {
      action: 'approve',
      data: { approvedAmountFen: 230_001 },
    });
    expect(tooMuch.status).toBe(422);
    const ok = await h.decide('admin', review.id, {
      action: 'approve',
      data: { approvedAmountFen: 200_000 },
    });
    expect(ok.status).toBe(200);
    expect(await h.until('zhaolei', id, (c) => c.status !== 'running')).toMatchObject({ outcome: 'paid' });
    expect(await payments(id)).toEqual([
      { payee_id: 'u-zhaolei', amount_fen: '200000', kind: 'grassroots-subsidy' },
    ]);
  });

  it('asks the union for the numbers a kind needs before computing it', async () => {
    const started = await h.start('zhaolei', 'grassroots-subsidy', {
      subsidyKind: 'project',
      projectName: '骑手暖心驿站',
      description: '建设户外劳动者服务站点',
    });
    const id = started.body.id;
    await h.task(id, 'complete-numbers', 'zhaolei');
    const filled = await h.act('zhaolei', id, 'supplement', { data: { projectCostFen: 30_000_000 } });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    await h.task(id, 'federation-review');
    const computed = await h.until('admin', id, (c) => c.data.subsidy !== undefined);
    // 60 % of 300,000 yuan is 180,000: capped at 100,000.
    expect(computed.data.subsidy).toEqual({ kind: 'project', amountFen: 10_000_000 });
  });

  it('may be started only by grassroots cadres', async () => {
    const refused = await h.start('zhangwei', 'grassroots-subsidy', {
      subsidyKind: 'work-fund',
      memberCount: 10,
      description: '试图申请',
    });
    expect(refused.status).toBe(403);
  });
});
