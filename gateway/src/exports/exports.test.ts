import { type AuditEventInput, appendAuditEvents, publishDefinition, simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../test-support/app-harness';

/** A household process: the amount is household data, only the assistance centre reads it. */
const household: ProcessDefinition = {
  ...simpleApproval,
  key: 'export-household',
  name: { zh: '困难帮扶（导出）', en: 'Hardship aid (export)' },
  department: 'assistance',
  sensitiveViewerRoles: ['assistance-centre'],
  form: [
    { key: 'title', label: { zh: '标题', en: 'Title' }, type: 'text', required: true },
    { key: 'amount', label: { zh: '补助金额', en: 'Aid' }, type: 'money', sensitive: true },
  ],
};

/** A list of 10,000 cases, so the exports read twenty keyset pages (500 rows each). */
const MANY = 10_000;
/** Writing 10,000 rows takes seconds on a busy machine: more than the default test timeout allows. */
const BIG_EXPORT_TIMEOUT = 120_000;
let t: TestApp;
const as: Record<string, AuthHeaders> = {};

async function workbook(url: string, who: string, status = 200): Promise<ExcelJS.Worksheet> {
  const res = await t.app.inject({ method: 'GET', url, headers: as[who] });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"; filename\*=UTF-8''/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as never);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
/** A data row's cells by header. */
function rowOf(sheet: ExcelJS.Worksheet, n: number): Record<string, unknown> {
  const names = headers(sheet) as string[];
  const values = (sheet.getRow(n).values as unknown[]).slice(1);
  return Object.fromEntries(names.map((h, i) => [h, values[i] ?? null]));
}
function findRow(sheet: ExcelJS.Worksheet, column: string, value: unknown): Record<string, unknown> {
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = rowOf(sheet, n);
    if (row[column] === value) return row;
  }
  throw new Error(`no row with ${column} = ${String(value)}`);
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['lina', 'admin', 'chenjie', 'zhangwei']) as[u] = await login(t.app, u);
  await publishDefinition(t.db, household, null);
  // 3000 innovation cases at lina's step, one a minute from 2026-11-20 02:00 UTC (10:00 in Beijing),
  // each asking 1234.56 yuan; written straight into the read model, as the worker's projection would.
  await sql`
    INSERT INTO cases (id, number, title, process_key, process_version, department, applicant_id, org_id,
      status, outcome, current_step, data, parent_case_id, last_seq, created_at, updated_at)
    SELECT 'exp-' || i, 'EXP-' || lpad(i::text, 5, '0'), '导出测试 ' || i, 'simple-approval', 1, 'innovation',
      'u-zhangwei', 'org-steel', 'running', NULL, '{"zh":"基层工会审核","en":"Grassroots union review"}'::jsonb,
      jsonb_build_object('title', '导出测试 ' || i, 'amount', 123456), NULL, 1,
      timestamptz '2026-11-20 02:00:00+00' + i * interval '1 minute',
      timestamptz '2026-11-20 02:00:00+00' + i * interval '1 minute'
    FROM generate_series(1, ${MANY}) AS i`.execute(t.db);
  await sql`
    INSERT INTO tasks (id, case_id, node_id, step_name, kind, status, assignee_id, form, created_at, due_at,
      completed_at, decision)
    SELECT 'exp-task-' || i, 'exp-' || i, 'review', '{"zh":"基层工会审核","en":"Grassroots union review"}'::jsonb,
      'approval', 'open', NULL, '[]'::jsonb, timestamptz '2026-11-20 02:00:00+00' + i * interval '1 minute', NULL,
      NULL, NULL
    FROM generate_series(1, ${MANY}) AS i`.execute(t.db);
  await sql`
    INSERT INTO task_candidates (task_id, user_id, open, due_at, created_at, on_behalf_of)
    SELECT 'exp-task-' || i, 'u-lina', true, NULL, timestamptz '2026-11-20 02:00:00+00' + i * interval '1 minute', NULL
    FROM generate_series(1, ${MANY}) AS i`.execute(t.db);
  // One household case, in the file, paired with zhaolei.
  const at = new Date('2026-11-21T01:30:00Z');
  await t.db
    .insertInto('cases')
    .values({
      id: 'exp-household',
      number: 'EXP-H1',
      title: '家庭困难申请',
      process_key: household.key,
      process_version: 1,
      department: 'assistance',
      applicant_id: 'u-zhangwei',
      org_id: 'org-steel',
      status: 'running',
      outcome: null,
      current_step: JSON.stringify(null) as never,
      data: JSON.stringify({ title: '家庭困难申请', amount: 180000 }) as never,
      parent_case_id: null,
      last_seq: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await t.db
    .insertInto('hardship_files')
    .values({
      case_id: 'exp-household',
      applicant_id: 'u-zhangwei',
      org_id: 'org-steel',
      level: 'deep',
      status: 'in-file',
      cadre_id: 'u-zhaolei',
      card_number: 'K-001',
      opened_at: at,
      last_verified_at: new Date('2026-11-22T16:05:00Z'),
      archived_at: null,
      updated_at: at,
    })
    .execute();
  const events: AuditEventInput[] = [
    {
      eventKey: 'export-test:1',
      caseId: 'exp-household',
      at: '2026-11-21T01:31:00Z',
      actorId: 'u-zhaolei',
      type: 'approved',
      payload: { nodeId: 'review', comment: '入户核实：月收入1800元' },
    },
    // Admin operations as the user store and the delegation store record them.
    {
      eventKey: 'export-test:roles',
      caseId: null,
      at: '2026-11-21T02:00:00Z',
      actorId: 'u-admin',
      type: 'user-updated',
      payload: {
        orgId: 'org-steel',
        userId: 'u-lina',
        username: 'lina',
        changes: { roles: { added: ['auditor'], removed: ['innovation-reviewer'] } },
      },
    },
    {
      eventKey: 'export-test:delegation',
      caseId: null,
      at: '2026-11-21T02:01:00Z',
      actorId: 'u-lina',
      type: 'delegation-created',
      payload: {
        delegationId: 'd-export',
        from: 'u-lina',
        to: 'u-wangfang',
        fromName: '李娜',
        toName: '王芳',
        startsAt: '2026-11-21T16:00:00.000Z',
        endsAt: '2026-11-28T16:00:00.000Z',
        reason: '出差',
      },
    },
  ];
  await t.db.transaction().execute((trx) => appendAuditEvents(trx, events));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('Excel exports', () => {
  it(
    'exports every task of the to-do box, page after page, with Chinese headers and Beijing times',
    async () => {
      const sheet = await workbook('/api/inbox/export?box=todo', 'lina');
      expect(headers(sheet)).toEqual(['编号', '标题', '流程', '当前步骤', '申请人', '到达时间', '截止时间']);
      expect(sheet.rowCount).toBe(MANY + 1);
      expect(findRow(sheet, '编号', 'EXP-00001')).toMatchObject({
        标题: '导出测试 1',
        当前步骤: '基层工会审核',
        申请人: '张伟',
        到达时间: '2026-11-20 10:01',
      });
      const numbers = new Set<unknown>();
      for (let n = 2; n <= sheet.rowCount; n++) numbers.add(sheet.getRow(n).getCell(1).value);
      expect(numbers.size).toBe(MANY);
    },
    BIG_EXPORT_TIMEOUT,
  );

  it('applies the box filters and speaks English when asked', async () => {
    const sheet = await workbook('/api/inbox/export?box=todo&q=EXP-0001&lang=en', 'lina');
    expect(headers(sheet)[0]).toBe('Number');
    expect(sheet.rowCount).toBe(1 + 10);
    const bad = await t.app.inject({ method: 'GET', url: '/api/inbox/export?box=nope', headers: as.lina });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('收件箱');
  });

  it(
    'exports the department list with money in yuan, masking household amounts from non-viewers',
    async () => {
      const sheet = await workbook('/api/cases/export?scope=department', 'admin');
      expect(sheet.rowCount).toBe(MANY + 1 + 1);
      const innovation = findRow(sheet, '编号', 'EXP-00002');
      expect(innovation['金额（元）']).toBe(1234.56);
      expect(innovation.发起时间).toBe('2026-11-20 10:02');
      const amountColumn = (headers(sheet) as string[]).indexOf('金额（元）') + 1;
      expect(sheet.getRow(3).getCell(amountColumn).numFmt).toBe('#,##0.00');
      expect(findRow(sheet, '编号', 'EXP-H1')['金额（元）']).toBe('***');

      const centre = await workbook('/api/cases/export?scope=department', 'chenjie');
      expect(centre.rowCount).toBe(2);
      expect(findRow(centre, '编号', 'EXP-H1')['金额（元）']).toBe(1800);

      const filtered = await workbook('/api/cases/export?scope=department&process=export-household', 'admin');
      expect(filtered.rowCount).toBe(2);
    },
    BIG_EXPORT_TIMEOUT,
  );

  it('lists one department as its export does: a department app shows only its own cases', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/cases?scope=department&department=assistance&limit=100',
      headers: as.admin,
    });
    expect(list.statusCode).toBe(200);
    const numbers = list.json().items.map((c: { number: string }) => c.number);
    expect(numbers).toEqual(['EXP-H1']);
    const sheet = await workbook('/api/cases/export?scope=department&department=assistance', 'admin');
    expect(sheet.rowCount).toBe(1 + numbers.length);
    expect(findRow(sheet, '编号', 'EXP-H1')).toBeTruthy();
  });

  it('exports the audit log masked as the reader sees it', async () => {
    const sheet = await workbook('/api/audit/export?caseId=EXP-H1', 'admin');
    expect(headers(sheet)).toEqual(['时间', '事件', '操作人', '案件编号', '详情', '哈希']);
    expect(rowOf(sheet, 2)).toMatchObject({
      时间: '2026-11-21 09:31',
      事件: '同意',
      操作人: '赵磊（zhaolei）',
      案件编号: 'EXP-H1',
      详情: '***',
    });
    const centreAuditor = await t.app.inject({ method: 'GET', url: '/api/audit/export', headers: as.lina });
    expect(centreAuditor.statusCode).toBe(403);
  });

  it('words admin operations: roles by name, delegation periods in Beijing time', async () => {
    const roles = await workbook('/api/audit/export?type=user-updated', 'admin');
    expect(findRow(roles, '事件', '修改用户').详情).toBe('角色: +审计员 −基层工会创新评审');
    const delegation = await workbook('/api/audit/export?type=delegation-created', 'admin');
    const detail = String(findRow(delegation, '事件', '设置委托').详情);
    expect(detail).toBe(
      '委托人: 李娜 · 受托人: 王芳 · 开始: 2026-11-22 00:00 · 结束: 2026-11-29 00:00 · 原因: 出差',
    );
    expect(detail).not.toMatch(/auditor|T\d\d:\d\d|u-lina/);
    const english = await workbook('/api/audit/export?type=user-updated&lang=en', 'admin');
    expect(findRow(english, 'Event', 'User changed').Details).toBe(
      'roles: +Auditor −Grassroots innovation reviewer',
    );
  });

  it('exports the hardship file to the assistance centre only', async () => {
    const sheet = await workbook('/api/hardship/file/export', 'chenjie');
    expect(headers(sheet)).toEqual([
      '档案编号',
      '职工',
      '所在单位',
      '困难类别',
      '联系干部',
      '联系卡号',
      '建档时间',
      '最近复核',
    ]);
    expect(rowOf(sheet, 2)).toMatchObject({
      档案编号: 'EXP-H1',
      职工: '张伟',
      困难类别: '深度困难',
      联系干部: '赵磊',
      建档时间: '2026-11-21 09:30',
      最近复核: '2026-11-23 00:05',
    });
    for (const who of ['admin', 'lina', 'zhangwei']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/hardship/file/export', headers: as[who] });
      expect(res.statusCode, who).toBe(403);
    }
  });
});
