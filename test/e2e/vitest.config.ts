import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Runs only the browser journeys: `pnpm --filter @unionflow/test exec vitest run -c e2e/vitest.config.ts`.
// The package's own vitest.config.ts runs them together with the other cross-cutting tests.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['../packages/devstack/src/vitest-global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
    // One module graph for all files: each file still gets its own platform and database, but the
    // gateway, worker and SDK are imported once per run instead of once per file (~10 s each).
    isolate: false,
  },
});
