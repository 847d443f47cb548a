/**
 * Three processes an admin builds in the designer with no code (issue #15): 入会, 金秋助学 and 微心愿.
 * The documents in docs/processes are what the designer saves; this journey drives them through the
 * admin API exactly as the designer does (save draft, validate, simulate, publish), then walks a case
 * of each as the demo members and reviewers, and reads the case back as people read it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApprovalFormDto,
  PublishResultDto,
  SaveDraftResultDto,
  SimulateResultDto,
  ValidationReportDto,
} from '../../packages/contracts/src';
import {
  type AdminCall,
  publishProcessDocument,
  readProcessDocuments,
} from '../../scripts/designer-processes';
import { createProcessHarness, type ProcessHarness } from './support/process-harness';

type Form = ApprovalFormDto;

type DocField = { key: string; options?: { value: string }[] };

const DOCS = join(__dirname, '../../docs/processes');
const documentOf = (key: string) =>
  JSON.parse(readFileSync(join(DOCS, `${key}.json`), 'utf8')) as Record<string, unknown> & {
    form: DocField[];
    nodes: { id: string; form?: DocField[] }[];
  };

let h: ProcessHarness;
beforeAll(async () => {
  h = await createProcessHarness();
});
afterAll(async () => {
  await h?.close();
});

/** One admin designer call over HTTP. */
async function admin(method: 'PUT' | 'POST', url: string, payload: object = {}) {
  const res = await h.t.app.inject({
    method,
    url: `/api/admin/definitions/${url}`,
    headers: { ...(await h.as('admin')), 'idempotency-key': randomUUID() },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}

/** Save the draft, validate it, simulate it for `data`, publish it: the designer's four buttons. */
async function buildInDesigner(key: string, data: Record<string, unknown>, applicant = 'zhangwei') {
  const document = documentOf(key);
  const saved = await admin('PUT', `${key}/draft`, { document });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect((saved.body as SaveDraftResultDto).validation).toEqual({ ok: true, errors: [] });
  const validated = await admin('POST', `${key}/validate`);
  expect(validated.status).toBe(200);
  expect(validated.body as ValidationReportDto).toEqual({ ok: true, errors: [] });
  const simulated = await admin('POST', `${key}/simulate`, { data, applicant });
  expect(simulated.status, JSON.stringify(simulated.body)).toBe(200);
  const published = await admin('POST', `${key}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  expect(published.body as PublishResultDto).toMatchObject({ key, version: 1 });
  return simulated.body as SimulateResultDto;
}

/** The approval form: the case as the server writes it for people (the print page draws it). */
async function caseInWords(username: string, caseId: string): Promise<Form> {
  const res = await h.t.app.inject({
    method: 'GET',
    url: `/api/cases/${caseId}/approval-form`,
    headers: await h.as(username),
  });
  expect(res.statusCode).toBe(200);
  return res.json() as Form;
}

/** Every text a person reads on the form: no field key, step id or option code appears in it. */
function expectNoCodes(form: Form, key: string) {
  const doc = documentOf(key);
  const codes = [
    ...doc.form.map((f) => f.key),
    ...doc.nodes.map((n) => n.id),
    ...doc.nodes.flatMap((n) => (n.form ?? []).map((f) => f.key)),
    ...[...doc.form, ...doc.nodes.flatMap((n) => n.form ?? [])].flatMap((f) =>
      (f.options ?? []).map((o) => o.value),
    ),
  ];
  const shown = JSON.stringify({
    fields: form.fields,
    steps: form.steps,
    status: form.status,
    processName: form.processName,
  });
  for (const code of codes) expect(shown, code).not.toContain(`"${code}"`);
  for (const code of codes) expect(shown, code).not.toMatch(new RegExp(`[":]${code}[",]`));
}

const startValue = (form: Form, label: string) => form.fields.find((f) => f.label === label)?.value;
const detailOf = (form: Form, step: string, label: string) =>
  form.steps.find((s) => s.step === step)?.details.find((d) => d.label === label)?.value;

describe('入会 (membership for platform workers), built in the designer', () => {
  it('is published by the admin, reviewed by the grassroots union, and ends with a union card', async () => {
    const sim = await buildInDesigner('membership-application', {
      acceptsCharter: true,
      monthlyDuesFen: 100,
    });
    expect(sim.steps.map((s) => [s.nodeId, s.assignees.map((a) => a.username)])).toEqual([
      ['check-charter', []],
      ['grassroots-review', ['zhaolei']],
      ['issue-card', ['zhaolei']],
      ['joined', []],
    ]);
    expect(sim.outcome).toBe('joined');

    const application = {
      fullName: '张伟',
      phone: '13800000000',
      platform: 'food-delivery',
      workplace: '钢城区配送站',
      acceptsCharter: true,
    };
    // Dues are fixed at 1 yuan a month (100 fen): any other amount is refused before the case starts.
    const wrongDues = await h.start('zhangwei', 'membership-application', {
      ...application,
      monthlyDuesFen: 1000,
    });
    expect(wrongDues.status).toBe(422);
    const started = await h.start('zhangwei', 'membership-application', {
      ...application,
      monthlyDuesFen: 100,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id;

    const review = await h.task(id, 'grassroots-review');
    expect(review.candidates.map((c) => c.username)).toEqual(['zhaolei']);
    expect(
      (await h.decide('zhaolei', review.id, { action: 'approve', data: { identityChecked: true } })).status,
    ).toBe(200);
    const card = await h.task(id, 'issue-card');
    expect(card.candidates.map((c) => c.username)).toEqual(['zhaolei']);
    const issued = await h.decide('zhaolei', card.id, {
      action: 'approve',
      data: { cardNumber: 'GH-2026-000123', issuedOn: '2026-12-07' },
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'joined' });
    expect(done.outcomeName?.zh).toBe('已入会，会员卡已发放');

    const form = await caseInWords('zhangwei', id);
    expect(form.processName).toBe('新就业形态劳动者入会');
    expect(startValue(form, '所在平台')).toBe('外卖配送');
    expect(startValue(form, '每月会费')).toBe('1 元');
    expect(startValue(form, '承认工会章程，愿意履行会员义务')).toBe('是');
    expect(detailOf(form, '发放会员卡', '会员卡号')).toBe('GH-2026-000123');
    expectNoCodes(form, 'membership-application');
  });

  it('ends at once, in words, when the charter is not accepted', async () => {
    const started = await h.start('zhangwei', 'membership-application', {
      fullName: '张伟',
      phone: '13800000000',
      platform: 'express',
      workplace: '钢城区快递站',
      monthlyDuesFen: 100,
      acceptsCharter: false,
    });
    expect(started.status).toBe(201);
    const done = await h.until('zhangwei', started.body.id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'rejected', outcome: 'rejected' });
    expect(done.outcomeName?.zh).toBe('未承认工会章程，不能入会');
  });
});

describe('金秋助学 (student aid), built in the designer', () => {
  const student = {
    studentName: '张小雨',
    school: '山东大学',
    schoolLevel: 'undergraduate',
    householdSize: 4,
  };

  it('simulates both sides of the income rule before it is published', async () => {
    // 4 people, 40,000 yuan a year: 833 yuan a month each, under the 1,200 limit.
    const eligible = await buildInDesigner('golden-autumn-student-aid', {
      ...student,
      annualIncomeFen: 4_000_000,
    });
    expect(eligible.steps.map((s) => s.nodeId)).toEqual([
      'income-check',
      'grassroots-verify',
      'centre-approve',
      'pay-grant',
      'granted',
    ]);
    expect(eligible.outcome).toBe('paid');
    const refused = await admin('POST', 'golden-autumn-student-aid/simulate', {
      data: { ...student, annualIncomeFen: 6_000_000 },
      applicant: 'zhangwei',
    });
    expect((refused.body as SimulateResultDto).outcome).toBe('rejected');
  });

  it('pays an eligible household after the grassroots check and the centre approval', async () => {
    const started = await h.start('zhangwei', 'golden-autumn-student-aid', {
      ...student,
      annualIncomeFen: 4_000_000,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id;
    const verify = await h.task(id, 'grassroots-verify');
    expect(verify.candidates.map((c) => c.username)).toEqual(['zhaolei']);
    const verified = await h.decide('zhaolei', verify.id, {
      action: 'approve',
      data: { verificationNote: '录取通知书和收入证明属实' },
    });
    expect(verified.status).toBe(200);
    const approve = await h.task(id, 'centre-approve');
    expect(approve.candidates.map((c) => c.username)).toEqual(['chenjie']);
    // Above the 5,000-yuan ceiling the designer set: refused.
    const tooMuch = await h.decide('chenjie', approve.id, { action: 'approve', data: { aidFen: 600_000 } });
    expect(tooMuch.status).toBe(422);
    const ok = await h.decide('chenjie', approve.id, { action: 'approve', data: { aidFen: 300_000 } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'paid' });
    const paid = await h.t.db
      .selectFrom('payments')
      .select(['payee_id', 'amount_fen', 'kind'])
      .where('case_id', '=', id)
      .execute();
    expect(paid).toEqual([{ payee_id: 'u-zhangwei', amount_fen: '300000', kind: 'golden-autumn-aid' }]);

    const form = await caseInWords('chenjie', id);
    expect(startValue(form, '就读层次')).toBe('本科');
    expect(startValue(form, '家庭年收入')).toBe('4 万元');
    expect(detailOf(form, '帮扶中心审批助学金', '助学金')).toBe('3,000 元');
    expectNoCodes(form, 'golden-autumn-student-aid');
  });

  it('refuses a household above the income limit, saying why', async () => {
    // 4 people, 60,000 yuan a year: 1,250 yuan a month each.
    const started = await h.start('zhangwei', 'golden-autumn-student-aid', {
      ...student,
      annualIncomeFen: 6_000_000,
    });
    expect(started.status).toBe(201);
    const done = await h.until('zhangwei', started.body.id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'rejected', outcome: 'rejected' });
    expect(done.outcomeName?.zh).toBe('不符合条件：家庭人均月收入不低于 1,200 元');
    const form = await caseInWords('zhangwei', started.body.id);
    expect(form.status).toContain('未通过');
    expectNoCodes(form, 'golden-autumn-student-aid');
  });
});

describe('微心愿 (small wishes), built in the designer', () => {
  it('collects, classifies, confirms with the worker, fulfils and takes feedback', async () => {
    const sim = await buildInDesigner('micro-wish', { wish: '给孩子买一套字典', wishConfirmed: true });
    expect(sim.steps.map((s) => s.nodeId)).toEqual([
      'check-and-classify',
      'confirm-with-worker',
      'worker-confirmed',
      'fulfil',
      'feedback',
      'wish-come-true',
    ]);

    const started = await h.start('zhangwei', 'micro-wish', {
      wish: '给上小学的孩子买一套字典和文具',
      reason: '孩子刚上一年级',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id;

    const classify = await h.task(id, 'check-and-classify');
    expect(classify.candidates.map((c) => c.username)).toEqual(['zhaolei']);
    expect(classify.form.find((f) => f.key === 'wishCategory')?.options?.map((o) => o.label.zh)).toEqual([
      '学习用品',
      '生活用品',
      '医疗健康',
      '服务类',
    ]);
    const classified = await h.decide('zhaolei', classify.id, {
      action: 'approve',
      data: { wishCategory: 'study', estimatedFen: 20_000 },
    });
    expect(classified.status, JSON.stringify(classified.body)).toBe(200);

    await h.task(id, 'confirm-with-worker', 'zhangwei');
    const confirmed = await h.act('zhangwei', id, 'supplement', {
      data: { wishConfirmed: true, deliveryAddress: '钢城区配送站' },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);

    const fulfil = await h.task(id, 'fulfil');
    expect(fulfil.candidates.map((c) => c.username)).toEqual(['chenjie']);
    const fulfilled = await h.decide('chenjie', fulfil.id, {
      action: 'approve',
      data: { donor: '市总工会机关党支部', fulfilledOn: '2026-12-10', actualFen: 18_800 },
    });
    expect(fulfilled.status, JSON.stringify(fulfilled.body)).toBe(200);

    await h.task(id, 'feedback', 'zhangwei');
    const feedback = await h.act('zhangwei', id, 'supplement', {
      data: { satisfaction: 'very-satisfied', thanks: '谢谢工会' },
    });
    expect(feedback.status, JSON.stringify(feedback.body)).toBe(200);

    const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'fulfilled' });
    expect(done.outcomeName?.zh).toBe('心愿已圆梦');

    const form = await caseInWords('zhangwei', id);
    expect(detailOf(form, '审核分类', '心愿类别')).toBe('学习用品');
    expect(detailOf(form, '审核分类', '预估金额')).toBe('200 元');
    expect(detailOf(form, '认领并圆梦', '实际金额')).toBe('188 元');
    // What the worker gave at their own steps reads on the form too, beside the reviewers' decisions.
    expect(detailOf(form, '与职工确认心愿', '确认心愿内容无误')).toBe('是');
    expect(detailOf(form, '与职工确认心愿', '送达地点')).toBe('钢城区配送站');
    expect(detailOf(form, '职工反馈', '满意程度')).toBe('非常满意');
    expectNoCodes(form, 'micro-wish');
  });

  it('closes the wish when the worker does not confirm it', async () => {
    const started = await h.start('zhangwei', 'micro-wish', { wish: '一双劳保鞋' });
    const id = started.body.id;
    const classify = await h.task(id, 'check-and-classify');
    await h.decide('zhaolei', classify.id, {
      action: 'approve',
      data: { wishCategory: 'daily', estimatedFen: 15_000 },
    });
    await h.task(id, 'confirm-with-worker', 'zhangwei');
    await h.act('zhangwei', id, 'supplement', { data: { wishConfirmed: false, deliveryAddress: '—' } });
    const done = await h.until('zhangwei', id, (c) => c.status !== 'running');
    expect(done).toMatchObject({ status: 'completed', outcome: 'closed' });
    expect(done.outcomeName?.zh).toBe('职工未确认，心愿关闭');
  });
});

describe('what members see of them', () => {
  it('lists the three published processes by their names for a member to start', async () => {
    const res = await h.t.app.inject({
      method: 'GET',
      url: '/api/processes',
      headers: await h.as('zhangwei'),
    });
    const listed = (res.json() as { key: string; name: { zh: string } }[]).map((p) => [p.key, p.name.zh]);
    expect(listed).toEqual(
      expect.arrayContaining([
        ['membership-application', '新就业形态劳动者入会'],
        ['golden-autumn-student-aid', '金秋助学'],
        ['micro-wish', '微心愿'],
      ]),
    );
  });
});

describe('the publishing script for a fresh install', () => {
  const call: AdminCall = async (method, path, payload) => {
    const res = await h.t.app.inject({
      method,
      url: path,
      headers: { ...(await h.as('admin')), 'idempotency-key': randomUUID() },
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };

  it('leaves processes already published from the same documents alone', async () => {
    const outcomes = [];
    for (const document of readProcessDocuments(DOCS))
      outcomes.push(await publishProcessDocument(call, document));
    expect(outcomes).toEqual([
      { key: 'golden-autumn-student-aid', result: 'unchanged', version: 1 },
      { key: 'membership-application', result: 'unchanged', version: 1 },
      { key: 'micro-wish', result: 'unchanged', version: 1 },
    ]);
  });

  it('publishes a changed document as the next version', async () => {
    const [wish] = readProcessDocuments(DOCS).filter((d) => d.key === 'micro-wish');
    const renamed = { ...wish!, name: { zh: '职工微心愿', en: 'Small wishes of workers' } };
    expect(await publishProcessDocument(call, renamed)).toEqual({
      key: 'micro-wish',
      result: 'published',
      version: 2,
    });
    expect(await publishProcessDocument(call, renamed)).toMatchObject({ result: 'unchanged', version: 2 });
  });
});
