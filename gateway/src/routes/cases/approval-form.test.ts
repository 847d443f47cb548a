import { randomUUID } from 'node:crypto';
import type { ApprovalFormDto, CaseDetailDto, ProblemDto } from '@unionflow/contracts';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { createTestApp, type TestApp } from '../../../test-support/app-harness';
import { sessions } from '../../../test-support/test-people';

let t: TestApp;
let engine: EngineHarness;
let as: ReturnType<typeof sessions>;
let approved: CaseDetailDto;
let hardship: CaseDetailDto;

const household = {
  householdMembers: '本人；妻（无业）',
  householdSize: 2,
  address: '济南市钢城区艾山街道 7 号',
  workSituation: '在岗',
  causeCategory: 'illness',
  causeDetail: '妻子需长期透析',
  monthlyIncomeFen: 450_000,
  idNumber: '370102198801011234',
};

async function pdfOf(username: string, caseId: string, lang = 'zh') {
  return t.app.inject({
    method: 'GET',
    url: `/api/cases/${caseId}/approval-form.pdf?lang=${lang}`,
    headers: await as(username),
  });
}

async function formOf(username: string, caseId: string) {
  return t.app.inject({
    method: 'GET',
    url: `/api/cases/${caseId}/approval-form`,
    headers: await as(username),
  });
}

