import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['../packages/devstack/src/vitest-global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Cross-service tests start their own worker processes; one file at a time fits a 2-core machine.
    maxWorkers: 1,
    // One module graph for all files: each file still gets its own platform and database, but the
    // gateway, worker and SDK are imported once per run instead of once per file (~10 s each).
    isolate: false,
  },
});
