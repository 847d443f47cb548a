import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser';
import { submitCase } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

/** Clicks an export button, takes the browser's download and opens it as a workbook. */
async function download(page: Page, testId: string): Promise<{ name: string; sheet: ExcelJS.Worksheet }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as never);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the download has no sheet');
  return { name: file.suggestedFilename(), sheet };
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
/** Every data row as header → cell. */
function rows(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const names = headers(sheet) as string[];
  const out: Record<string, unknown>[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const values = (sheet.getRow(n).values as unknown[]).slice(1);
    out.push(Object.fromEntries(names.map((h, i) => [h, values[i] ?? null])));
  }
  return out;
}

describe('Excel exports from the browser', () => {
  it('downloads the to-do box and the audit log as .xlsx files with Chinese headers', async () => {
    const title = `导出核对 ${Date.now()}`;
    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await signIn(applicant, 'zhangwei');
    await submitCase(applicant, 'simple-approval', { title });

    // 待办: the reviewer's export holds the new case, named and timed as people read them.
    const reviewer = await env.browser.newPage(env.platform.baseUrl);
    await signIn(reviewer, 'lina');
    await reviewer.goto('/inbox');
    await reviewer.getByTestId('task-card').filter({ hasText: title }).waitFor();
    const inbox = await download(reviewer, 'export-excel');
    expect(inbox.name).toMatch(/\.xlsx$/);
    expect(headers(inbox.sheet)).toEqual([
      '编号',
      '标题',
      '流程',
      '当前步骤',
      '申请人',
      '到达时间',
      '截止时间',
    ]);
    const row = rows(inbox.sheet).find((r) => r.标题 === title);
    expect(row).toMatchObject({ 流程: '简单审批', 申请人: '张伟' });
    expect(String(row?.到达时间)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // 审计日志: the admin's export has the case's start, by the applicant, with the chain hash.
    const admin = await env.browser.newPage(env.platform.baseUrl);
    await signIn(admin, 'admin');
    await admin.goto('/admin/audit');
    await admin.getByTestId('audit-row').first().waitFor();
    const audit = await download(admin, 'export-audit');
    expect(audit.name).toMatch(/\.xlsx$/);
    expect(headers(audit.sheet)).toEqual(['时间', '事件', '操作人', '案件编号', '详情', '哈希']);
    const started = rows(audit.sheet).filter((r) => r.操作人 === '张伟（zhangwei）');
    expect(started.length).toBeGreaterThan(0);
    expect(started.every((r) => /^\S+$/.test(String(r.案件编号)))).toBe(true);
    for (const r of started) expect(String(r.哈希)).toMatch(/^[0-9a-f]{16,}$/);
  });
});