/** The PDF's text as a reader's PDF tool extracts it (pdf.js underneath): what an auditor can search. */
async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  const taskQueue = `approval-form-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  as = sessions(t.app);
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });

  const created = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...(await as('zhangwei')), 'idempotency-key': randomUUID() },
    payload: { processKey: 'simple-approval', data: { title: '更换三号高炉除尘布袋', amount: 120_000 } },
  });
  expect(created.statusCode, created.body).toBe(201);
  const started = created.json<CaseDetailDto>();
  const decided = await t.app.inject({
    method: 'POST',
    url: `/api/tasks/${encodeURIComponent(started.tasks[0]!.id)}/decisions`,
    headers: { ...(await as('lina')), 'idempotency-key': randomUUID() },
    payload: { action: 'approve', comment: '同意实施，注意停炉安全' },
  });
  expect(decided.statusCode, decided.body).toBe(200);
  approved = decided.json<CaseDetailDto>();

  const file = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...(await as('zhangwei')), 'idempotency-key': randomUUID() },
    payload: { processKey: 'hardship-case', data: household },
  });
  expect(file.statusCode, file.body).toBe(201);
  hardship = file.json<CaseDetailDto>();
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('the approval form (审批单)', () => {
  it('builds one model with the union, labelled fields in yuan, each decision in words and the audit hash', async () => {
    const res = await formOf('zhangwei', approved.id);
    expect(res.statusCode, res.body).toBe(200);
    const form = res.json<ApprovalFormDto>();
    expect(form).toMatchObject({
      unionName: '济南市总工会',
      orgUnitName: '山钢莱芜分公司工会',
      heading: '审批单',
      caseNumber: approved.number,
      applicant: '张伟',
    });
    expect(form.status).toContain('已办结');
    expect(form.fields).toContainEqual({ label: '金额', value: '1,200 元' });
    expect(form.fields).toContainEqual({ label: '说明', value: '—' });
    const decision = form.steps.find((s) => s.decision === '同意');
    expect(decision).toMatchObject({
      step: '基层工会审核',
      actor: '李娜',
      comment: '同意实施，注意停炉安全',
    });
    expect(decision?.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(form.steps[0]).toMatchObject({ step: '发起申请', actor: '张伟', decision: '提交申请' });
    // The hash is the case's newest link in the chain, as stored.
    const last = await t.db
      .selectFrom('audit_events')
      .select('hash')
      .where('case_id', '=', approved.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(form.audit.hash).toBe(last.hash);
    expect(form.audit.events).toBeGreaterThan(1);
    expect(form.caseUrl).toMatch(new RegExp(`/cases/${approved.id}$`));
    // A square QR code of the case URL.
    expect(form.qr.length).toBeGreaterThanOrEqual(21);
    expect(form.qr.every((row) => row.length === form.qr.length && /^[01]+$/.test(row))).toBe(true);
  });

  for (const username of ['zhangwei', 'lina']) {
    it(`serves ${username} an A4 PDF whose text holds the case number, the step, the decision and the hash`, async () => {
      const res = await pdfOf(username, approved.id);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('.pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // A4 is 595.28 × 841.89 points.
      expect(res.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
      const text = await textOf(res.rawPayload);
      expect(text).toContain(approved.number);
      expect(text).toContain('济南市总工会');
      expect(text).toContain('基层工会审核');
      expect(text).toContain('李娜');
      expect(text).toContain('1,200 元');
      const form = (await formOf(username, approved.id)).json<ApprovalFormDto>();
      expect(text.replace(/\s/g, '')).toContain(form.audit.hash);
    });
  }

  it('writes the form in English when asked', async () => {
    const res = await pdfOf('lina', approved.id, 'en');
    expect(res.statusCode).toBe(200);
    // Words a narrow column wrapped read as one line again.
    const text = (await textOf(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Approval form');
    expect(text).toContain('Completed (Approved)');
    expect(text).toContain('Grassroots union review');
    expect(text).toContain('1,200 yuan');
  });

  it('masks household data as the viewer sees the case: the applicant reads it, an admin reads ***', async () => {
    const own = (await formOf('zhangwei', hardship.id)).json<ApprovalFormDto>();
    expect(own.fields).toContainEqual({ label: '家庭住址', value: household.address });
    expect(own.fields).toContainEqual({ label: '家庭月收入（元）', value: '4,500 元' });
    expect(own.fields).toContainEqual({ label: '致困原因', value: '因病' });

    const admin = await formOf('admin', hardship.id);
    expect(admin.statusCode, admin.body).toBe(200);
    const masked = admin.json<ApprovalFormDto>();
    expect(masked.fields).toContainEqual({ label: '家庭住址', value: '***' });
    expect(masked.fields).toContainEqual({ label: '家庭月收入（元）', value: '***' });
    expect(admin.body).not.toContain(household.address);
    expect(admin.body).not.toContain(household.idNumber);

    const adminPdf = await textOf((await pdfOf('admin', hardship.id)).rawPayload);
    expect(adminPdf).toContain(hardship.number);
    expect(adminPdf).toContain('***');
    expect(adminPdf).not.toContain('艾山街道');
    expect(adminPdf).not.toContain('4,500');
    const ownPdf = await textOf((await pdfOf('zhangwei', hardship.id)).rawPayload);
    expect(ownPdf).toContain('艾山街道');
  });

  it('answers 404 to someone who may not open the case, as the case page does', async () => {
    for (const [username, caseId] of [
      ['liuyang', approved.id],
      ['lina', hardship.id],
    ] as const) {
      const page = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${caseId}`,
        headers: await as(username),
      });
      expect(page.statusCode).toBe(404);
      for (const res of [await formOf(username, caseId), await pdfOf(username, caseId)]) {
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
  });

  it('answers 503 in Chinese and English when the configured font is missing', async () => {
    const before = process.env.PDF_CJK_FONT;
    process.env.PDF_CJK_FONT = '/nonexistent/no-such-font.ttc';
    try {
      const res = await pdfOf('zhangwei', approved.id);
      expect(res.statusCode).toBe(503);
      const problem = res.json<ProblemDto>();
      expect(problem.detail).toContain('中文字体');
      expect(problem.detail).toContain('PDF_CJK_FONT');
      expect(problem.detail).toContain('no Chinese font');
    } finally {
      if (before === undefined) delete process.env.PDF_CJK_FONT;
      else process.env.PDF_CJK_FONT = before;
    }
  });
});
