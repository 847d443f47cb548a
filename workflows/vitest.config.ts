import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Replay needs no server, but bundling the workflow code takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
