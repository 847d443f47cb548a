import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureTemporalCli } from './temporal-cli';
import { startTemporalCluster } from './temporal-cluster';
import { startTemporalDevServer } from './temporal-server';
import { ensureTemporalServer } from './temporal-server-install';
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
  const suffix = randomBytes(4).toString('hex');
  const databases = { main: `uf_temporal_${suffix}`, visibility: `uf_temporal_vis_${suffix}` };
  const dir = await mkdtemp(join(tmpdir(), 'uf-test-cluster-'));
  const dropAll = async () => {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      for (const name of Object.values(databases)) {
        await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      }
    } finally {
      await admin.end();
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const cluster = await startTemporalCluster({
      binaries: await ensureTemporalServer({ log }),
      postgresUrl: database.url,
      databases,
      shards: 4,
      dir,
      ports: 'free',
      log,
    });
    const stop = async () => {
      await cluster.stop();
      await dropAll();
    };
    return { address: cluster.address, stop };
  } catch (error) {
    await dropAll().catch(() => {});
    throw error;
  }
}

/**
 * Vitest globalSetup: one in-memory Temporal dev server (or the cluster profile) and one test
 * database per run, handed to tests through `inject('temporalAddress' | 'databaseUrl' | 'temporalCli')`.
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
  return async () => {
    await temporal.stop().catch(() => {});
    await database.drop();
  };
}
