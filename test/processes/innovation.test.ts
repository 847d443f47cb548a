import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
});
afterAll(async () => {
  await h?.close();
});

type Field = { key: string; min?: number; max?: number; hint?: { zh: string; en?: string } };

/** Schedules the delivery and confirms receipt at the workstation. */
async function deliver(id: string) {
  const schedule = await h.task(id, 'schedule-delivery');
  const scheduled = await h.decide('lina', schedule.id, {
    action: 'approve',
    data: { deliveryDate: '2026-11-25', deliveryPlace: '炼铁厂一号高炉' },
  });
  expect(scheduled.status).toBe(200);
  await h.task(id, 'handover');
  expect(await paymentsOf(id)).toEqual([]);
  expect((await h.act('zhangwei', id, 'supplement', { data: { receipt: 'received' } })).status).toBe(200);
}

/** The case's payment rows, the award before the mentor's share. */
function paymentsOf(id: string) {
  return h.t.db
    .selectFrom('payments')
    .select(['payee_id', 'amount_fen', 'kind', 'status'])
    .where('case_id', '=', id)
    .orderBy('kind')
    .execute();
}

const proposal = (tier: string, title: string) => ({
  title,
  kind: 'five-small',
  tier,
  description: '将三号高炉除尘布袋由人工更换改为快换卡箍，单次停机时间由 4 小时降到 40 分钟。',
  expectedBenefitFen: 12_000_000,
});

