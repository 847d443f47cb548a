import type {} from 'vitest';

/** Services the devstack Vitest globalSetup provides; read them in tests with `inject('temporalAddress')`. */
export interface TestServices {
  /** host:port of a shared in-memory Temporal dev server (namespace `default`). */
  temporalAddress: string;
  /** URL of a throwaway PostgreSQL database shared by the test run. */
  databaseUrl: string;
  /** Absolute path of the Temporal CLI, for tests that need their own server. */
  temporalCli: string;
  /** A directory for the run's shared scratch files (e.g. the workflow bundle), removed after the run. */
  runScratchDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext extends TestServices {}
}
