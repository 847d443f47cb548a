import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser';
import { type Platform, startPlatform } from './platform';

/** What every browser suite works against; filled in by the suite's `beforeAll`. */
export interface E2eEnvironment {
  platform: Platform;
  browser: TestBrowser;
}

/**
 * Registers the hooks every browser suite needs: the platform and Chromium started once per file,
 * each test's pages closed after it, everything stopped at the end.
 */
export function useE2eEnvironment(): E2eEnvironment {
  const env = {} as E2eEnvironment;
  beforeAll(async () => {
    env.platform = await startPlatform();
    env.browser = await launchBrowser();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' || task.result?.errors?.length)
      await env.browser?.recordFailure(task.name);
    await env.browser?.closePages();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.platform?.close();
  });
  return env;
}
