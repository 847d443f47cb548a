import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import { pickOption, pickUser } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

/** Picks a unit by name in the open antd TreeSelect whose input has this id. */
async function pickUnit(page: Page, inputId: string, name: string): Promise<void> {
  await page.locator(`#${inputId}`).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: name })
    .first()
    .click();
}

async function signInFails(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByText('用户名或密码错误').first().waitFor();
}

describe('the admin manages the organisation', () => {
  it('adds a unit, creates a user who signs in, sees it in the audit log, then deactivates them', async () => {
    const admin = await env.browser.newPage(env.platform.baseUrl);
    await signIn(admin, 'admin');

    // 组织架构: a new workshop union under the steel company's union.
    await admin.goto('/admin/org');
    const tree = admin.getByTestId('org-tree');
    await tree.getByText('山钢莱芜分公司工会').click();
    await admin.getByTestId('org-add').click();
    await admin.locator('#org-unit_name').fill('炼钢厂分工会');
    await admin.getByTestId('unit-dialog-ok').click();
    await tree.getByText('炼钢厂分工会').waitFor();
    await snap(admin, '60-admin-org-tree');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // 用户: create 周杰 in the new unit as a member and innovation reviewer.
    await admin.getByTestId('admin-tab-users').click();
    await admin.waitForURL(/\/admin\/users$/);
    await admin.getByTestId('user-create').click();
    await admin.locator('#user_username').fill('zhoujie');
    await admin.locator('#user_displayName').fill('周杰');
    await pickUnit(admin, 'user_orgId', '炼钢厂分工会');
    await pickOption(admin, 'user_roles', '基层工会创新评审');
    await admin.locator('#user_password').fill('steel-works-initial-2026');
    await snap(admin, '61-admin-user-drawer');
    await admin.getByTestId('user-save').click();
    const row = admin.locator('[data-testid="user-row"][data-username="zhoujie"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('炼钢厂分工会');
    // 周杰 reports to 李娜: escalations of his steps go to her.
    await row.getByTestId('user-edit').click();
    await pickUser(admin, 'user_superior', 'lina');
    await admin.getByTestId('user-save').click();
    await row.getByText('李娜').waitFor();
    await row.getByTestId('user-edit').click();
    await admin.locator('.ant-drawer').getByText('李娜（lina）').waitFor();
    await admin.keyboard.press('Escape');
    await snap(admin, '62-admin-users');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // The new user signs in with the initial password and must replace it before anything else.
    const newcomer = await env.browser.newPage(env.platform.baseUrl);
    await signIn(newcomer, 'zhoujie', 'steel-works-initial-2026');
    await newcomer.getByText('这是管理员为您设置的初始密码', { exact: false }).first().waitFor();
    await newcomer.locator('#currentPassword').fill('steel-works-initial-2026');
    await newcomer.locator('#newPassword').fill('furnace-shift-blue-47');
    await newcomer.locator('#confirm').fill('furnace-shift-blue-47');
    await snap(newcomer, '63a-new-user-changes-password');
    await newcomer.locator('button[type="submit"]').click();
    await newcomer.getByText('周杰').first().waitFor();
    await snap(newcomer, '63-new-user-signed-in');

    // 审计日志: the creation is there, by the admin, and the chain still verifies.
    await admin.getByTestId('admin-tab-audit').click();
    await admin.waitForURL(/\/admin\/audit$/);
    await pickOption(admin, 'audit-filter_type', '创建用户');
    await admin.getByTestId('audit-search').click();
    const created = admin.locator('[data-testid="audit-row"][data-type="user-created"]');
    await created.first().waitFor();
    expect(await admin.locator('[data-testid="audit-row"]').count()).toBe(1);
    const text = await created.textContent();
    expect(text).toContain('创建用户');
    expect(text).toContain('系统管理员 (admin)');
    expect(text).toContain('zhoujie');
    // Roles by name, never by key; the expanded row lists the fields in words, not the raw payload.
    expect(text).toMatch(/角色: [^·]*基层工会创新评审/);
    expect(text).not.toContain('innovation-reviewer');
    await created.first().locator('.ant-table-row-expand-icon').click();
    const detail = admin.getByTestId('audit-detail');
    await detail.getByText('基层工会创新评审').waitFor();
    expect(await detail.textContent()).not.toMatch(/innovation-reviewer|"userId"|u-[0-9a-f]{8}-/);
    await admin.getByTestId('audit-verify').click();
    await admin.getByTestId('audit-result').getByText('哈希链完整').waitFor();
    await snap(admin, '64-admin-audit-log');

    // Deactivated: signed out at once and refused at sign-in.
    await admin.getByTestId('admin-tab-users').click();
    await row.getByTestId('user-toggle').click();
    await admin.getByTestId('user-toggle-confirm').click();
    await row.getByText('已停用').waitFor();
    await signInFails(newcomer, 'zhoujie', 'furnace-shift-blue-47');

    // 角色: every role with its member count in the admin's units.
    await admin.getByTestId('admin-tab-roles').click();
    const reviewers = admin.locator('[data-testid="role-row"][data-role="innovation-reviewer"]');
    await reviewers.getByTestId('role-members').getByText('2 人').waitFor();
    await snap(admin, '65-admin-roles');
  });

  it('works at phone width', async () => {
    const phone = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(phone, 'admin');
    for (const [section, name] of [
      ['org', '66-admin-org-375'],
      ['users', '67-admin-users-375'],
      ['audit', '68-admin-audit-375'],
    ] as const) {
      await phone.goto(`/admin/${section}`);
      await phone
        .locator(section === 'org' ? '[data-testid="org-node"]' : '.ant-table-row')
        .first()
        .waitFor();
      const width = await phone.evaluate('document.documentElement.scrollWidth');
      expect(width, section).toBeLessThanOrEqual(PHONE.width);
      await snap(phone, name);
      expect(await seriousA11yViolations(phone)).toEqual([]);
    }
  });
});
