import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Real PostgreSQL and a real Temporal dev server, shared by the run.
    globalSetup: ['../packages/devstack/src/vitest-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file may run a worker and bundle workflows: two at a time fits a 2-core machine.
    maxWorkers: 2,
  },
});
