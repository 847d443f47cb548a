import { describe, expect, it } from 'vitest';
import { seriousA11yViolations, signIn, snap } from './support/browser';
import { pickOption, pickUser } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

describe('an admin builds a new process in the designer', () => {
  it('creates it from 新建流程, adds start fields and a condition in words, publishes; a member submits it', async () => {
    const name = `设备补助 ${Date.now()}`;
    const admin = await env.browser.newPage(env.platform.baseUrl);
    await signIn(admin, 'admin');
    await admin.goto('/admin');

    // 新建流程: a name and a department; the key is made from the English name.
    await admin.getByTestId('new-process').click();
    await admin.locator('#new-process_nameZh').fill(name);
    await admin.locator('#new-process_nameEn').fill('Equipment grant');
    await admin.getByTestId('new-process-ok').click();
    await admin.waitForURL(/\/admin\/definitions\/equipment-grant-[0-9a-z]{6}$/);
    const key = decodeURIComponent(new URL(admin.url()).pathname.split('/').pop() ?? '');
    await admin.getByTestId('flow').waitFor();
    await admin.getByRole('heading', { name }).waitFor();

    // The start form: a required text, a choice with two options and a money field with bounds.
    await admin.getByTestId('designer-start-form').click();
    await admin.getByTestId('start-field-add').click();
    // An empty field is refused in words and the dialog stays open.
    await admin.getByTestId('field-dialog-ok').click();
    await admin.getByTestId('field-dialog-problems').getByText('请填写字段名称').waitFor();
    await admin.locator('#start-field_label_zh').fill('申请事由');
    await admin.getByRole('checkbox', { name: '必填' }).check();
    await admin.getByTestId('field-dialog-ok').click();

    await admin.getByTestId('start-field-add').click();
    await admin.locator('#start-field_label_zh').fill('补助类别');
    await pickOption(admin, 'start-field_type', '选项');
    await admin.getByTestId('field-add-option').click();
    await admin.getByTestId('field-add-option').click();
    await admin.getByTestId('field-option').nth(0).fill('设备');
    await admin.getByTestId('field-option').nth(1).fill('培训');
    await admin.getByTestId('field-dialog-ok').click();

    await admin.getByTestId('start-field-add').click();
    await admin.locator('#start-field_label_zh').fill('申请金额');
    await pickOption(admin, 'start-field_type', '金额');
    await admin.getByRole('checkbox', { name: '必填' }).check();
    await admin.locator('#start-field_min').fill('100');
    await admin.locator('#start-field_max').fill('20000');
    await admin.getByTestId('field-dialog-ok').click();

    const fields = admin.getByTestId('start-field');
    await fields.nth(2).waitFor();
    expect(await fields.count()).toBe(3);
    expect(await fields.nth(1).textContent()).toContain('选项：设备、培训');
    expect(await fields.nth(2).textContent()).toContain('100.00 元 – 20,000.00 元');
    await snap(admin, '80-designer-start-form');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.getByTestId('start-form-done').click();

    // The first step: the grassroots reviewer, by role name.
    const review = admin.locator('[data-testid="flow-step"][data-node-id="review"]');
    await review.getByRole('button', { name: /编辑/ }).click();
    await admin.getByTestId('panel-name').fill('基层审核');
    await pickOption(admin, 'assignee_role', '基层工会创新评审');
    await admin.getByTestId('panel-done').click();

    // A condition branch after it: above 5,000 yuan the city federation also reviews.
    await admin.getByTestId('add-after-review').click();
    await admin.getByRole('menuitem', { name: '条件分支' }).click();
    await admin
      .getByTestId('flow-exclusive')
      .getByRole('button', { name: '条件 1', exact: false })
      .first()
      .click();
    await admin.getByRole('combobox', { name: '字段', exact: true }).click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option[title="申请金额"]').click();
    // A money field offers ordering comparisons; 大于 comes first.
    await admin.getByTestId('condition-op').getByText('大于', { exact: true }).waitFor();
    await admin.getByRole('spinbutton', { name: '值', exact: true }).fill('5000');
    await admin.getByTestId('condition-words').getByText('条件：申请金额 大于 5,000.00 元').waitFor();
    // The branch's panel speaks of a condition, not of the format it is stored in.
    expect(await admin.locator('.ant-drawer-body', { hasText: '条件名称' }).textContent()).not.toContain(
      'JSON',
    );
    await snap(admin, '81-designer-condition-in-words');
    await admin.getByTestId('panel-done').click();
    await admin
      .getByTestId('flow-exclusive')
      .getByText('申请金额 大于 5,000.00 元', { exact: false })
      .waitFor();
    expect(await admin.getByTestId('flow').textContent()).not.toMatch(/data\.|"var"|\{"/);

    // The branch's new step has no approver: the problem reads in words; clicking it opens the step.
    const problem = admin.getByTestId('designer-issue').filter({ hasText: '没有设置审批人' });
    await problem.first().getByRole('button').click();
    await admin.getByTestId('panel-name').fill('市总工会复核');
    await pickOption(admin, 'assignee_kind', '指定成员');
    await pickUser(admin, 'assignee_username', 'wangfang');
    await admin.getByTestId('panel-done').click();
    await admin.getByTestId('designer-validation').getByText('校验通过').waitFor();
    await snap(admin, '82-designer-new-process');

    await admin.getByTestId('designer-publish').click();
    await admin.getByTestId('publish-confirm').click();
    await admin.getByText('已发布为第 1 版').waitFor();

    // A member finds it in 发起申请 and submits it; the form checks the bounds in yuan.
    const member = await env.browser.newPage(env.platform.baseUrl);
    await signIn(member, 'zhangwei');
    await member.goto('/new');
    await member.getByTestId(`process-tile-${key}`).click();
    await member.locator('#field1').fill('车间更换检测仪');
    await pickOption(member, 'field2', '培训');
    await member.locator('#field3').fill('30000');
    await member.getByTestId('dynamic-form-submit').click();
    await member
      .getByText(/申请金额须在.+之间/)
      .first()
      .waitFor();
    await member.locator('#field3').fill('6000');
    await member.getByTestId('dynamic-form-submit').click();
    await member.waitForURL(/\/cases\//);
    await member.getByTestId('case-status').waitFor();
    const page = (await member.locator('body').textContent()) ?? '';
    expect(page).toContain(name);
    expect(page).toContain('6,000');
    await snap(member, '83-new-process-submitted');
  });
});
