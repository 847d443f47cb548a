import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-server';
import { startTestCluster } from './test-cluster';
import { createTestDatabase, type TestDatabase } from './test-database';
import type {} from './vitest-context';

/** What the run's tests talk to: an address and how to stop it. */
interface RunTemporal {
  address: string;
  stop(): Promise<void>;
}

/**
 * UNIONFLOW_TEST_TEMPORAL=cluster runs the suite against the multi-process cluster profile (its two
 * databases live beside the run's test database and are dropped afterwards); CI does that for the
 * process journeys.
 */
async function startCluster(database: TestDatabase, log: (line: string) => void): Promise<RunTemporal> {
  const test = await startTestCluster({ postgresUrl: database.url, log });
  return { address: test.cluster.address, stop: test.drop };
}

/**
 * Vitest globalSetup: one in-memory Temporal dev server (or the cluster profile) and one test
 * database per run, handed to tests through `inject('temporalAddress' | 'databaseUrl' | 'temporalCli' | 'runScratchDir')`.
 */
export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const log = (line: string) => console.log(`[devstack] ${line}`);
  const temporalCli = await ensureTemporalCli({ log });
  const database = await createTestDatabase();
  let temporal: RunTemporal;
  try {
    temporal =
      process.env.UNIONFLOW_TEST_TEMPORAL === 'cluster'
        ? await startCluster(database, log)
        : await startTemporalDevServer({ binary: temporalCli, headless: true });
  } catch (error) {
    await database.drop();
    throw error;
  }
  provide('temporalAddress', temporal.address);
  provide('databaseUrl', database.url);
  provide('temporalCli', temporalCli);
  const scratch = await mkdtemp(path.join(tmpdir(), 'unionflow-test-run-'));
  provide('runScratchDir', scratch);
  return async () => {
    await temporal.stop().catch(() => {});
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
  };
}
