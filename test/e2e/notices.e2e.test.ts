import { describe, expect, it } from 'vitest';
import { PHONE, signIn, snap } from './support/browser';
import { admitZhangweisHousehold, approveStep, untilCase } from './support/hardship-journey';
import { apiAs as signInOverHttp } from './support/http-api';
import { choose } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

/** Signs a demo user in over HTTP on this suite's platform (see support/http-api). */
const apiAs = (username: string) => signInOverHttp(env.platform.baseUrl, username);

describe('公示: a fellow member objects to a notice from the notice board', () => {
  it('lina sees zhangwei’s exit notice masked on her phone and objects anonymously; the centre reviews it', async () => {
    // A yearly cycle in a second, so the household reaches its exit notice within the test.
    const [zhangwei, zhaolei, chenjie] = await Promise.all(['zhangwei', 'zhaolei', 'chenjie'].map(apiAs));
    const id = await admitZhangweisHousehold(
      env.platform,
      { zhangwei: zhangwei!, zhaolei: zhaolei!, chenjie: chenjie! },
      {
        monthlyIncomeFen: 450_000,
        idNumber: '370102198801011234',
        durations: { 'admission-notice': '1s', 'yearly-wait': '1s', 'exit-notice': '1h' },
      },
    );
    await approveStep(chenjie!, chenjie!, id, 'reverify', { reverifyOutcome: 'exit' });
    await approveStep(zhaolei!, chenjie!, id, 'exit-verification', { exitVerificationNote: '核实属实' });
    await untilCase(chenjie!, id, (c) => c.currentNodeIds.includes('exit-notice'));

    // lina, a member of the same union, finds 公示 in the phone menu.
    const page = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(page, 'lina');
    await page.getByRole('button', { name: '部门应用' }).click();
    await page.getByRole('menuitem', { name: '公示' }).click();
    await page.waitForURL(/\/notices$/);
    await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
    const card = page.getByTestId('notice-card');
    await card.waitFor();
    const shown = (await card.textContent()) ?? '';
    for (const expected of ['退档公示', '张*', '山钢莱芜分公司工会', '深度困难', '因病'])
      expect(shown).toContain(expected);
    const wholePage = (await page.locator('body').textContent()) ?? '';
    for (const secret of ['张伟', '艾山街道', '370102', '透析', '4500'])
      expect(wholePage).not.toContain(secret);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await snap(page, '60-notices-board-phone');

    const reason = '他家已开了商铺，收入明显好转';
    await card.getByTestId('notice-object').click();
    await page.getByTestId('objection-reason').fill(reason);
    await page.getByTestId('objection-anonymous').check();
    await snap(page, '61-notices-objection-dialog-phone');
    await page.getByRole('button', { name: '提交异议' }).click();
    await page.getByText('匿名异议已提交').waitFor();
    // Under review now, so off the board.
    await page.getByText('本单位暂无正在公示的事项').waitFor();
    await snap(page, '62-notices-objected-phone');

    // The assistance centre holds the review; the objection names nobody.
    const review = await untilCase(chenjie!, id, (c) => c.currentNodeIds.includes('objection-review'));
    expect(review.timeline.find((e) => e.type === 'objection')).toMatchObject({
      comment: reason,
      actor: null,
    });
    const staffPage = await env.browser.newPage(env.platform.baseUrl);
    await signIn(staffPage, 'chenjie');
    await staffPage.goto(`/cases/${id}`);
    const timeline = staffPage.getByTestId('case-timeline');
    await timeline.getByText(reason).waitFor();
    expect(await timeline.textContent()).toContain('匿名');
    expect(await timeline.textContent()).not.toContain('李娜');
    await snap(staffPage, '63-notices-objection-on-case');
  });

  it('zhangwei, whose file is open, is refused a second one and led to the open case', async () => {
    const page = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(page, 'zhangwei');
    await page.goto('/new?process=hardship-case');
    const form = page.locator('form');
    await page.locator('#householdMembers').fill('张伟（本人）；妻（无业）');
    await page.locator('#householdSize').fill('2');
    await page.locator('#address').fill('济南市钢城区艾山街道 1 号');
    await page.locator('#workSituation').fill('在岗');
    await choose(page, form, 'causeCategory', '因病');
    await page.locator('#causeDetail').fill('妻子需长期透析');
    await page.locator('#monthlyIncomeFen').fill('4500');
    await page.locator('#idNumber').fill('370102198801011234');
    await page.getByTestId('dynamic-form-submit').click();
    const link = page.getByTestId('existing-case-link');
    await link.waitFor();
    await page.getByRole('alert').filter({ hasText: '不能重复建档' }).waitFor();
    await snap(page, '64-hardship-second-file-refused-phone');
    await link.click();
    await page.waitForURL(/\/cases\//);
    await page.getByTestId('case-status').waitFor();
    expect(await page.locator('h4').first().textContent()).toContain('困难职工建档');
  });
});
