import { describe, expect, it } from 'vitest';
import { signIn, snap } from './support/browser';
import { submitCase } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

describe('batch printing', () => {
  it('prints the approval forms of cases picked in a department list on one page, one sheet each', async () => {
    const stamp = Date.now();
    const titles = [`批量打印甲 ${stamp}`, `批量打印乙 ${stamp}`];
    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await signIn(applicant, 'zhangwei');
    for (const title of titles) await submitCase(applicant, 'simple-approval', { title });

    const reviewer = await env.browser.newPage(env.platform.baseUrl);
    await signIn(reviewer, 'lina');
    await reviewer.goto('/innovation');
    for (const title of titles) {
      const row = reviewer.getByTestId('department-case').filter({ hasText: title });
      await row.getByTestId('department-case-select').check();
    }
    await reviewer.getByTestId('print-selected').getByText('打印审批单（2）').waitFor();
    await reviewer.getByTestId('print-selected').click();
    await reviewer.waitForURL(/\/cases\/print\?ids=/);
    const sheets = reviewer.getByTestId('approval-form');
    await sheets.nth(1).waitFor();
    expect(await sheets.count()).toBe(2);
    const text = (await reviewer.locator('main').textContent()) ?? '';
    for (const title of titles) expect(text).toContain(title);
    expect(await reviewer.getByTestId('batch-count').textContent()).toBe('共 2 份审批单');

    // On paper each form starts a new sheet and the toolbar is gone.
    await reviewer.emulateMedia({ media: 'print' });
    const breaks = await reviewer.evaluate<string[]>(
      "[...document.querySelectorAll('.uf-print-batch-item')].map((el) => getComputedStyle(el).breakAfter)",
    );
    expect(breaks).toEqual(['page', 'auto']);
    expect(await reviewer.locator('.uf-print-toolbar').first().isVisible()).toBe(false);
    await snap(reviewer, '84-batch-print');
    await reviewer.emulateMedia({ media: 'screen' });
  });
});
