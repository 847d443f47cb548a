import { describe, expect, it } from 'vitest';
import { PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import {
  approveInInbox,
  decideStep,
  pickOption,
  pickUser,
  submitCase,
  timelineWhen,
} from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

describe('the admin changes a process', () => {
  it('inserts a step and publishes; a new case goes through it; an earlier case keeps its old steps', async () => {
    const stamp = Date.now();
    const before = `旧版本案件 ${stamp}`;
    const after = `新版本案件 ${stamp}`;

    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await signIn(applicant, 'zhangwei');
    const beforePath = await submitCase(applicant, 'simple-approval', { title: before });

    // The admin inserts a city-federation review after the grassroots review.
    const admin = await env.browser.newPage(env.platform.baseUrl);
    await signIn(admin, 'admin');
    await admin.goto('/admin');
    await admin.getByTestId('design-simple-approval').click();
    await admin.getByTestId('flow').waitFor();
    await snap(admin, '10-designer-before');
    await admin.getByTestId('add-after-review').click();
    await admin.getByRole('menuitem', { name: '审批人' }).click();
    const name = admin.getByTestId('panel-name');
    await name.fill('市总工会复核');
    await pickOption(admin, 'assignee_kind', '指定成员');
    await pickUser(admin, 'assignee_username', 'wangfang');
    // The time limit is a number and a unit; nobody types "3d".
    expect(await admin.locator('#deadline_due').inputValue()).toBe('3');
    await admin.locator('#deadline_due').fill('2');
    await pickOption(admin, 'deadline_due_unit', '小时');
    await snap(admin, '11-designer-step-panel');
    await admin.getByTestId('panel-done').click();
    const step = admin.locator('[data-testid="flow-step"]', { hasText: '市总工会复核' });
    await step.waitFor();
    expect(await step.textContent()).toContain('办理时限 2 小时');
    await admin.getByTestId('designer-validation').getByText('校验通过').waitFor();
    await snap(admin, '12-designer-after');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // Simulation shows the new path with its assignee.
    await admin.getByTestId('designer-simulate').click();
    await admin.getByTestId('simulate-run').click();
    const sim = admin.getByTestId('simulate-result');
    await sim.getByText('市总工会复核').waitFor();
    expect(await sim.textContent()).toContain('王芳');
    expect(await sim.textContent()).toContain('办理时限 2 小时');
    await snap(admin, '13-designer-simulate');
    await admin.keyboard.press('Escape');

    // Publishing lists the running case, which keeps its version.
    await admin.getByTestId('designer-publish').click();
    const impact = admin.getByTestId('publish-impact');
    await impact.getByText(before).waitFor();
    await snap(admin, '14-designer-publish-impact');
    await admin.getByTestId('publish-confirm').click();
    await admin.getByText('已发布为第 2 版').waitFor();

    // A new case goes through the inserted step; the earlier one does not.
    const afterPath = await submitCase(applicant, 'simple-approval', { title: after });
    const reviewer = await env.browser.newPage(env.platform.baseUrl);
    await signIn(reviewer, 'lina');
    await approveInInbox(reviewer, after, '基层同意');
    await approveInInbox(reviewer, before, '基层同意');

    const committee = await env.browser.newPage(env.platform.baseUrl);
    await signIn(committee, 'wangfang');
    await approveInInbox(committee, after, '市总同意');

    const newTimeline = await timelineWhen(applicant, afterPath, '已办结');
    expect(newTimeline).toContain('市总工会复核');
    expect(newTimeline).toContain('市总同意');
    await snap(applicant, '15-case-through-new-step');
    const oldTimeline = await timelineWhen(applicant, beforePath, '已办结');
    expect(oldTimeline).not.toContain('市总工会复核');

    // The designer at phone width.
    const phone = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(phone, 'admin');
    await phone.goto('/admin/definitions/simple-approval');
    await phone.getByTestId('flow').waitFor();
    await snap(phone, '16-designer-375');
    expect(await seriousA11yViolations(phone)).toEqual([]);
  });

  it('a reviewer delegates while away; the stand-in acts for her; the admin verifies the audit chain', async () => {
    const lina = await env.browser.newPage(env.platform.baseUrl);
    await signIn(lina, 'lina');
    await lina.goto('/delegations');
    // A delegation may go up the delegator's org line: her superior at the city federation.
    await pickUser(lina, 'delegation_to', 'wangfang');
    await lina.locator('#delegation_reason').fill('年休假');
    await lina.getByRole('button', { name: '开始委托' }).click();
    await lina.getByText('→ 王芳').waitFor();
    await snap(lina, '17-delegations');
    expect(await seriousA11yViolations(lina)).toEqual([]);

    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await signIn(applicant, 'zhangwei');
    const title = `委托期间案件 ${Date.now()}`;
    const path = await submitCase(applicant, 'simple-approval', { title });
    const standIn = await env.browser.newPage(env.platform.baseUrl);
    await signIn(standIn, 'wangfang');
    await decideStep(standIn, title, '基层工会审核', async (card) => {
      await card.locator('textarea').last().fill('代为审核');
    });
    // Whatever the version now holds after the earlier test, the stand-in's decision is recorded as acted-for.
    await applicant.goto(path);
    await applicant.getByTestId('case-timeline').getByText('代 李娜').first().waitFor();

    const admin = await env.browser.newPage(env.platform.baseUrl);
    await signIn(admin, 'admin');
    await admin.goto('/admin/audit');
    await admin.getByTestId('audit-verify').click();
    await admin.getByTestId('audit-result').getByText('哈希链完整').waitFor();
    await snap(admin, '18-audit-verified');
  });
  it('the admin reads names, fixes a plain-Chinese problem by clicking it, adds a named countersign that may edit the amount and a 抄送 step, and publishes', async () => {
    const admin = await env.browser.newPage(env.platform.baseUrl);
    await signIn(admin, 'admin');
    await admin.goto('/admin');
    await admin.getByTestId('design-simple-approval').click();
    await admin.getByTestId('flow').waitFor();

    // Roles read as their names, and every declared role is in the picker (social workers too).
    const review = admin.locator('[data-testid="flow-step"][data-node-id="review"]');
    const reviewText = await review.textContent();
    expect(reviewText).toContain('第 1 步');
    expect(reviewText).toContain('基层工会创新评审');
    expect(reviewText).not.toContain('innovation-reviewer');
    await review.getByRole('button', { name: /编辑/ }).click();
    await admin.locator('#assignee_role').click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option[title="社工"]').waitFor();
    await admin.keyboard.press('Escape');
    await admin.getByTestId('panel-done').click();

    // A countersign by named people, left without people: the problem reads in words.
    await admin.getByTestId('add-after-review').click();
    await admin.getByRole('menuitem', { name: '审批人' }).click();
    await admin.getByTestId('panel-name').fill('市总工会会签');
    await pickOption(admin, 'assignee_kind', '指定多名成员（依次或会签）');
    // Choosing named people offers the people picker at once.
    await admin.locator('#assignee_usernames').waitFor();
    await pickOption(admin, 'mode', '会签（须全部同意）');
    await admin.getByTestId('panel-done').click();
    const problem = admin
      .getByTestId('designer-issue')
      .filter({ hasText: '第 2 步「市总工会会签」没有设置审批人' });
    await problem.waitFor();
    const validation = await admin.getByTestId('designer-validation').textContent();
    expect(validation).not.toMatch(/\/nodes|assignee|approval-/);
    await snap(admin, '19-designer-plain-error');

    // Clicking the problem opens that step; naming two people in order fixes it.
    await problem.getByRole('button').click();
    await admin.locator('.ant-drawer-title', { hasText: '市总工会会签' }).waitFor();
    await pickUser(admin, 'assignee_usernames', 'wangfang');
    await pickUser(admin, 'assignee_usernames', 'lina');
    await admin.getByTestId('panel-done').click();
    await admin.getByTestId('designer-validation').getByText('校验通过').waitFor();

    // A 抄送 step goes before the countersign; empty, it asks for people, then copies 刘洋.
    await admin.getByTestId('add-after-review').click();
    await admin.getByRole('menuitem', { name: '抄送人' }).click();
    const ccStep = admin.locator('[data-testid="flow-step"]', { hasText: '未设置抄送人' });
    await ccStep.waitFor();
    await admin.getByTestId('designer-issue').filter({ hasText: '第 2 步「抄送」没有设置抄送人' }).waitFor();
    await pickUser(admin, 'ccUsers', 'liuyang');
    await admin.getByTestId('panel-done').click();
    await admin.getByTestId('designer-validation').getByText('校验通过').waitFor();
    // Named people read as their names on the cards, in the order picked.
    await admin.locator('[data-testid="flow-step"]', { hasText: '指定成员：刘洋' }).waitFor();
    const countersign = admin.locator('[data-testid="flow-step"]', { hasText: '市总工会会签' });
    await countersign.getByText(/指定成员：王芳、李娜 · 会签/).waitFor();
    // 字段权限: the countersign may adjust the amount the applicant asked for.
    const editCountersign = admin
      .locator('[data-testid="flow-step"]', { hasText: /指定成员：王芳、李娜 · 会签/ })
      .getByRole('button', { name: '编辑 市总工会会签', exact: true });
    await editCountersign.click();
    const amount = admin.getByTestId('field-permission-amount');
    await amount.getByText('可编辑').click();
    await amount.locator('.ant-radio-button-wrapper-checked', { hasText: '可编辑' }).waitFor();
    await admin.getByTestId('panel-done').click();
    await admin.getByTestId('designer-validation').getByText('校验通过').waitFor();
    await snap(admin, '20-designer-cc-and-countersign');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // Simulation asks both named people; publishing makes it version 3.
    await admin.getByTestId('designer-simulate').click();
    await admin.getByTestId('simulate-run').click();
    const sim = admin.getByTestId('simulate-result');
    await sim.getByText('市总工会会签').waitFor();
    const simText = await sim.textContent();
    expect(simText).toContain('王芳');
    expect(simText).toContain('李娜');
    await admin.keyboard.press('Escape');
    await admin.getByTestId('designer-publish').click();
    await admin.getByTestId('publish-confirm').click();
    await admin.getByText(/已发布为第 \d+ 版/).waitFor();
    // The published version holds both: the 抄送 step and the countersign's permission.
    await admin.reload();
    await admin.locator('[data-testid="flow-step"]', { hasText: '指定成员：刘洋' }).waitFor();
    await editCountersign.click();
    await admin
      .getByTestId('field-permission-amount')
      .locator('.ant-radio-button-wrapper-checked', { hasText: '可编辑' })
      .waitFor();

    const phone = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(phone, 'admin');
    await phone.goto('/admin/definitions/simple-approval');
    await phone.locator('[data-testid="flow-step"]', { hasText: '指定成员：刘洋' }).waitFor();
    await snap(phone, '21-designer-cc-375');
    expect(await seriousA11yViolations(phone)).toEqual([]);
  });
});
