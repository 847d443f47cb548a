import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { signIn, snap } from './support/browser';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

/** Renames the first step in the draft and publishes it through the API, as the admin's browser would. */
async function publishRenamed(page: Page, key: string, stepName: string) {
  await page.evaluate(
    async ({ key, stepName }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
      const draft = (await (await fetch(`/api/admin/definitions/${key}/draft`)).json()) as {
        document: { nodes: { name: unknown }[] };
        updatedAt: string;
      };
      const document = draft.document;
      document.nodes[0]!.name = { zh: stepName, en: stepName };
      await fetch(`/api/admin/definitions/${key}/draft`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ document, baseUpdatedAt: draft.updatedAt }),
      });
      const res = await fetch(`/api/admin/definitions/${key}/publish`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
        body: '{}',
      });
      if (res.status !== 201) throw new Error(await res.text());
    },
    { key, stepName },
  );
}

describe('versions an admin can trust', () => {
  it('marks the version in force, words the changes, restores an old version, retires the process and finds both in the audit log', async () => {
    const admin = await env.browser.newPage(env.platform.baseUrl);
    await signIn(admin, 'admin');
    await admin.goto('/admin');
    await publishRenamed(admin, 'simple-approval', '基层评审');
    await admin.getByTestId('design-simple-approval').click();
    await admin.getByTestId('designer-versions').click();
    const diff = admin.getByTestId('version-diff');
    await diff.getByText('改名为「基层评审」').waitFor();
    const rows = admin.getByTestId('version-row');
    const newest = rows.first();
    await newest.getByTestId('version-current').waitFor();
    await snap(admin, '90-versions-diff');

    // Restore the previous version as a new one.
    const previous = rows.nth(1);
    await previous.getByRole('button').click();
    await admin.locator('.ant-popconfirm .ant-btn-primary').click();
    await admin.getByTestId('version-restored').waitFor();
    await rows.first().getByTestId('version-current').waitFor();
    await rows
      .first()
      .getByText(/由第 \d+ 版恢复/)
      .waitFor();
    await snap(admin, '91-versions-restored');

    await admin.goto('/admin/audit');
    // The newest event of the log, at its top.
    const restored = admin.locator('[data-testid="audit-row"][data-type="definition-restored"]');
    await restored.getByText(/恢复自版本: \d+/).waitFor();
    await snap(admin, '92-audit-restored');

    // Retire it: marked 已停用 in the list, and in the audit log as before → after.
    await admin.goto('/admin');
    await admin.getByTestId('retire-simple-approval').click();
    await admin.getByTestId('retire-confirm-simple-approval').click();
    await admin.getByTestId('definition-retired').waitFor();
    await admin.goto('/admin/audit');
    const retired = admin.locator('[data-testid="audit-row"][data-type="definition-retired"]');
    await retired.getByText(/已发布 → 已停用/).waitFor();
    await snap(admin, '93-audit-retired');
  });
});
