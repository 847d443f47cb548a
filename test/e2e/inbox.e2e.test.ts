import { describe, expect, it } from 'vitest';
import { PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import { approveInInbox, pickUser, submitCase, timelineWhen } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

describe('the inbox and the applicant', () => {
  it('bulk-approves, transfers, returns to the applicant, and the applicant urges and withdraws', async () => {
    const stamp = Date.now();
    const title = (n: string) => `${n} ${stamp}`;
    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await signIn(applicant, 'zhangwei');
    const paths: Record<string, string> = {};
    for (const n of ['批量一', '批量二', '转办', '退回', '撤回']) {
      paths[n] = await submitCase(applicant, 'simple-approval', { title: title(n) });
    }
    // After submitting, the case page opens at its top and says who has the case now.
    const submitted = applicant.getByTestId('case-banner-submitted');
    await submitted.waitFor();
    expect(await submitted.textContent()).toContain('现由 李娜 办理');
    expect(await applicant.evaluate('window.scrollY')).toBe(0);

    const lina = await env.browser.newPage(env.platform.baseUrl);
    await signIn(lina, 'lina');
    await lina.goto('/inbox');
    const card = (n: string) => lina.getByTestId('task-card').filter({ hasText: title(n) });
    await card('撤回').waitFor();

    // Bulk approval: each item is approved and reported on its own.
    await card('批量一').getByTestId('task-select').check();
    await card('批量二').getByTestId('task-select').check();
    await snap(lina, '20-inbox-bulk-selected');
    expect(await seriousA11yViolations(lina)).toEqual([]);
    await lina.getByTestId('bulk-approve').click();
    // Nothing is sent before the reviewer confirms.
    await lina.getByText('确定同意选中的 2 项吗').waitFor();
    await snap(lina, '20b-inbox-bulk-confirm');
    await lina.getByTestId('bulk-confirm').click();
    const results = lina.getByTestId('bulk-results');
    await results.waitFor();
    expect(await results.textContent()).toContain('成功 2 项');
    await snap(lina, '21-inbox-bulk-results');
    await lina.keyboard.press('Escape');
    await card('批量一').waitFor({ state: 'detached' });

    // A return dialog opened and cancelled leaves nothing behind in the next dialog's people picker.
    await card('转办').getByTestId('task-more').click();
    await lina.getByRole('menuitem', { name: '退回' }).click();
    await lina.getByTestId('decision-confirm').waitFor();
    await lina.keyboard.press('Escape');
    await lina.getByTestId('decision-confirm').waitFor({ state: 'hidden' });

    // Transfer to a colleague.
    await card('转办').getByTestId('task-more').click();
    await lina.getByRole('menuitem', { name: '转办' }).click();
    await lina.locator('#decision_to').waitFor();
    expect(await lina.locator('.ant-modal:visible .ant-select-selection-item').count()).toBe(0);
    await pickUser(lina, 'decision_to', 'wangfang');
    await lina.locator('#decision_comment').fill('请王芳处理');
    await snap(lina, '22-inbox-transfer');
    await lina.getByTestId('decision-confirm').click();
    await card('转办').waitFor({ state: 'detached' });

    // Return to the applicant with a comment.
    await card('退回').getByTestId('task-more').click();
    await lina.getByRole('menuitem', { name: '退回' }).click();
    await lina.locator('#decision_comment').fill('请补充预算明细');
    await lina.getByTestId('decision-confirm').click();
    await card('退回').waitFor({ state: 'detached' });

    const wangfang = await env.browser.newPage(env.platform.baseUrl);
    await signIn(wangfang, 'wangfang');
    await approveInInbox(wangfang, title('转办'), '同意');

    // The returned case's page opens with who returned it, why, and what to do next.
    await applicant.goto(paths['退回'] as string);
    const banner = applicant.getByTestId('case-banner-returned');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('李娜退回了你的申请：请补充预算明细');
    expect(await banner.textContent()).toContain('然后点击「提交」重新提交');
    await snap(applicant, '23a-case-returned-banner');

    // The applicant finds the returned case in their own inbox and resubmits it.
    await applicant.goto('/inbox');
    const returned = applicant.getByTestId('task-card').filter({ hasText: title('退回') });
    await returned.waitFor();
    await snap(applicant, '23-applicant-returned-task');
    await returned.getByTestId('task-approve').click();
    await returned.waitFor({ state: 'detached' });

    // Urge, then withdraw, from the case page; the progress view estimates the finish.
    await applicant.goto(paths['撤回'] as string);
    await applicant.getByTestId('progress-summary').getByText('预计办结').waitFor();
    await applicant.getByTestId('case-urge').click();
    await applicant.getByText('已提醒当前办理人').waitFor();
    await snap(applicant, '24-case-progress-urged');
    await applicant.getByTestId('case-withdraw').click();
    await applicant.locator('.ant-popconfirm .ant-btn-primary').click();
    await applicant.getByTestId('case-status').filter({ hasText: '已撤回' }).waitFor();

    // Live update: the reviewer's open inbox shows the resubmitted case without a reload.
    await lina.goto('/inbox');
    await lina.getByTestId('inbox-views').waitFor();
    await card('退回').waitFor({ timeout: 15_000 });

    expect(await timelineWhen(applicant, paths['转办'] as string, '已办结')).toContain('王芳');
    expect(await timelineWhen(applicant, paths['批量一'] as string, '已办结')).toContain('李娜');

    const phone = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(phone, 'lina');
    await phone.goto('/inbox');
    await phone.getByTestId('task-card').first().waitFor();
    await snap(phone, '25-inbox-375');
    expect(await seriousA11yViolations(phone)).toEqual([]);

    // Notifications open full-screen on a phone, not cut off at the left edge.
    await phone.getByTestId('notification-bell').click();
    const panel = phone.locator('.ant-drawer-content-wrapper');
    await panel.getByTestId('notifications').waitFor();
    // It slides in from the right: wait for it to settle.
    await expect.poll(async () => (await panel.boundingBox())?.x, { timeout: 5000 }).toBe(0);
    expect((await panel.boundingBox())?.width).toBe(PHONE.width);
    await snap(phone, '25b-notifications-375');
  });

  it('refreshes an open inbox when a new case arrives (server-sent events)', async () => {
    const lina = await env.browser.newPage(env.platform.baseUrl);
    await signIn(lina, 'lina');
    await lina.goto('/inbox');
    await lina.getByTestId('inbox-views').waitFor();
    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await signIn(applicant, 'zhangwei');
    const title = `实时推送 ${Date.now()}`;
    await submitCase(applicant, 'simple-approval', { title });
    // No navigation on lina's page: only the event stream can bring the task in.
    const card = lina.getByTestId('task-card').filter({ hasText: title });
    await card.waitFor({ timeout: 15_000 });
    // Keyboard: pick the card, then "a" approves it.
    await card.getByTestId('task-summary').click({ position: { x: 2, y: 2 } });
    await lina.keyboard.press('a');
    await card.waitFor({ state: 'detached' });
  });
});
