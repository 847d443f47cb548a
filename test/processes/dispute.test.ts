import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laborDispute, withDurations } from '../../packages/domain/src';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
});
afterAll(async () => {
  await h?.close();
});

const dispute = (filedBy = 'worker') => ({
  filedBy,
  workerName: '张伟',
  workerContact: '13800000000',
  employerName: '某物流有限公司',
  claimType: 'work-injury',
  facts: '2026 年 9 月在分拣作业中受伤，经认定为工伤，单位未支付一次性伤残补助金。',
  claims: '支付一次性伤残补助金及停工留薪期工资。',
  amountClaimedFen: 120_000_000,
});

/** Files a dispute and takes it through intake; returns the case id. */
async function fileAndAccept(applicant = 'zhangwei', filedBy = 'worker'): Promise<string> {
  const started = await h.start(applicant, 'labor-dispute', dispute(filedBy));
  expect(started.status).toBe(201);
  // Titled by the definition's template, so the mediator's list tells disputes apart.
  expect(started.body.title).toBe('张伟·工伤赔偿·某物流有限公司');
  const intake = await h.task(started.body.id, 'intake');
  expect(intake.candidates.map((c) => c.username)).toEqual(['liuyang']);
  expect((await h.decide('liuyang', intake.id, { action: 'approve', comment: '符合受理条件' })).status).toBe(
    200,
  );
  return started.body.id;
}

async function approve(caseId: string, nodeId: string, data: Record<string, unknown>) {
  const task = await h.task(caseId, nodeId);
  const res = await h.decide('liuyang', task.id, { action: 'approve', data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const panel = {
  unionMediator: '刘洋',
  courtMediator: '王法官',
  procuratorateMediator: '李检察官',
  hrMediator: '赵科长',
};
const session = (sessionResult: string) => ({
  sessionDate: '2026-11-22',
  sessionMinutes: `双方陈述意见；${sessionResult}`,
  sessionResult,
});

describe('labour dispute over HTTP', () => {
  it('refuses intake with a reason', async () => {
    const started = await h.start('zhangwei', 'labor-dispute', dispute());
    const intake = await h.task(started.body.id, 'intake');
    await h.decide('liuyang', intake.id, { action: 'reject', comment: '不属于劳动争议受案范围' });
    const done = await h.until('zhangwei', started.body.id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'rejected' });
    expect(done.timeline.find((e) => e.type === 'rejected')?.comment).toBe('不属于劳动争议受案范围');
  });

  it('mediates with a four-body panel, minutes each session, and closes on a paid settlement', async () => {
    const id = await fileAndAccept();
    expect((await h.get('liuyang', id)).body.data.workerContact).toBe('13800000000');
    await approve(id, 'consent', { workerConsent: true, employerConsent: true });
    await approve(id, 'panel', panel);
    await approve(id, 'session', session('continue'));
    await approve(id, 'session', session('agreement'));
    await approve(id, 'settlement', {
      settlementTerms: '单位一次性支付伤残补助金等共计 110 万元，当日付清。',
      settlementAmountFen: 110_000_000,
      paymentDueDate: '2026-11-22',
    });
    const payment = await h.task(id, 'payment');
    const short = await h.decide('liuyang', payment.id, {
      action: 'approve',
      data: { paidAmountFen: 100_000_000, paidOn: '2026-11-22' },
    });
    expect(short.status).toBe(422);
    await approve(id, 'payment', { paidAmountFen: 110_000_000, paidOn: '2026-11-22' });
    const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'settled' });
    expect(done.data.sessions).toMatchObject({ count: 2, lastResult: 'agreement' });
    const minutes = await h.t.db
      .selectFrom('mediation_sessions')
      .select(['session_no', 'result'])
      .where('case_id', '=', id)
      .orderBy('session_no')
      .execute();
    expect(minutes).toEqual([
      { session_no: 1, result: 'continue' },
      { session_no: 2, result: 'agreement' },
    ]);
    expect(done.data.arbitration).toBeUndefined();
  });

  it('refers the case to arbitration with a summary when a party refuses mediation (filed by the union)', async () => {
    // The grassroots cadre files for the worker: the mediator who takes the case must not be its
    // applicant (segregation of duties, ADR 011).
    const id = await fileAndAccept('zhaolei', 'union');
    await approve(id, 'consent', { workerConsent: true, employerConsent: false });
    const done = await h.until('liuyang', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'referred-to-arbitration' });
    // People read the end step's name, not the code.
    expect(done.outcomeName).toEqual({ zh: '移送劳动仲裁', en: 'Referred to arbitration' });
    const arbitration = done.data.arbitration as { reason: string; summary: string };
    expect(arbitration.reason).toBe('no-consent');
    expect(arbitration.summary).toContain('工会代为申请');
    expect(arbitration.summary).toContain('1200000.00 元');
  });

  describe('with the limits shortened in the definition', () => {
    beforeAll(async () => {
      await h.publish(
        withDurations(laborDispute, {
          'consent.due': '2s',
          'consent.remindBefore': null,
          // The limit runs from the day the request is received: long enough for a session first.
          'limit-warning-wait': '6s',
          'limit-wait': '3s',
        }),
      );
    });

    it('treats silence in the consent window as no consent', async () => {
      const id = await fileAndAccept();
      const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
      expect(done.outcome).toBe('referred-to-arbitration');
      expect(done.timeline.map((e) => e.type)).toContain('overdue');
      expect((done.data.arbitration as { reason: string }).reason).toBe('no-consent');
    });

    it('counts the 15 days from the day the request is received, intake included (art. 14)', async () => {
      const started = await h.start('zhangwei', 'labor-dispute', dispute());
      expect(started.status).toBe(201);
      // Nobody takes the case in: the limit still runs out and either party may go to arbitration.
      const done = await h.until('zhangwei', started.body.id, (c) => c.status !== 'running');
      expect(done).toMatchObject({ status: 'completed', outcome: 'referred-to-arbitration' });
      expect((done.data.arbitration as { reason: string }).reason).toBe('limit-expired');
      const warned = done.timeline.find((e) => e.nodeId === 'limit-warning');
      expect(warned).toBeDefined();
      expect(done.tasks.filter((t) => t.status === 'open')).toEqual([]);
    });

    it('warns before the 15-day limit and refers the case to arbitration when it passes', async () => {
      const id = await fileAndAccept();
      await approve(id, 'consent', { workerConsent: true, employerConsent: true });
      await approve(id, 'panel', panel);
      await approve(id, 'session', session('continue'));
      const warned = await h.engine.eventually(async () => {
        const rows = await h.t.db
          .selectFrom('notifications')
          .select('user_id')
          .where('case_id', '=', id)
          .where('type', '=', 'dispute-limit-warning')
          .execute();
        return rows.length >= 2 ? rows.map((r) => r.user_id).sort() : undefined;
      });
      expect(warned).toEqual(['u-liuyang', 'u-zhangwei']);
      const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
      expect(done).toMatchObject({ status: 'completed', outcome: 'referred-to-arbitration' });
      const arbitration = done.data.arbitration as { reason: string; summary: string };
      expect(arbitration.reason).toBe('limit-expired');
      expect(arbitration.summary).toContain('第十四条');
      expect(arbitration.summary).toContain('共进行调解 1 次');
      // The session that was still open is closed with the case.
      expect(done.tasks.filter((t) => t.status === 'open')).toEqual([]);
    });
  });
});

