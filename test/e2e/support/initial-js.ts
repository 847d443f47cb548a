import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { screenshotDir, type TestBrowser } from './browser';

/** Scripts one page load fetched, gzipped (level 9, like a static server's precompressed files). */
export interface ScriptLoad {
  gzipBytes: number;
  files: { url: string; gzipBytes: number }[];
}

/** A signed-in user's visit to `/inbox` with an empty cache: the scripts it took, how long until usable. */
export interface InboxLoad extends ScriptLoad {
  /** Median over the runs: navigation start until the inbox list is shown (not busy). */
  interactiveMs: number;
  runsMs: number[];
  /** Median over the runs: from the sign-in button's click until the inbox list is shown. */
  afterSignInMs: number;
}

/** What `test-results/e2e/initial-js.json` holds (reported, never asserted: budgets in apps/README.md). */
export interface LoadReport {
  signIn: ScriptLoad;
  inbox: InboxLoad;
}

/** Gzipped bodies of every script the page fetches from now on, keyed by path. */
function recordScripts(page: Page): () => Promise<Map<string, number>> {
  const bodies: Promise<[string, number]>[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url()).pathname;
    if (!url.endsWith('.js')) return;
    bodies.push(
      res
        .body()
        .then((b): [string, number] => [url, gzipSync(b, { level: 9 }).length])
        .catch((): [string, number] => [url, 0]),
    );
  });
  return async () => new Map(await Promise.all(bodies));
}

function toLoad(sizes: Map<string, number>, only?: Set<string>): ScriptLoad {
  const files = [...sizes]
    .filter(([url]) => !only || only.has(url))
    .map(([url, gzipBytes]) => ({ url, gzipBytes }));
  return { gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0), files };
}

/** Loads `/login` in a fresh page and adds up the gzipped size of every script it fetched. */
export async function measureSignIn(page: Page): Promise<ScriptLoad> {
  const sizes = recordScripts(page);
  await page.goto('/login');
  await page.locator('#username').waitFor();
  await page.waitForLoadState('networkidle');
  return toLoad(await sizes());
}

const INBOX_READY = '[data-testid="inbox"][aria-busy="false"]';

// Runs in the page before any of its scripts: notes the moment the inbox stops being busy.
const WATCH_INBOX = `(() => {
  const seen = () => document.querySelector('${INBOX_READY}');
  const observer = new MutationObserver(() => {
    if (window.__inboxReadyAt === undefined && seen()) {
      window.__inboxReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** The moment (page clock, ms) the inbox stopped being busy, once it has. */
async function inboxReadyAt(page: Page): Promise<number> {
  await page.locator(INBOX_READY).waitFor();
  return (await page.evaluate('window.__inboxReadyAt')) as number;
}

/**
 * One user's first day: signs in through the sign-in page (timed from the click), then, with the
 * browser's cache emptied (as after a deploy), opens `/inbox` again (timed from navigation start).
 */
async function inboxRun(page: Page, username: string): Promise<InboxRun> {
  await page.addInitScript(WATCH_INBOX);
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo1234');
  const clickedAt = (await page.evaluate('performance.now()')) as number;
  await page.locator('button[type="submit"]').click();
  const afterSignInMs = (await inboxReadyAt(page)) - clickedAt;

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  const sizes = recordScripts(page);
  await page.goto('/inbox');
  const readyAt = await inboxReadyAt(page);
  const scripts = (await page.evaluate(`performance
    .getEntriesByType('resource')
    .filter((e) => e.responseEnd <= ${readyAt})
    .map((e) => new URL(e.name).pathname)`)) as string[];
  return {
    ms: Math.round(readyAt),
    afterSignInMs: Math.round(afterSignInMs),
    load: toLoad(await sizes(), new Set(scripts)),
  };
}

interface InboxRun {
  ms: number;
  afterSignInMs: number;
  load: ScriptLoad;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Several runs of {@link inboxRun}, each in a fresh browser session; times vary with the machine's load. */
export async function measureInbox(
  browser: TestBrowser,
  baseUrl: string,
  username: string,
  runs = 3,
): Promise<InboxLoad> {
  const results: InboxRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await inboxRun(await browser.newPage(baseUrl), username));
  const runsMs = results.map((r) => r.ms);
  const last = results.at(-1)?.load ?? { gzipBytes: 0, files: [] };
  return {
    ...last,
    interactiveMs: median(runsMs),
    runsMs,
    afterSignInMs: median(results.map((r) => r.afterSignInMs)),
  };
}

/** Keeps the report where apps/scripts/report-sizes.mjs reads it. */
export function writeLoadReport(report: LoadReport): void {
  writeFileSync(path.join(screenshotDir, 'initial-js.json'), `${JSON.stringify(report, null, 2)}\n`);
}