describe('innovation proposal over HTTP', () => {
  it('reviews within the tier band, delivers the award at the workstation, publishes it and pays the mentor', async () => {
    await h.t.db
      .insertInto('mentorships')
      .values({
        apprentice_id: 'u-zhangwei',
        mentor_id: 'u-zhaolei',
        registered_at: new Date(),
        ended_at: null,
      })
      .execute();
    const started = await h.start('zhangwei', 'innovation-proposal', proposal('proposal', '除尘布袋快换'));
    expect(started.status).toBe(201);
    const id = started.body.id;
    const review = await h.task(id, 'grassroots-review');
    expect(review.candidates.map((c) => c.username)).toEqual(['lina']);
    const c = await h.until('zhangwei', id, (x) => x.data.awardBand !== undefined);
    expect(c.data.awardBand).toEqual({ tier: 'proposal', min: 100_000, max: 2_000_000 });

    const tooMuch = await h.decide('lina', review.id, { action: 'approve', data: { awardFen: 2_000_001 } });
    expect(tooMuch.status).toBe(422);
    // In yuan with the field's name, in both languages; never the key or an amount in fen.
    expect(tooMuch.body.detail).toBe(
      '奖励金额须在 1,000 元至 2 万元之间 / Award must be between 1,000 and 20,000 yuan',
    );
    const tooLittle = await h.decide('lina', review.id, { action: 'approve', data: { awardFen: 99_999 } });
    expect(tooLittle.status).toBe(422);
    const approved = await h.decide('lina', review.id, {
      action: 'approve',
      comment: '效果明显，建议推广',
      data: { awardFen: 500_000 },
    });
    expect(approved.status).toBe(200);

    const schedule = await h.task(id, 'schedule-delivery');
    expect(
      (
        await h.decide('lina', schedule.id, {
          action: 'approve',
          data: { deliveryDate: '2026-11-25', deliveryPlace: '炼铁厂三号高炉主控室' },
        })
      ).status,
    ).toBe(200);
    // 送奖到岗位: nothing is paid until the applicant signs for the award, within 7 days.
    // The harness types only what most tests read; the API sends the task's times too.
    const handover = (await h.task(id, 'handover')) as unknown as { dueAt: string | null; createdAt: string };
    expect(new Date(handover.dueAt ?? 0).getTime() - new Date(handover.createdAt).getTime()).toBe(
      7 * 86_400_000,
    );
    expect(await paymentsOf(id)).toEqual([]);
    const receipt = await h.act('zhangwei', id, 'supplement', {
      data: { receipt: 'received', receiptNote: '已收到' },
    });
    expect(receipt.status).toBe(200);

    const done = await h.until('zhangwei', id, (x) => x.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'awarded' });
    const order = done.timeline.map((e) => e.nodeId);
    expect(order.lastIndexOf('handover')).toBeLessThan(order.indexOf('disburse'));
    expect(await paymentsOf(id)).toMatchObject([
      { payee_id: 'u-zhangwei', amount_fen: '500000', kind: 'innovation-award', status: 'paid' },
      { payee_id: 'u-zhaolei', amount_fen: '50000', kind: 'mentor-award', status: 'paid' },
    ]);
    // The mentor's id stays on the server (the payment row below names them); the page reads the amount.
    expect(done.data.mentorAward).toEqual({ amountFen: 50_000 });
    const payments = await h.t.db
      .selectFrom('payments')
      .select(['payee_id', 'amount_fen', 'kind'])
      .where('case_id', '=', id)
      .orderBy('kind')
      .execute();
    expect(payments).toEqual([
      { payee_id: 'u-zhangwei', amount_fen: '500000', kind: 'innovation-award' },
      { payee_id: 'u-zhaolei', amount_fen: '50000', kind: 'mentor-award' },
    ]);
    const entry = await h.t.db
      .selectFrom('library_entries')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirst();
    expect(entry).toMatchObject({
      title: '除尘布袋快换',
      tier: 'proposal',
      author_id: 'u-zhangwei',
      award_fen: '500000',
    });
  });

  it('lets the city committee set a breakthrough award within the band, pre-filled with the proposal', async () => {
    const started = await h.start(
      'zhangwei',
      'innovation-proposal',
      proposal('breakthrough', '高炉煤气余压发电攻关'),
    );
    const id = started.body.id;
    const review = await h.task(id, 'grassroots-review');
    // The grassroots amount reads as a proposal for this tier, under the input.
    const page = await h.until('lina', id, () => true);
    const proposed = (page.tasks.find((t) => t.nodeId === 'grassroots-review')?.form as Field[]).find(
      (f) => f.key === 'awardFen',
    );
    expect(proposed?.hint?.zh).toContain('攻关项目由市总工会创新委员会核定');
    expect(
      (await h.decide('lina', review.id, { action: 'approve', data: { awardFen: 8_000_000 } })).status,
    ).toBe(200);

    // One committee member sets the award; the form holds the band and the case holds the proposal.
    const setting = await h.task(id, 'city-award');
    expect(setting.candidates.map((c) => c.username)).toEqual(['wangfang']);
    const committeePage = await h.until('wangfang', id, (x) =>
      x.tasks.some((t) => t.nodeId === 'city-award'),
    );
    expect(committeePage.data.awardFen).toBe(8_000_000);
    const field = (committeePage.tasks.find((t) => t.nodeId === 'city-award')?.form as Field[]).find(
      (f) => f.key === 'awardFen',
    );
    expect(field).toMatchObject({
      min: 5_000_000,
      max: 30_000_000,
      hint: { zh: expect.stringContaining('建议金额') },
    });
    const above = await h.decide('wangfang', setting.id, {
      action: 'approve',
      data: { awardFen: 30_000_100 },
    });
    expect(above.status).toBe(422);
    expect(above.body.detail).toBe(
      '核定奖励金额须在 5 万至 30 万元之间 / Award set by the committee must be between 50,000 and 300,000 yuan',
    );
    // The grassroots reviewer is not the committee.
    expect(
      (await h.decide('lina', setting.id, { action: 'approve', data: { awardFen: 9_000_000 } })).status,
    ).toBe(403);
    const set = await h.decide('wangfang', setting.id, {
      action: 'approve',
      comment: '创效显著，上调奖励',
      data: { awardFen: 12_000_000 },
    });
    expect(set.status).toBe(200);

    // The whole committee countersigns the amount set; the countersign itself collects no amount.
    const countersign = await h.task(id, 'city-countersign');
    expect(countersign.form).toEqual([]);
    expect(
      (await h.decide('wangfang', countersign.id, { action: 'approve', data: { awardFen: 5_000_000 } }))
        .status,
    ).toBe(422);
    expect((await h.decide('wangfang', countersign.id, { action: 'approve' })).status).toBe(200);
    await deliver(id);

    const done = await h.until('zhangwei', id, (x) => x.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'awarded', data: { awardFen: 12_000_000 } });
    // The timeline names who set the amount and what it was.
    expect(done.timeline.find((e) => e.type === 'approved' && e.nodeId === 'city-award')).toMatchObject({
      actor: { username: 'wangfang' },
      comment: '创效显著，上调奖励',
      data: { awardFen: 12_000_000 },
    });
    const paid = await h.t.db
      .selectFrom('payments')
      .select(['payee_id', 'amount_fen'])
      .where('case_id', '=', id)
      .where('kind', '=', 'innovation-award')
      .execute();
    expect(paid).toEqual([{ payee_id: 'u-zhangwei', amount_fen: '12000000' }]);
    const entry = await h.t.db
      .selectFrom('library_entries')
      .select('award_fen')
      .where('case_id', '=', id)
      .executeTakeFirst();
    expect(entry).toEqual({ award_fen: '12000000' });
  });

  it('keeps the proposal when the committee approves without changing it', async () => {
    const started = await h.start(
      'zhangwei',
      'innovation-proposal',
      proposal('breakthrough', '转炉溅渣护炉攻关'),
    );
    const id = started.body.id;
    await h.decide('lina', (await h.task(id, 'grassroots-review')).id, {
      action: 'approve',
      data: { awardFen: 6_000_000 },
    });
    expect(
      (await h.decide('wangfang', (await h.task(id, 'city-award')).id, { action: 'approve' })).status,
    ).toBe(200);
    expect(
      (await h.decide('wangfang', (await h.task(id, 'city-countersign')).id, { action: 'approve' })).status,
    ).toBe(200);
    await deliver(id);
    const done = await h.until('zhangwei', id, (x) => x.status !== 'running');
    expect(done).toMatchObject({ outcome: 'awarded', data: { awardFen: 6_000_000 } });
  });

  it('sends a breakthrough project to the city committee, whose rejection ends it unpaid', async () => {
    const started = await h.start(
      'zhangwei',
      'innovation-proposal',
      proposal('breakthrough', '连铸漏钢预报攻关'),
    );
    const id = started.body.id;
    const review = await h.task(id, 'grassroots-review');
    // 40,000 yuan is below the breakthrough band (50,000–300,000).
    const below = await h.decide('lina', review.id, { action: 'approve', data: { awardFen: 4_000_000 } });
    expect(below.status).toBe(422);
    expect(below.body.detail).toBe(
      '奖励金额须在 5 万至 30 万元之间 / Award must be between 50,000 and 300,000 yuan',
    );
    // The case page shows that range under the award input before anyone types.
    const page = await h.until('lina', id, () => true);
    const form = page.tasks.find((t) => t.nodeId === 'grassroots-review')?.form as { key: string }[];
    expect(form.find((f) => f.key === 'awardFen')).toMatchObject({ min: 5_000_000, max: 30_000_000 });
    expect(
      (await h.decide('lina', review.id, { action: 'approve', data: { awardFen: 8_000_000 } })).status,
    ).toBe(200);
    const setting = await h.task(id, 'city-award');
    expect((await h.decide('wangfang', setting.id, { action: 'approve' })).status).toBe(200);
    const countersign = await h.task(id, 'city-countersign');
    expect(countersign.candidates.map((c) => c.username)).toEqual(['wangfang']);
    const rejected = await h.decide('wangfang', countersign.id, {
      action: 'reject',
      comment: '创效测算依据不足',
    });
    expect(rejected.status).toBe(200);
    const done = await h.until('zhangwei', id, (x) => x.status !== 'running');
    expect(done).toMatchObject({ status: 'rejected', outcome: 'rejected' });
    expect(done.timeline.find((e) => e.type === 'rejected')).toMatchObject({ comment: '创效测算依据不足' });
    expect(await h.t.db.selectFrom('payments').select('id').where('case_id', '=', id).execute()).toEqual([]);
    const told = await h.t.db
      .selectFrom('notifications')
      .select('message')
      .where('case_id', '=', id)
      .where('user_id', '=', 'u-zhangwei')
      .where('type', '=', 'service')
      .execute();
    expect(JSON.stringify(told)).toContain('未通过评审');
  });

  it('ends a suggestion the grassroots union rejects, with nothing published', async () => {
    const started = await h.start('zhangwei', 'innovation-proposal', proposal('suggestion', '食堂错峰就餐'));
    const review = await h.task(started.body.id, 'grassroots-review');
    await h.decide('lina', review.id, { action: 'reject', comment: '已有同类措施' });
    const done = await h.until('zhangwei', started.body.id, (x) => x.status !== 'running');
    expect(done.outcome).toBe('rejected');
    expect(
      await h.t.db
        .selectFrom('library_entries')
        .select('case_id')
        .where('case_id', '=', started.body.id)
        .execute(),
    ).toEqual([]);
  });
});
