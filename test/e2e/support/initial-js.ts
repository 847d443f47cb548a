import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { screenshotDir } from './browser';

/** The JavaScript a first visit to the sign-in page downloads, gzipped (reported, not asserted). */
export interface InitialJs {
  gzipBytes: number;
  files: { url: string; gzipBytes: number }[];
}

/** Loads `/login` in a fresh page and adds up the gzipped size of every script it fetched. */
export async function measureInitialJs(page: Page): Promise<InitialJs> {
  const bodies: Promise<{ url: string; gzipBytes: number }>[] = [];
  page.on('response', (res) => {
    if (!new URL(res.url()).pathname.endsWith('.js')) return;
    bodies.push(
      res
        .body()
        .then((b) => ({ url: new URL(res.url()).pathname, gzipBytes: gzipSync(b, { level: 9 }).length }))
        .catch(() => ({ url: res.url(), gzipBytes: 0 })),
    );
  });
  await page.goto('/login');
  await page.locator('#username').waitFor();
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  const result = { gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0), files };
  writeFileSync(path.join(screenshotDir, 'initial-js.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
