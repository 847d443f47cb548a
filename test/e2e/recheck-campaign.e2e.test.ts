import { publishDefinition } from '@unionflow/db';
import { describe, expect, it } from 'vitest';
import { hardshipCase, withDurations } from '../../packages/domain/src';
import { DESKTOP, PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import { apiAs as signInOverHttp } from './support/http-api';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

interface CaseView {
  id: string;
  tasks: { id: string; nodeId: string; status: string }[];
  timeline: { type: string; nodeId: string | null; comment: string | null }[];
}

/** Signs a demo user in over HTTP on this suite's platform (see support/http-api). */
const apiAs = (username: string) => signInOverHttp(env.platform.baseUrl, username);
type Api = Awaited<ReturnType<typeof apiAs>>;

async function until(api: Api, caseId: string, check: (c: CaseView) => boolean): Promise<CaseView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { status, body } = await api<CaseView>('GET', `/api/cases/${caseId}`);
    if (status === 200 && check(body)) return body;
    if (Date.now() > deadline) throw new Error(`case ${caseId} never got there: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function approve(api: Api, staff: Api, caseId: string, nodeId: string, data: Record<string, unknown>) {
  const c = await until(staff, caseId, (x) =>
    x.tasks.some((k) => k.nodeId === nodeId && k.status === 'open'),
  );
  const task = c.tasks.find((k) => k.nodeId === nodeId && k.status === 'open')!;
  const res = await api('POST', `/api/tasks/${task.id}/decisions`, { action: 'approve', data });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const year = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

describe('年度清理复核: the assistance centre starts the year for the whole file from its phone', () => {
  it('chenjie confirms the start, follows progress by unit, opens a pending household, and sees the outcome', async () => {
    // The real year, with a one-second admission notice (入档公示) so the file opens within the test.
    await publishDefinition(
      env.platform.db,
      withDurations(hardshipCase, { 'admission-notice': '1s' }),
      'u-admin',
    );
    const [zhangwei, zhaolei, chenjie] = await Promise.all(['zhangwei', 'zhaolei', 'chenjie'].map(apiAs));
    const started = await zhangwei!<CaseView>('POST', '/api/cases', {
      processKey: 'hardship-case',
      data: {
        householdMembers: '张伟（本人）；妻（无业）',
        householdSize: 2,
        address: '济南市钢城区艾山街道 1 号',
        workSituation: '在岗',
        causeCategory: 'illness',
        causeDetail: '妻子需长期透析',
        monthlyIncomeFen: 150_000,
        idNumber: '370102199001017777',
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id;
    const clears = { clearHousehold: true, clearAddress: true, clearWork: true, clearCause: true };
    await approve(zhaolei!, chenjie!, id, 'verify', { ...clears, condSeriousIllness: true });
    await approve(chenjie!, chenjie!, id, 'centre-approval', { level: 'deep' });
    await until(chenjie!, id, (c) =>
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
    await approve(chenjie!, chenjie!, id, 'reverify', { reverifyOutcome: 'continue' });
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
