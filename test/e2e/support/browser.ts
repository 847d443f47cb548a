import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where screenshots of every screen are kept (gitignored). */
export const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test-results/e2e',
);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A Chromium with its own fresh profile. */
export interface TestBrowser {
  browser: Browser;
  /** A new isolated session (cookies) at the given viewport, opening the platform's URL. */
  newPage(baseUrl: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Closes every session opened so far (their live event streams too). */
  closePages(): Promise<void>;
  /**
   * After a failed test: a screenshot of every open page and the text of its alerts and messages in
   * the log, so a failure on CI shows what the user saw.
   */
  recordFailure(testName: string): Promise<void>;
  close(): Promise<void>;
}

/** Phone width the UI must stay usable at. */
export const PHONE = { width: 375, height: 740 };
/** A laptop screen. */
export const DESKTOP = { width: 1280, height: 860 };

/** Launches Debian's Chromium through playwright-core. */
export async function launchBrowser(): Promise<TestBrowser> {
  // launch() gives the browser a fresh temporary profile and removes it on close; each
  // newContext() is a separate cookie jar, so several users can be signed in at once.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const contexts: BrowserContext[] = [];
  mkdirSync(screenshotDir, { recursive: true });
  return {
    browser,
    async newPage(baseUrl, viewport = DESKTOP) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'zh-CN' });
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
      return page;
    },
    async recordFailure(testName) {
      const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      const pages = contexts.flatMap((c) => c.pages());
      for (const [i, page] of pages.entries()) {
        const file = path.join(screenshotDir, `failed-${slug}-${i + 1}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        const said = await page
          .locator('[role="alert"], .ant-message, .ant-form-item-explain-error')
          .allInnerTexts()
          .catch(() => []);
        console.error(`[browser] failed "${testName}" page ${i + 1} at ${page.url()} → ${file}`);
        if (said.length) console.error(`[browser]   on screen: ${said.join(' | ')}`);
      }
    },
    async closePages() {
      for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    },
    async close() {
      for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Keeps a full-page screenshot of the current screen under test-results/e2e/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Violations axe rates serious or critical on the current page (an empty list passes). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs in through the shell's sign-in page and waits for the signed-in layout. */
export async function signIn(page: Page, username: string, password = 'demo1234'): Promise<void> {
  // A platform just started sheds load (503, also on the page's scripts) while its in-process worker
  // warms up: load the sign-in page again until its form shows.
  for (let attempt = 0; ; attempt++) {
    await page.goto('/login');
    try {
      await page.locator('#username').waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
