import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../packages/devstack/src/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file bundles workflows and runs a worker; two at a time fits a 2-core machine.
    maxWorkers: 2,
  },
});
