import { publishDefinition } from '@unionflow/db';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hardshipCase, withDurations } from '../../packages/domain/src';
import { PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import {
  choose,
  decideStep,
  fillDate,
  pickOption,
  pickUser,
  submitCase,
  timelineWhen,
} from './support/journeys';
import { useE2eEnvironment } from './support/suite';

/** A 1×1 PNG: a shop-floor photo as far as the upload check is concerned. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const env = useE2eEnvironment();

describe('department journeys', () => {
  it('innovation: the committee sets a breakthrough award in its band, paid after receipt at the workstation and shared', async () => {
    const title = `除尘布袋快换攻关 ${Date.now()}`;
    const worker = await env.browser.newPage(env.platform.baseUrl);
    await signIn(worker, 'zhangwei');
    await worker.goto('/innovation');
    await worker.getByTestId('start-innovation-proposal').click();
    // Captured on the shop floor as a draft, finished later from "my applications".
    await worker.locator('#title').fill(title);
    await worker.getByTestId('dynamic-form-save-draft').click();
    await worker.waitForURL(/draft=/);
    await worker.goto('/mine');
    await worker.getByTestId('drafts').getByText(title).click();
    await worker.waitForURL(/draft=/);
    expect(await worker.locator('#title').inputValue()).toBe(title);
    await worker
      .locator('#attachments')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await worker.getByText('photo.png').waitFor();
    await worker.locator('#kind').click();
    await worker.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await pickOption(worker, 'tier', '攻关项目');
    await worker.locator('#description').fill('将人工更换改为快换卡箍，停机时间由 4 小时降到 40 分钟。');
    await snap(worker, '30-innovation-submit');
    await worker.getByTestId('dynamic-form-submit').click();
    await worker.waitForURL(/\/cases\//);
    const casePath = new URL(worker.url()).pathname;

    // The grassroots reviewer proposes an award inside the tier's band; for 攻关 it is a proposal.
    const reviewer = await env.browser.newPage(env.platform.baseUrl);
    await signIn(reviewer, 'lina');
    await reviewer.goto('/inbox');
    const review = reviewer.getByTestId('task-card').filter({ hasText: title });
    // The band read from the case, then what the amount is for this tier.
    await expect
      .poll(() => review.getByTestId('field-hint-awardFen').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['可填 5 万–30 万元', '攻关项目由市总工会创新委员会核定，此处为建议金额']);
    await review.locator('#awardFen').fill('80000');
    await review.locator('#comment').fill('建议奖励 8 万元');
    await snap(reviewer, '31-innovation-review');
    await review.getByTestId('task-approve').click();
    await review.waitFor({ state: 'detached' });

    // The committee opens the award step pre-filled with the proposal, adjusts it, and countersigns.
    const committee = await env.browser.newPage(env.platform.baseUrl);
    await signIn(committee, 'wangfang');
    await decideStep(committee, title, '市总工会创新委员会核定奖励', async (card) => {
      const amount = card.locator('#awardFen');
      await expect.poll(() => amount.inputValue()).toBe('80000.00');
      // Out of the band, the form says so in yuan before anything is sent.
      await amount.fill('400000');
      await card.getByTestId('task-approve').click();
      await card.getByText('核定奖励金额须在 5 万至 30 万元之间').waitFor();
      await amount.fill('100000');
      await card.getByText('核定奖励金额须在 5 万至 30 万元之间').waitFor({ state: 'hidden' });
      await card.locator('#comment').fill('创效显著，核定奖励 10 万元');
      await snap(committee, '31b-innovation-committee-award');
    });
    await decideStep(committee, title, '市总工会创新委员会会签');

    await reviewer.goto('/inbox');
    const schedule = reviewer.getByTestId('task-card').filter({ hasText: '安排送奖到岗位' });
    await schedule.waitFor();
    await schedule.locator('#deliveryDate').fill('2026-11-25');
    await schedule.locator('#deliveryDate').press('Enter');
    await schedule.locator('#deliveryPlace').fill('炼铁厂三号高炉主控室');
    await schedule.getByTestId('task-approve').click();
    await schedule.waitFor({ state: 'detached' });

    // Nothing is paid before the worker signs for the award at the workstation.
    await worker.goto(casePath);
    await worker.getByText('岗位签收确认').first().waitFor();
    expect(await worker.getByTestId('case-data').innerText()).not.toContain('已发放');
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
    // What the service steps stored reads as labelled rows in Chinese: no keys, codes or fen.
    const caseData = await worker.getByTestId('case-data').innerText();
    expect(caseData).toContain('奖励区间');
    expect(caseData).toContain('5 万–30 万元');
    expect(caseData).toContain('10 万元');
    expect(caseData).toContain('已发放');
    expect(caseData).not.toMatch(/tier|min：|max：|awardBand|paymentId|[a-z]+[A-Z-][a-z]|30000000|10000000/);
    await worker.getByRole('link', { name: '附件 1' }).waitFor();
    await snap(worker, '33-innovation-completed');

    // The result is in the shared library for other teams.
    await worker.goto('/innovation');
    await worker.getByText('成果共享库').click();
    await worker.getByTestId('library-entry').filter({ hasText: title }).waitFor();
    await snap(worker, '34-innovation-library');
    expect(await seriousA11yViolations(worker)).toEqual([]);

    const phone = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(phone, 'lina');
    await phone.goto('/innovation');
    await phone.getByTestId('department-case').first().waitFor();
    // On a phone a row keeps its checkbox beside the case, and its status tag a tag's height.
    const firstRow = phone.getByTestId('department-case').first();
    const box = async (l: ReturnType<Page['locator']>) => (await l.boundingBox())!;
    const [caseBox, checkBox, tagBox] = await Promise.all([
      box(firstRow.locator('a').first()),
      box(firstRow.getByTestId('department-case-select')),
      box(firstRow.locator('.ant-tag').first()),
    ]);
    expect(caseBox.x).toBeGreaterThanOrEqual(checkBox.x + checkBox.width);
    expect(checkBox.y + checkBox.height / 2).toBeGreaterThan(caseBox.y);
    expect(checkBox.y + checkBox.height / 2).toBeLessThan(caseBox.y + caseBox.height);
    expect(tagBox.height).toBeLessThan(32);
    await snap(phone, '36-innovation-375');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    // The department's 看板 counts this proposal among its figures (kanban.e2e covers the boards).
    await phone.locator('.ant-segmented-item').filter({ hasText: '看板' }).click();
    await phone.getByTestId('kanban-innovation').waitFor();
    await snap(phone, '35-innovation-kanban-375');

    // The committee's quarterly selection picks the awarded proposal, and a pacesetter, from lists.
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const selectionPath = await submitCase(committee, 'innovation-quarterly-selection', { quarter });
    await decideStep(committee, '季度优秀提案与改善标兵评选', '评选', async (card) => {
      await card.locator('#excellentCases').click();
      await committee
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: title })
        .click();
      await committee.keyboard.press('Escape');
      await card.locator('#excellentAwardFen').fill('2000');
      await pickUser(committee, 'pacesetters', 'zhangwei');
      await committee.keyboard.press('Escape');
      await snap(committee, '37-innovation-quarterly-selection');
    });
    await timelineWhen(committee, selectionPath, '已办结');
    await committee.getByTestId('case-data').getByText(title).first().waitFor();
  });

  it('rights: a dispute is filed, mediated within the 15-day limit by a four-body panel and settled', async () => {
    const employer = `某物流有限公司 ${Date.now()}`;
    const worker = await env.browser.newPage(env.platform.baseUrl);
    await signIn(worker, 'zhangwei');
    await worker.goto('/new?process=labor-dispute');
    const form = worker.locator('form');
    await choose(worker, form, 'filedBy', '职工本人申请');
    await worker.locator('#workerName').fill('张伟');
    await worker.locator('#employerName').fill(employer);
    await choose(worker, form, 'claimType', '工伤赔偿');
    await worker.locator('#facts').fill('分拣作业中受伤，经认定为工伤，单位未支付一次性伤残补助金。');
    await worker.locator('#claims').fill('支付一次性伤残补助金及停工留薪期工资。');
    await worker.locator('#amountClaimedFen').fill('1200000');
    await snap(worker, '40-rights-file-dispute');
    await worker.getByTestId('dynamic-form-submit').click();
    await worker.waitForURL(/\/cases\//);
    const casePath = new URL(worker.url()).pathname;
    const title = (await worker.locator('h4').first().textContent()) ?? '';

    const mediator = await env.browser.newPage(env.platform.baseUrl);
    await signIn(mediator, 'liuyang');
    await decideStep(mediator, title, '立案受理');
    await decideStep(mediator, title, '征询双方调解意愿', async (card) => {
      await card.locator('#workerConsent').click();
      await card.locator('#employerConsent').click();
    });

    // The rights app counts down the statutory 15 days from the day the request was received.
    await mediator.goto('/rights');
    await mediator.getByText('调解进行中').click();
    const row = mediator.getByTestId('department-case').filter({ hasText: title });
    await row.getByTestId('mediation-countdown').filter({ hasText: '剩余 15 天' }).waitFor();
    await snap(mediator, '41-rights-mediation-countdown');
    expect(await seriousA11yViolations(mediator)).toEqual([]);

    // The worker's case page shows the statutory clock running beside the open step, with its end.
    await worker.goto(casePath);
    await worker.getByTestId('progress-clock').filter({ hasText: '计时中：15 日调解期限' }).waitFor();
    await snap(worker, '41b-dispute-statutory-clock');

    await decideStep(mediator, title, '组成调解小组', async (card) => {
      await card.locator('#unionMediator').fill('刘洋');
      await card.locator('#courtMediator').fill('王法官');
      await card.locator('#procuratorateMediator').fill('李检察官');
      await card.locator('#hrMediator').fill('赵科长');
    });
    await decideStep(mediator, title, '调解会议', async (card) => {
      await fillDate(card, 'sessionDate', '2026-11-22');
      await card.locator('#sessionMinutes').fill('双方陈述意见，达成和解。');
      await choose(mediator, card, 'sessionResult', '达成和解');
      await snap(mediator, '42-rights-session-minutes');
    });
    await decideStep(mediator, title, '签订和解协议', async (card) => {
      await card.locator('#settlementTerms').fill('单位一次性支付伤残补助金等共计 110 万元，当日付清。');
      await card.locator('#settlementAmountFen').fill('1100000');
      await fillDate(card, 'paymentDueDate', '2026-11-22');
    });
    await decideStep(mediator, title, '确认履行', async (card) => {
      await card.locator('#paidAmountFen').fill('1100000');
      await fillDate(card, 'paidOn', '2026-11-22');
    });

    const timeline = await timelineWhen(worker, casePath, '已办结');
    expect(timeline).toContain('签订和解协议');
    await snap(worker, '43-rights-settled');
  });

  it('assistance: a hardship file is verified with the four clears, approved, on notice and opened', async () => {
    // The admission notice (入档公示) lasts an hour here: the file opens once the centre finds the
    // household's own objection unfounded, so each state can be seen in turn.
    await publishDefinition(
      env.platform.db,
      withDurations(hardshipCase, { 'admission-notice': '1h' }),
      'u-admin',
    );
    const worker = await env.browser.newPage(env.platform.baseUrl);
    await signIn(worker, 'zhangwei');
    await worker.goto('/new?process=hardship-case');
    const form = worker.locator('form');
    await worker
      .locator('#householdMembers')
      .fill('张伟（本人，42 岁）；妻（40 岁，无业）；子（16 岁，高中）');
    await worker.locator('#householdSize').fill('3');
    await worker.locator('#address').fill('济南市钢城区艾山街道 1 号');
    await worker.locator('#workSituation').fill('炼钢厂在岗');
    await choose(worker, form, 'causeCategory', '因病');
    await worker.locator('#causeDetail').fill('妻子患尿毒症需长期透析，自付费用高');
    await worker.locator('#monthlyIncomeFen').fill('4500');
    await worker.locator('#idNumber').fill('370102198801011234');
    await snap(worker, '50-assistance-apply');
    await worker.getByTestId('dynamic-form-submit').click();
    await worker.waitForURL(/\/cases\//);
    const casePath = new URL(worker.url()).pathname;
    const title = (await worker.locator('h4').first().textContent()) ?? '';

    // The paired grassroots cadre verifies at home: the four clears.
    const cadre = await env.browser.newPage(env.platform.baseUrl);
    await signIn(cadre, 'zhaolei');
    await decideStep(cadre, title, '基层工会入户核实', async (card) => {
      for (const key of ['clearHousehold', 'clearAddress', 'clearWork', 'clearCause', 'condSeriousIllness']) {
        await card.locator(`#${key}`).click();
      }
      await card.locator('#verificationNote').fill('已入户核实');
      await snap(cadre, '51-assistance-four-clears');
    });

    const centre = await env.browser.newPage(env.platform.baseUrl);
    await signIn(centre, 'chenjie');
    await decideStep(centre, title, '援助中心审批定级', async (card) => {
      await choose(centre, card, 'level', '深度困难');
      await card.locator('#comment').fill('因病致困，定为深度困难');
    });

    // Admitted: on notice in the unit before the file opens, and the centre's app says so.
    await worker.goto(casePath);
    await worker.getByTestId('case-waiting').getByText('入档公示').waitFor();
    await centre.goto('/assistance');
    await centre.locator('.ant-segmented').getByText('建档核实', { exact: true }).click();
    await centre.getByText('入档公示中').first().waitFor();
    await snap(centre, '52a-assistance-admission-notice');
    // An objection during the notice goes to the centre's review; unfounded, the file opens.
    await worker.getByTestId('case-object').click();
    const objection = worker.getByRole('dialog');
    await objection.locator('textarea').fill('请再次核实家庭收入');
    await objection.locator('.ant-btn-primary').click();
    await objection.waitFor({ state: 'hidden' });
    await decideStep(centre, title, '入档异议复查', async (card) => {
      await card.locator('#admissionObjectionNote').fill('已复核收入，异议不成立');
    });

    await worker.goto(casePath);
    await worker.getByTestId('case-timeline').getByText('同意 · 援助中心审批定级').waitFor();
    // The decision carries what was entered with it, labelled; the system's own steps fold into lines.
    await worker.getByTestId('timeline-data').filter({ hasText: '困难类别：深度困难' }).first().waitFor();
    expect(await worker.getByTestId('timeline-system').count()).toBeGreaterThan(0);
    expect(await worker.getByTestId('case-timeline').textContent()).not.toContain('转入环节');
    // In the file, the household sees where the case waits rather than "nothing to do".
    await worker.getByTestId('case-waiting').getByText('在档（等待年度复核）').waitFor();
    await snap(worker, '52-assistance-in-file');

    await centre.goto('/assistance');
    await centre.getByText('年度复核').click();
    await centre.getByTestId('campaign-summary').getByText('在档 1 户').waitFor();
    await snap(centre, '53-assistance-campaign');
    expect(await seriousA11yViolations(centre)).toEqual([]);
  });
});
