import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
});
afterAll(async () => {
  await h?.close();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function call(
  username: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await h.t.app.inject({
    method,
    url,
    headers: await h.as(username),
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

async function approve(username: string, caseId: string, nodeId: string, data: Record<string, unknown> = {}) {
  const task = await h.task(caseId, nodeId);
  const res = await h.decide(username, task.id, { action: 'approve', data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Takes a started proposal through review and delivery to `awarded`. */
async function award(caseId: string, awardFen: number) {
  await approve('lina', caseId, 'grassroots-review', { awardFen });
  await approve('lina', caseId, 'schedule-delivery', {
    deliveryDate: '2026-11-25',
    deliveryPlace: '轧钢厂精整线',
  });
  await h.task(caseId, 'handover');
  expect((await h.act('zhangwei', caseId, 'supplement', { data: { receipt: 'received' } })).status).toBe(200);
  await h.until('zhangwei', caseId, (c) => c.outcome === 'awarded');
}

const now = new Date(Date.now() + 8 * 3_600_000);
const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
let awardedNumber = '';

describe('drafts, attachments and the shared library', () => {
  it('saves a proposal at any moment, attaches a photo, submits it later, and members find the result', async () => {
    const saved = await call('zhangwei', 'POST', '/api/drafts', {
      processKey: 'innovation-proposal',
      data: { title: '精整线辊道快换' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body.missing).toEqual(['kind', 'tier', 'description']);
    expect(
      (
        await call('zhangwei', 'POST', '/api/drafts', {
          processKey: 'innovation-proposal',
          data: { salary: 1 },
        })
      ).status,
    ).toBe(400);
    expect((await call('lina', 'GET', `/api/drafts/${saved.body.id}`)).status).toBe(404);

    const upload = (type: string, body: Buffer) =>
      h.as('zhangwei').then((headers) =>
        h.t.app.inject({
          method: 'POST',
          url: '/api/files?filename=现场照片.png',
          headers: { ...headers, 'content-type': type },
          payload: body,
        }),
      );
    const photo = await upload('image/png', PNG);
    expect(photo.statusCode).toBe(201);
    const fileId = photo.json().id as string;
    expect((await upload('image/png', Buffer.from('not a png'))).statusCode).toBe(400);
    expect((await upload('text/html', Buffer.from('<script>'))).statusCode).toBe(415);
    const download = async (username: string) =>
      h.t.app.inject({ method: 'GET', url: `/api/files/${fileId}`, headers: await h.as(username) });
    // Before any case refers to it, only its uploader may read it.
    expect((await download('zhangwei')).rawPayload.equals(PNG)).toBe(true);
    expect((await download('lina')).statusCode).toBe(404);

    const finished = await call('zhangwei', 'PUT', `/api/drafts/${saved.body.id}`, {
      data: {
        title: '精整线辊道快换',
        kind: 'qc',
        tier: 'topic',
        description: '辊道轴承座改为快换结构，更换时间由 2 小时降到 20 分钟。',
        attachments: [fileId],
      },
    });
    expect(finished.body.missing).toEqual([]);
    const submitted = await call('zhangwei', 'POST', `/api/drafts/${saved.body.id}/submit`);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'running', processKey: 'innovation-proposal' });
    expect((await call('zhangwei', 'GET', `/api/drafts/${saved.body.id}`)).status).toBe(404);
    // Once the submitted case refers to it, whoever may see the case may read it; others may not.
    const reviewerCopy = await download('lina');
    expect(reviewerCopy.statusCode).toBe(200);
    expect(reviewerCopy.rawPayload.equals(PNG)).toBe(true);
    expect((await download('liuyang')).statusCode).toBe(404);

    await award(submitted.body.id, 1_500_000);
    awardedNumber = submitted.body.number;
    const found = await call('lina', 'GET', `/api/library?q=${encodeURIComponent('辊道 快换')}&tier=topic`);
    expect(found.status).toBe(200);
    expect(found.body.items).toMatchObject([
      {
        caseNumber: awardedNumber,
        title: '精整线辊道快换',
        awardFen: 1_500_000,
        author: { username: 'zhangwei' },
        // The library shows the tier's name, not its code.
        tierName: { zh: '改善课题', en: 'Improvement topic' },
      },
    ]);
    expect((await call('zhangwei', 'GET', '/api/library?q=%25')).body.items).toEqual([]);
  });
});

describe('open challenge (揭榜攻关)', () => {
  it('is posted with a bounty, taken up by a team, redone once, accepted and paid', async () => {
    const challenge = {
      title: '高炉煤气含尘在线监测',
      problem: '含尘量测量滞后 2 小时，要求实时监测误差 ≤5%',
      bountyFen: 10_000_000,
    };
    expect((await h.start('zhangwei', 'innovation-challenge', challenge)).status).toBe(403);
    const posted = await h.start('wangfang', 'innovation-challenge', challenge);
    expect(posted.status).toBe(201);
    const id = posted.body.id;
    await approve('wangfang', id, 'take-up', {
      teamName: '张伟创新工作室',
      teamLeader: 'zhangwei',
      plan: '激光散射法',
    });
    const deliver = await h.task(id, 'deliver');
    expect(deliver.candidates.map((c) => c.username)).toEqual(['zhangwei']);
    await approve('zhangwei', id, 'deliver', { deliverable: '样机一台，误差 8%' });
    const evaluate = await h.task(id, 'evaluate');
    await h.decide('wangfang', evaluate.id, { action: 'reject', comment: '误差未达到 5% 指标' });
    await approve('zhangwei', id, 'deliver', { deliverable: '改进光路后误差 3.5%' });
    await approve('wangfang', id, 'evaluate', { evaluationScore: 92, evaluation: 'accepted' });
    expect(await h.until('wangfang', id, (c) => c.status !== 'running')).toMatchObject({ outcome: 'paid' });
    const paid = await h.t.db
      .selectFrom('payments')
      .select(['payee_id', 'amount_fen', 'kind'])
      .where('case_id', '=', id)
      .execute();
    expect(paid).toEqual([{ payee_id: 'u-zhangwei', amount_fen: '10000000', kind: 'challenge-bounty' }]);
  });
});

describe('periodic selections', () => {
  it("selects the quarter's excellent proposals and pacesetters from the awarded ones only", async () => {
    const started = await h.start('wangfang', 'innovation-quarterly-selection', { quarter });
    const id = started.body.id;
    const withCandidates = await h.until('wangfang', id, (c) => c.data.candidates !== undefined);
    const numbers = (withCandidates.data.candidates as { proposals: { number: string }[] }).proposals.map(
      (p) => p.number,
    );
    expect(numbers).toContain(awardedNumber);
    const select = await h.task(id, 'select');
    // The committee picks from the collected proposals: the step's form lists them as options.
    const picker = select.form.find((f) => f.key === 'excellentCases');
    expect(picker?.options?.map((o) => o.value)).toEqual(numbers);
    expect(picker?.options?.[0]?.label.zh).toContain(numbers[0]);
    const outOfBand = await h.decide('wangfang', select.id, {
      action: 'approve',
      data: { excellentCases: [awardedNumber], excellentAwardFen: 2_000_001 },
    });
    expect(outOfBand.status).toBe(422);
    const notCollected = await h.decide('wangfang', select.id, {
      action: 'approve',
      data: { excellentCases: [awardedNumber, 'NOPE-1'], excellentAwardFen: 1_000_000 },
    });
    expect(notCollected.status).toBe(422);
    expect(notCollected.body.detail).toContain('NOPE-1');
    const notAList = await h.decide('wangfang', select.id, {
      action: 'approve',
      data: { excellentCases: awardedNumber, excellentAwardFen: 1_000_000 },
    });
    expect(notAList.status).toBe(422);
    await approve('wangfang', id, 'select', {
      excellentCases: [awardedNumber],
      excellentAwardFen: 1_000_000,
      pacesetters: ['zhangwei', 'lina'],
    });
    const done = await h.until('wangfang', id, (c) => c.status !== 'running');
    expect(done.data.selection).toMatchObject({
      excellent: [{ number: awardedNumber, username: 'zhangwei' }],
      pacesetters: ['zhangwei'],
      skipped: ['lina'],
      totalFen: 1_300_000,
    });
  });

  it('inducts the year’s innovators into the hall of fame within the award band', async () => {
    const started = await h.start('wangfang', 'innovation-hall-of-fame', { year: now.getUTCFullYear() });
    const id = started.body.id;
    const ranked = await h.until('wangfang', id, (c) => c.data.candidates !== undefined);
    expect((ranked.data.candidates as { ranking: { username: string }[] }).ranking[0]?.username).toBe(
      'zhangwei',
    );
    await approve('wangfang', id, 'select', { inductees: ['zhangwei'], inducteeAwardFen: 800_000 });
    await h.until('wangfang', id, (c) => c.status !== 'running');
    const hall = await h.t.db
      .selectFrom('selection_awards')
      .select(['user_id', 'amount_fen', 'period'])
      .where('category', '=', 'hall-of-fame')
      .execute();
    expect(hall).toEqual([
      { user_id: 'u-zhangwei', amount_fen: '800000', period: String(now.getUTCFullYear()) },
    ]);
  });
});
