import { publishDefinition, simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import { approveInInbox, submitCase } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

type Approval = Extract<ProcessDefinition['nodes'][number], { kind: 'approval' }>;

/** A review whose step asks the reviewer for an award before approving. */
const awardReview: ProcessDefinition = {
  ...simpleApproval,
  key: 'award-review',
  name: { zh: '带奖励审批', en: 'Review with an award' },
  nodes: [
    {
      ...(simpleApproval.nodes[0] as Approval),
      form: [{ key: 'award', label: { zh: '奖励金额', en: 'Award' }, type: 'money', required: true }],
    },
    ...simpleApproval.nodes.slice(1),
  ],
};

beforeAll(async () => {
  await publishDefinition(env.platform.db, awardReview, null);
});

/** The open bottom sheet (antd's bottom drawer). */
const sheet = (page: Page) => page.locator('.ant-drawer-bottom.ant-drawer-open');

/** The error antd shows under the form item holding the input with this id, inside the open sheet. */
const errorUnder = (page: Page, id: string) =>
  sheet(page)
    .locator('.ant-form-item')
    .filter({ has: page.locator(`#${id}`) })
    .locator('.ant-form-item-explain-error');

/** Waits for the first request the platform answers: the worker bundles workflows as the suite starts. */
async function whenServing(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    if ((await page.goto('/login'))?.ok()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('deciding on a phone', () => {
  it('the decision bar sits at the bottom after the content and opens a sheet with the fields and one comment', async () => {
    const stamp = Date.now();
    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await whenServing(applicant);
    await signIn(applicant, 'zhangwei');
    const onPhone = await submitCase(applicant, 'award-review', { title: `手机审批 ${stamp}` });
    const onDesktop = await submitCase(applicant, 'award-review', { title: `电脑审批 ${stamp}` });

    const lina = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(lina, 'lina');
    await lina.goto(onPhone);
    const bar = lina.getByTestId('decision-bar');
    await bar.waitFor();
    // Fixed at the bottom of the screen, with large buttons; content first, the task card after it.
    const box = await bar.boundingBox();
    expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBe(PHONE.height);
    expect((await bar.getByTestId('task-approve').boundingBox())?.height).toBeGreaterThanOrEqual(40);
    const dataY = (await lina.getByText('申请内容', { exact: true }).boundingBox())?.y ?? 0;
    const tasksY = (await lina.locator('#current-tasks').boundingBox())?.y ?? 0;
    expect(dataY).toBeLessThan(tasksY);
    // The form is not on the page: it waits in the sheet.
    expect(await lina.locator('#award').isVisible()).toBe(false);
    expect(await lina.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await snap(lina, '90-case-decision-bar-375');
    expect(await seriousA11yViolations(lina)).toEqual([]);

    // 同意 opens the sheet: the step's award and one comment box; the missing award is said under it.
    await bar.getByTestId('task-approve').click();
    await sheet(lina).getByText('同意', { exact: true }).first().waitFor();
    expect(await sheet(lina).locator('textarea').count()).toBe(1);
    await sheet(lina).getByTestId('sheet-confirm').click();
    await errorUnder(lina, 'award').waitFor();
    expect(await errorUnder(lina, 'award').textContent()).toContain('奖励金额');
    await snap(lina, '91-decision-sheet-award-missing-375');
    await sheet(lina)
      .getByRole('button', { name: /^取\s*消$/ })
      .click();
    await sheet(lina).waitFor({ state: 'detached' });

    // 驳回 asks for a reason, under the comment box.
    await bar.getByTestId('task-reject').click();
    await sheet(lina).getByTestId('sheet-confirm').filter({ hasText: '确认驳回' }).click();
    await errorUnder(lina, 'comment').filter({ hasText: '驳回时请填写意见' }).waitFor();
    await snap(lina, '92-decision-sheet-reject-375');
    await sheet(lina)
      .getByRole('button', { name: /^取\s*消$/ })
      .click();
    await sheet(lina).waitFor({ state: 'detached' });

    // The other actions open as sheets too: 退回 asks where to and why.
    // A tap on the menu while it is still animating in can miss: open it again until the sheet shows.
    for (let attempt = 0; ; attempt++) {
      const item = lina.getByRole('menuitem', { name: '退回' });
      if (!(await item.isVisible())) await bar.getByTestId('task-more').click();
      await item.click({ timeout: 8_000 }).catch(() => {});
      const opened = await sheet(lina)
        .locator('#decision_comment')
        .waitFor({ timeout: 8_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
      if (attempt >= 2) throw new Error('the 退回 sheet did not open after three taps');
    }
    await snap(lina, '93-decision-sheet-return-375');
    await sheet(lina)
      .getByRole('button', { name: /^取\s*消$/ })
      .click();
    await sheet(lina).waitFor({ state: 'detached' });

    // Approve with the award and a comment: the case ends, the bar leaves.
    await bar.getByTestId('task-approve').click();
    await sheet(lina).locator('#award').fill('1000');
    await sheet(lina).locator('#comment').fill('同意，按标准发放');
    await snap(lina, '94-decision-sheet-filled-375');
    await sheet(lina).getByTestId('sheet-confirm').click();
    await lina.getByTestId('case-status').filter({ hasText: '已办结' }).waitFor();
    await bar.waitFor({ state: 'detached' });
    await lina.getByTestId('case-timeline').getByText('同意，按标准发放').waitFor();
    // The case has ended: no empty 当前办理 card, the progress says the flow is over.
    expect(await lina.locator('#current-tasks').count()).toBe(0);
    await lina.getByTestId('case-progress').getByText('流程已结束').waitFor();
    await snap(lina, '95-case-decided-375');

    // On a desktop the decision stays in place under the task, with no bar.
    const desk = await env.browser.newPage(env.platform.baseUrl);
    await signIn(desk, 'lina');
    await desk.goto(onDesktop);
    await desk.locator('#current-tasks').getByTestId('task-approve').waitFor();
    expect(await desk.locator('#current-tasks #award').isVisible()).toBe(true);
    expect(await desk.getByTestId('decision-bar').count()).toBe(0);
    await snap(desk, '96-case-decision-desktop');
  });

  it('zhangwei applies from the grid on his phone, is returned by 李娜 and resubmits from the banner', async () => {
    const phone = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await whenServing(phone);
    await signIn(phone, 'zhangwei');
    await phone.goto('/new');
    await phone.getByTestId('process-tile-simple-approval').click();
    await phone.waitForURL(/process=simple-approval/);
    const title = `手机申请 ${Date.now()}`;
    await phone.locator('#title').fill(title);
    await phone.locator('#amount').fill('300');
    await phone.getByTestId('chain-preview').getByTestId('chain-line').filter({ hasText: '李娜' }).waitFor();
    await snap(phone, '97-apply-chain-preview-375');
    await phone.getByTestId('dynamic-form-submit').click();
    await phone.waitForURL(/\/cases\//);
    await phone.getByTestId('case-banner-submitted').waitFor();
    const casePath = new URL(phone.url()).pathname;

    // 李娜 returns it from the case page on her desktop, saying why.
    const lina = await env.browser.newPage(env.platform.baseUrl);
    await signIn(lina, 'lina');
    await lina.goto(casePath);
    await lina.locator('#current-tasks').getByTestId('task-more').click();
    await lina.getByRole('menuitem', { name: '退回' }).click();
    await lina.locator('#decision_comment').fill('请补充预算明细');
    await lina.getByTestId('decision-confirm').click();
    await lina.locator('#current-tasks').getByText('张伟').waitFor();

    // His phone's case page opens with who returned it and why, and a way back to his form.
    await phone.goto(casePath);
    const banner = phone.getByTestId('case-banner-returned');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('李娜退回了你的申请：请补充预算明细');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await snap(phone, '98-case-returned-375');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await banner.getByTestId('banner-resubmit').click();
    // The sheet holds his form as he sent it; he changes the amount and resubmits.
    const amount = sheet(phone).locator('#amount');
    await amount.waitFor();
    expect(await amount.inputValue()).toContain('300');
    await amount.fill('450');
    await sheet(phone).locator('#comment').fill('已补充预算明细');
    await snap(phone, '99-resubmit-sheet-375');
    await sheet(phone).getByTestId('sheet-confirm').click();
    await banner.waitFor({ state: 'detached' });
    await phone.getByTestId('decision-bar').waitFor({ state: 'detached' });
    await phone.locator('#current-tasks').getByText('李娜').waitFor();
    await snap(phone, '99b-resubmitted-375');

    // Back with 李娜, who approves it.
    await approveInInbox(lina, title);
    await phone.goto(casePath);
    await phone.getByTestId('case-status').filter({ hasText: '已办结' }).waitFor();
  });
});
