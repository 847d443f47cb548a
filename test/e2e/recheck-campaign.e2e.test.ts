import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import { admitZhangweisHousehold, approveStep, untilCase } from './support/hardship-journey';
import { apiAs as signInOverHttp } from './support/http-api';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

/** Signs a demo user in over HTTP on this suite's platform (see support/http-api). */
const apiAs = (username: string) => signInOverHttp(env.platform.baseUrl, username);

const year = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

describe('年度清理复核: the assistance centre starts the year for the whole file from its phone', () => {
  it('chenjie confirms the start, follows progress by unit, opens a pending household, and sees the outcome', async () => {
    // The real year, with a one-second admission notice (入档公示) so the file opens within the test.
    const [zhangwei, zhaolei, chenjie] = await Promise.all(['zhangwei', 'zhaolei', 'chenjie'].map(apiAs));
    const id = await admitZhangweisHousehold(
      env.platform,
      { zhangwei: zhangwei!, zhaolei: zhaolei!, chenjie: chenjie! },
      { monthlyIncomeFen: 150_000, idNumber: '370102199001017777', durations: { 'admission-notice': '1s' } },
    );
    await untilCase(chenjie!, id, (c) =>
      c.timeline.some((e) => e.type === 'timer-started' && e.nodeId === 'yearly-wait'),
    );

    const page = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(page, 'chenjie');
    await page.goto('/assistance');
    await page.locator('.ant-segmented').getByText('年度复核', { exact: true }).click();
    const panel = page.getByTestId('recheck-campaign');
    await panel.getByText('在档待复核 1 户').waitFor();
    await panel.getByRole('button', { name: `发起 ${year} 年度复核` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`将为 1 户在档家庭发起 ${year} 年度复核`).waitFor();
    await snap(page, '70-recheck-confirm-phone');
    await dialog.getByRole('button', { name: `发起 ${year} 年度复核` }).click();

    // The household is reached in the background; its re-verification opens with a due date.
    await panel.getByTestId('recheck-unit').getByText('山钢莱芜分公司工会').waitFor();
    await panel.getByTestId('recheck-households').getByText('认定期限').waitFor({ timeout: 30_000 });
    await panel.getByTestId('recheck-outcomes').getByText('继续在档 0 户').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await snap(page, '71-recheck-progress-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The campaign is on the household's timeline, in words.
    await panel.getByTestId('recheck-households').getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/cases/${id}`));
    await page.getByTestId('case-timeline').getByText(`${year} 年度清理复核启动`).waitFor();

    // The centre keeps the household in the file; the counts follow from the read model.
    await approveStep(chenjie!, chenjie!, id, 'reverify', { reverifyOutcome: 'continue' });
    const desk = await env.browser.newPage(env.platform.baseUrl, DESKTOP);
    await signIn(desk, 'chenjie');
    await desk.goto('/assistance');
    await desk.locator('.ant-segmented').getByText('年度复核', { exact: true }).click();
    const deskPanel = desk.getByTestId('recheck-campaign');
    await deskPanel.getByTestId('recheck-outcomes').getByText('继续在档 1 户').waitFor();
    await deskPanel.getByText('全部复核完毕').waitFor();
    await snap(desk, '72-recheck-done-desktop');
  });
});
