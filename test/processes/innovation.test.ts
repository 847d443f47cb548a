import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
});
afterAll(async () => {
  await h?.close();
});

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
    // The award is paid before the handover, which the applicant confirms.
    await h.task(id, 'handover');
    const paid = await h.t.db.selectFrom('payments').selectAll().where('case_id', '=', id).execute();
    expect(paid).toMatchObject([
      { payee_id: 'u-zhangwei', amount_fen: '500000', kind: 'innovation-award', status: 'paid' },
    ]);
    const receipt = await h.act('zhangwei', id, 'supplement', {
      data: { receipt: 'received', receiptNote: '已收到' },
    });
    expect(receipt.status).toBe(200);

    const done = await h.until('zhangwei', id, (x) => x.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'awarded' });
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
