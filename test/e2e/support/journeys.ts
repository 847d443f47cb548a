import type { Page } from 'playwright-core';

/** Submits a case from the shell's new-case page; returns the case page's path. */
export async function submitCase(
  page: Page,
  processKey: string,
  fields: Record<string, string>,
): Promise<string> {
  await page.goto(`/new?process=${encodeURIComponent(processKey)}`);
  for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
  await page.getByTestId('dynamic-form-submit').click();
  await page.waitForURL(/\/cases\//);
  await page.getByTestId('case-status').waitFor();
  return new URL(page.url()).pathname;
}

/** Approves, from the inbox, the task of the case with this title (optionally with a comment). */
export async function approveInInbox(page: Page, caseTitle: string, comment?: string): Promise<void> {
  await page.goto('/inbox');
  const card = page.getByTestId('task-card').filter({ hasText: caseTitle });
  await card.waitFor();
  if (comment) await card.locator('textarea').fill(comment);
  await card.getByTestId('task-approve').click();
  await card.waitFor({ state: 'detached' });
}

/** Text of the case page's timeline once the case shows the given status label. */
export async function timelineWhen(page: Page, casePath: string, statusLabel: string): Promise<string> {
  await page.goto(casePath);
  await page.getByTestId('case-status').filter({ hasText: statusLabel }).waitFor();
  return (await page.getByTestId('case-timeline').textContent()) ?? '';
}

/** Picks an option in the antd Select whose input has this id. */
export async function pickOption(page: Page, inputId: string, optionTitle: string): Promise<void> {
  await page.locator(`#${inputId}`).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${optionTitle}"]`).click();
}

/**
 * Decides (approve) the open task of a case at a named step from the inbox: `fill` fills the step's
 * form inside the task card first. Waits until that task has left the inbox.
 */
export async function decideStep(
  page: Page,
  caseTitle: string,
  stepName: string,
  fill?: (card: ReturnType<Page['locator']>) => Promise<void>,
): Promise<void> {
  await page.goto('/inbox');
  const card = page
    .getByTestId('task-card')
    .filter({ hasText: caseTitle })
    .filter({ hasText: stepName })
    .first();
  await card.waitFor();
  const taskId = await card.getAttribute('data-task-id');
  await fill?.(card);
  await card.getByTestId('task-approve').click();
  await page.locator(`[data-task-id="${taskId}"]`).waitFor({ state: 'detached' });
}

/** Fills an antd DatePicker inside `scope` (its input has this id). */
export async function fillDate(scope: ReturnType<Page['locator']>, id: string, date: string): Promise<void> {
  const input = scope.locator(`#${id}`);
  await input.fill(date);
  await input.press('Enter');
}

/** Chooses an option (by its label) in an antd Select inside `scope`. */
export async function choose(
  page: Page,
  scope: ReturnType<Page['locator']>,
  id: string,
  label: string,
): Promise<void> {
  await scope.locator(`#${id}`).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

/** Finds a colleague in a UserPicker (its input has this id) by typing, then picks them. */
export async function pickUser(page: Page, inputId: string, username: string): Promise<void> {
  await page.locator(`#${inputId}`).fill(username);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: `（${username}）` })
    .click();
}
