import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  PHONE,
  seriousA11yViolations,
  signIn,
  snap,
  type TestBrowser,
} from './support/browser';
import { pickOption, timelineWhen } from './support/journeys';
import { type Platform, startPlatform } from './support/platform';

let platform: Platform;
let browser: TestBrowser;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchBrowser();
});
afterEach(async () => {
  await browser?.closePages();
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('department journeys', () => {
  it('innovation: a proposal is reviewed within its award band, delivered at the workstation and shared', async () => {
    const title = `除尘布袋快换 ${Date.now()}`;
    const worker = await browser.newPage(platform.baseUrl);
    await signIn(worker, 'zhangwei');
    await worker.goto('/innovation');
    await worker.getByTestId('start-innovation-proposal').click();
    await worker.locator('#title').fill(title);
    await worker.locator('#kind').click();
    await worker.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await pickOption(worker, 'tier', '改善提案');
    await worker.locator('#description').fill('将人工更换改为快换卡箍，停机时间由 4 小时降到 40 分钟。');
    await snap(worker, '30-innovation-submit');
    await worker.getByTestId('dynamic-form-submit').click();
    await worker.waitForURL(/\/cases\//);
    const casePath = new URL(worker.url()).pathname;

    // The reviewer sets the award inside the tier's band, then schedules the delivery.
    const reviewer = await browser.newPage(platform.baseUrl);
    await signIn(reviewer, 'lina');
    await reviewer.goto('/inbox');
    const review = reviewer.getByTestId('task-card').filter({ hasText: title });
    await review.locator('#awardFen').fill('5000');
    await review.locator('#reviewOpinion').fill('同意奖励 5000 元');
    await snap(reviewer, '31-innovation-review');
    await review.getByTestId('task-approve').click();
    const schedule = reviewer.getByTestId('task-card').filter({ hasText: '安排送奖到岗位' });
    await schedule.waitFor();
    await schedule.locator('#deliveryDate').fill('2026-11-25');
    await schedule.locator('#deliveryDate').press('Enter');
    await schedule.locator('#deliveryPlace').fill('炼铁厂三号高炉主控室');
    await schedule.getByTestId('task-approve').click();
    await schedule.waitFor({ state: 'detached' });

    // The worker confirms receipt at the workstation.
    await worker.goto('/inbox');
    const handover = worker.getByTestId('task-card').filter({ hasText: title });
    await handover.waitFor();
    await handover.locator('#receipt').click();
    await worker.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await snap(worker, '32-innovation-handover');
    await handover.getByTestId('task-approve').click();
    await handover.waitFor({ state: 'detached' });

    const timeline = await timelineWhen(worker, casePath, '已办结');
    expect(timeline).toContain('岗位签收确认');
    await snap(worker, '33-innovation-completed');

    // The result is in the shared library for other teams.
    await worker.goto('/innovation');
    await worker.getByText('成果共享库').click();
    await worker.getByTestId('library-entry').filter({ hasText: title }).waitFor();
    await snap(worker, '34-innovation-library');
    expect(await seriousA11yViolations(worker)).toEqual([]);
    await worker.getByText('数据看板').click();
    await worker.getByTestId('innovation-dashboard').waitFor();
    await snap(worker, '35-innovation-dashboard');

    const phone = await browser.newPage(platform.baseUrl, PHONE);
    await signIn(phone, 'lina');
    await phone.goto('/innovation');
    await phone.getByTestId('department-case').first().waitFor();
    await snap(phone, '36-innovation-375');
    expect(await seriousA11yViolations(phone)).toEqual([]);
  });
});
