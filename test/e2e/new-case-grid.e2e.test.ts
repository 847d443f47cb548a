import { describe, expect, it } from 'vitest';
import { PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

describe('发起申请 on a phone: app grid, search, approval chain preview', () => {
  it('zhangwei finds simple approval by searching, sees it will go to 李娜, submits and lands on his case', async () => {
    const phone = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(phone, 'zhangwei');
    // 发起申请 from the phone's menu.
    await phone.getByRole('button', { name: '部门应用' }).click();
    await phone.getByRole('menuitem', { name: '发起申请' }).click();
    await phone.waitForURL(/\/new$/);
    await phone.getByRole('menuitem', { name: '发起申请' }).waitFor({ state: 'hidden' });

    // Tiles grouped under the departments' names; only what he may start.
    const innovation = phone.getByTestId('process-group-innovation');
    await innovation.getByRole('heading', { name: '职工创新' }).waitFor();
    await phone.getByTestId('process-group-assistance').getByRole('heading', { name: '困难帮扶' }).waitFor();
    await phone.getByTestId('process-tile-simple-approval').waitFor();
    // 基层工会补贴申请 is for grassroots cadres, 季度评选 for the committee: not for a member.
    expect(await phone.getByTestId('process-tile-grassroots-subsidy').count()).toBe(0);
    expect(await phone.getByTestId('process-tile-innovation-quarterly-selection').count()).toBe(0);
    // Three or four tiles a row at 375 px, and nothing wider than the screen.
    // Read in the page (this package has no DOM types): the columns the tiles' grid resolved to.
    const columns = await phone.evaluate<number>(
      `getComputedStyle(document.querySelector('[data-testid="process-tile-simple-approval"]').parentElement).gridTemplateColumns.split(' ').length`,
    );
    expect(columns).toBeGreaterThanOrEqual(3);
    expect(columns).toBeLessThanOrEqual(4);
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await snap(phone, '80-new-case-grid-375');
    expect(await seriousA11yViolations(phone)).toEqual([]);

    // The search box finds processes by their Chinese or English name.
    const search = phone.getByTestId('process-search');
    await search.fill('困难');
    await phone.getByTestId('process-group-innovation').waitFor({ state: 'detached' });
    expect(await phone.getByTestId('process-tile-simple-approval').count()).toBe(0);
    await phone.getByTestId('process-group-assistance').waitFor();
    await snap(phone, '81-new-case-search-375');
    await search.fill('simple');
    await phone.getByTestId('process-tile-simple-approval').waitFor();
    expect(await phone.locator('[data-testid^="process-tile-"]').count()).toBe(1);

    // Tapping the tile opens its form; the chain shows who will approve before submitting.
    await phone.getByTestId('process-tile-simple-approval').click();
    await phone.waitForURL(/process=simple-approval/);
    const title = `夜班交通补贴 ${Date.now()}`;
    await phone.locator('#title').fill(title);
    await phone.locator('#amount').fill('300');
    const chain = phone.getByTestId('chain-preview');
    await chain.getByRole('heading', { name: '审批流程' }).waitFor();
    await chain.getByTestId('chain-line').filter({ hasText: '李娜' }).waitFor();
    expect(await chain.textContent()).toContain('基层工会审核');
    expect(await chain.textContent()).toContain('张伟');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await snap(phone, '82-new-case-chain-preview-375');

    await phone.getByTestId('dynamic-form-submit').click();
    await phone.waitForURL(/\/cases\//);
    const banner = phone.getByTestId('case-banner-submitted');
    await banner.getByText('申请已提交').waitFor();
    expect(await banner.textContent()).toContain('李娜');
    await snap(phone, '83-case-submitted-375');

    // In English the chain reads the same people, the step in English.
    await phone.goto('/new?process=simple-approval');
    await phone.getByText('English', { exact: true }).click();
    await phone.getByTestId('chain-preview').getByText('Approval chain').waitFor();
    await phone.getByTestId('chain-preview').getByText('Grassroots union review').waitFor();
    await snap(phone, '84-new-case-chain-preview-en-375');
    await phone.getByText('中文', { exact: true }).click();
  });
});