describe("chairman's mailbox over HTTP", () => {
  it('queues an open letter for the reception day, answers it, and follows up until the writer is satisfied', async () => {
    const started = await h.start('zhangwei', 'chairman-mailbox', {
      title: '建议调整倒班职工住房补贴发放方式',
      category: 'housing',
      content: '倒班职工住房补贴按季度发放，希望改为按月发放。',
      openLetter: true,
      contactPhone: '13800000000',
    });
    expect(started.status).toBe(201);
    const id = started.body.id;
    const queued = await h.until('zhangwei', id, (c) => c.data.reception !== undefined);
    const { receptionDate } = queued.data.reception as { receptionDate: string };
    expect(receptionDate).toMatch(/^\d{4}-\d{2}-15$/);
    const row = await h.t.db
      .selectFrom('reception_queue')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirst();
    expect(row).toMatchObject({ applicant_id: 'u-zhangwei', reception_date: receptionDate });

    await approve(id, 'assign', { handler: 'zhaolei', assignNote: '请调查住房补贴发放情况' });
    const answer = await h.task(id, 'answer');
    expect(answer.candidates.map((c) => c.username)).toEqual(['zhaolei']);
    // The handler sees the letter but not the writer's phone number.
    expect((await h.get('zhaolei', id)).body.data.contactPhone).toBe('***');
    expect(
      (await h.decide('zhaolei', answer.id, { action: 'approve', data: { answer: '正在研究' } })).status,
    ).toBe(200);
    await approve(id, 'follow-up', { satisfaction: 'unsatisfied', followUpNote: '希望给出明确时间' });
    const again = await h.task(id, 'answer');
    await h.decide('zhaolei', again.id, {
      action: 'approve',
      data: { answer: '自下月起按月发放', policyChange: '住房补贴改为按月发放' },
    });
    await approve(id, 'follow-up', { satisfaction: 'satisfied' });
    const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'answered' });
    expect(done.data.policyChange).toBe('住房补贴改为按月发放');
  });
});
