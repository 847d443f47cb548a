import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE, screenshotDir, seriousA11yViolations, signIn, snap } from './support/browser';
import { approveInInbox, submitCase } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

/** Whether an element of the page is rendered (not `display: none`), read in the page. */
async function shown(
  page: Awaited<ReturnType<typeof env.browser.newPage>>,
  selector: string,
): Promise<boolean> {
  return page.evaluate<boolean>(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).display !== 'none'`,
  );
}

describe('the printable approval form (审批单)', () => {
  it('zhangwei prints his finished case: an A4 sheet with the union, the steps, the audit hash and a QR code', async () => {
    const applicant = await env.browser.newPage(env.platform.baseUrl);
    // The worker bundles its workflows at start-up and the gateway sheds load meanwhile.
    for (let attempt = 0; attempt < 60; attempt++) {
      if ((await applicant.goto('/login'))?.ok()) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await signIn(applicant, 'zhangwei');
    const title = `更换二号转炉烟道 ${Date.now()}`;
    const casePath = await submitCase(applicant, 'simple-approval', { title, amount: '1200' });

    const reviewer = await env.browser.newPage(env.platform.baseUrl);
    await signIn(reviewer, 'lina');
    await approveInInbox(reviewer, title, '同意实施，注意停炉安全');

    // From the case page, 打印审批单 opens the print page of the finished case.
    await applicant.goto(casePath);
    await applicant.getByTestId('case-status').filter({ hasText: '已办结' }).waitFor();
    await applicant.getByTestId('case-print').click();
    await applicant.waitForURL(/\/print$/);
    const sheet = applicant.getByTestId('approval-form');
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('济南市总工会');
    expect(text).toContain('审批单');
    expect(text).toContain(title);
    expect(text).toContain('1,200 元');
    const steps = (await applicant.getByTestId('approval-form-steps').textContent()) ?? '';
    expect(steps).toContain('基层工会审核');
    expect(steps).toContain('李娜');
    expect(steps).toContain('同意实施，注意停炉安全');
    expect(await applicant.getByTestId('approval-form-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await applicant.getByTestId('approval-form-qr').waitFor();
    expect(await seriousA11yViolations(applicant)).toEqual([]);
    await snap(applicant, '90-approval-form-screen');

    // The case number on the sheet is the one the case page shows.
    const number = ((await applicant.getByTestId('approval-form-number').textContent()) ?? '').split('：')[1];
    expect(number).toBeTruthy();

    // On paper the toolbar goes and only the sheet remains.
    expect(await shown(applicant, '.uf-print-toolbar')).toBe(true);
    await applicant.emulateMedia({ media: 'print' });
    expect(await shown(applicant, '.uf-print-toolbar')).toBe(false);
    await snap(applicant, '91-approval-form-print');
    // Chromium's own print of the page, kept beside the screenshots.
    const printed = path.join(screenshotDir, '91-approval-form-print.pdf');
    await applicant.pdf({ path: printed, format: 'A4', printBackground: true });
    const pdf = readFileSync(printed);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // One A4 page: a short case fits on one sheet.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await applicant.emulateMedia({ media: 'screen' });

    // The 下载 PDF button fetches the gateway's PDF of the same form, with the same session.
    const href = await applicant.getByTestId('print-pdf').getAttribute('href');
    expect(href).toMatch(/approval-form\.pdf\?lang=zh$/);
    const res = await applicant.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // On a phone the sheet reads without sideways scrolling.
    const phone = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(phone, 'zhangwei');
    await phone.goto(`${casePath}/print`);
    await phone.getByTestId('approval-form').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await snap(phone, '92-approval-form-375');

    // Someone who may not open the case gets the not-found page, not the form.
    const outsider = await env.browser.newPage(env.platform.baseUrl);
    await signIn(outsider, 'liuyang');
    await outsider.goto(`${casePath}/print`);
    await outsider.getByText('没有找到这个案件').waitFor();
    expect(await outsider.getByTestId('approval-form').count()).toBe(0);
  });
});
