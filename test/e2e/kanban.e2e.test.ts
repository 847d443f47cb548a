import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, signIn, snap } from './support/browser';
import { apiAs } from './support/http-api';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

/** Opens a department app's 看板 tab and waits for the board and its first chart to be drawn. */
async function openBoard(page: Page, app: string, department: string) {
  await page.goto(`/${app}`);
  await page.locator('.ant-segmented-item').filter({ hasText: '看板' }).click();
  const board = page.getByTestId(`kanban-${department}`);
  await board.waitFor();
  // The weekly figure is drawn, or says the range holds no case.
  await board
    .getByTestId('process-board')
    .getByTestId('board-weekly')
    .locator('canvas, .ant-empty')
    .first()
    .waitFor();
  return board;
}

/** The number a headline figure shows. */
function figure(board: ReturnType<Page['getByTestId']>, key: string) {
  return () => board.getByTestId(`figure-${key}`).locator('.ant-statistic-content-value').innerText();
}

/** No sideways scrolling: the page is no wider than the phone. */
async function fitsWidth(page: Page): Promise<boolean> {
  return Number(await page.evaluate('document.documentElement.scrollWidth')) <= PHONE.width;
}

describe('the 看板 in the browser', () => {
  it('draws each department board from the server aggregates, exports CSV and fits a phone', async () => {
    const base = env.platform.baseUrl;
    const member = await apiAs(base, 'zhangwei');
    const started = [
      await member('POST', '/api/cases', {
        processKey: 'innovation-proposal',
        data: {
          title: `看板示例提案 ${Date.now()}`,
          kind: 'five-small',
          tier: 'proposal',
          description: '将人工更换改为快换卡箍，停机时间由 4 小时降到 40 分钟。',
        },
      }),
      await member('POST', '/api/cases', {
        processKey: 'labor-dispute',
        data: {
          filedBy: 'worker',
          workerName: '张伟',
          employerName: '某物流有限公司',
          claimType: 'wages',
          facts: '单位拖欠两个月工资。',
          claims: '支付拖欠工资。',
          amountClaimedFen: 2_000_000,
        },
      }),
    ];
    expect(
      started.map((r) => r.status),
      JSON.stringify(started.map((r) => r.body)),
    ).toEqual([201, 201]);

    // Innovation, on a desktop: the figures come from the server, and each chart exports its numbers.
    const reviewer = await env.browser.newPage(base);
    await signIn(reviewer, 'lina');
    const innovation = await openBoard(reviewer, 'innovation', 'innovation');
    await expect.poll(figure(innovation, 'proposals')).toBe('1');
    await innovation.getByTestId('board-tiers').locator('canvas').waitFor();
    const [download] = await Promise.all([
      reviewer.waitForEvent('download'),
      innovation.getByTestId('board-tiers').getByRole('button', { name: /CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('各单位提案（按层级）.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('单位,层级,提案数');
    expect(csv).toContain('山钢莱芜分公司工会,改善提案,1');
    await snap(reviewer, '60-kanban-innovation');

    // Rights, on a desktop: the dispute just filed is counted.
    const mediator = await env.browser.newPage(base);
    await signIn(mediator, 'liuyang');
    const rights = await openBoard(mediator, 'rights', 'rights');
    await expect.poll(figure(rights, 'filed')).toBe('1');
    // The process analytics open on the busiest process of the department.
    await expect.poll(() => rights.getByTestId('process-picker').innerText()).toContain('劳动争议调解');
    await snap(mediator, '61-kanban-rights');

    // Assistance, on a phone: the hardship board in numbers, one column, no sideways scrolling.
    const centre = await env.browser.newPage(base, PHONE);
    await signIn(centre, 'chenjie');
    const assistance = await openBoard(centre, 'assistance', 'assistance');
    await assistance.getByTestId('figure-in-file').waitFor();
    // No hardship case was started in the range: the weekly figure says so instead of drawing an empty axis.
    const weekly = assistance.getByTestId('process-board').getByTestId('board-weekly');
    await expect.poll(() => weekly.innerText()).toContain('该时段暂无数据');
    expect(await weekly.locator('canvas').count()).toBe(0);
    expect(await weekly.getByRole('button', { name: /CSV/ }).isDisabled()).toBe(true);
    expect(await fitsWidth(centre)).toBe(true);
    await snap(centre, '62-kanban-assistance-phone');

    // The federation board in the admin app, on a phone.
    const admin = await env.browser.newPage(base, PHONE);
    await signIn(admin, 'admin');
    await admin.goto('/admin/kanban');
    const federation = admin.getByTestId('kanban-federation');
    await federation.getByTestId('board-processes').locator('canvas').waitFor();
    await expect.poll(figure(federation, 'started')).toBe('2');
    // The board says whose units and which departments its figures cover.
    await expect.poll(() => federation.getByTestId('board-scope').innerText()).toContain('职工创新');
    expect(await fitsWidth(admin)).toBe(true);
    await snap(admin, '63-kanban-federation-phone');
  });
});

describe('who sees which 看板', () => {
  it('hides the board from a member and from an admin in the assistance app, and opens the federation board in the shell to staff', async () => {
    const base = env.platform.baseUrl;
    const boardTab = (page: Page) => page.locator('.ant-segmented-item').filter({ hasText: '看板' });

    // A member who opens a department app by its address finds its cases, and no 看板 tab to be refused.
    const member = await env.browser.newPage(base);
    await signIn(member, 'zhangwei');
    await member.goto('/innovation');
    await member.getByTestId('start-innovation-proposal').waitFor();
    await member.locator('.ant-segmented-item').first().waitFor();
    expect(await boardTab(member).count()).toBe(0);
    await member.goto('/kanban');
    await member.locator('.ant-result-404').waitFor();
    // The admin app, opened by its address, says whose it is instead of loading a page of refusals.
    await member.goto('/admin');
    await member.locator('.ant-result-403').getByText('「系统管理」只对平台管理员开放').waitFor();

    // Household numbers are for the assistance department only: an admin's assistance app has no 看板.
    const admin = await env.browser.newPage(base);
    await signIn(admin, 'admin');
    await admin.goto('/assistance');
    await admin.locator('.ant-segmented-item').first().waitFor();
    expect(await boardTab(admin).count()).toBe(0);

    // The centre: its board draws the households by level over time; the federation board is in the shell.
    const centre = await env.browser.newPage(base);
    await signIn(centre, 'chenjie');
    const assistance = await openBoard(centre, 'assistance', 'assistance');
    await expect.poll(() => assistance.getByTestId('board-levels').innerText()).toContain('各类别在档户数');
    await centre.goto('/kanban');
    await centre.getByTestId('kanban-federation').getByTestId('board-processes').waitFor();
    // Hers covers the city federation's units, and only the assistance department's processes.
    const scope = await centre.getByTestId('board-scope').innerText();
    expect(scope).toContain('济南市总工会及下级单位');
    expect(scope).toContain('困难帮扶');
    expect(scope).not.toContain('职工创新');
    await snap(centre, '64-kanban-federation-in-shell');
  });
});
