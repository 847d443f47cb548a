import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Log } from './log';
import { startTemporalCluster, type TemporalCluster } from './temporal-cluster';
import { ensureTemporalServer } from './temporal-server-install';

/** A cluster-profile Temporal for tests, on databases of its own that `drop()` removes. */
export interface TestCluster {
  /** The running cluster; replaced by {@link TestCluster.startAgain}. */
  cluster: TemporalCluster;
  /** Its two databases, on the server behind the given URL. */
  databases: { main: string; visibility: string };
  /** Stops the cluster and starts it again on the same databases (a restart of the whole cluster). */
  startAgain(): Promise<TemporalCluster>;
  /** Stops the cluster, drops its two databases and removes its config and logs. */
  drop(): Promise<void>;
}

/**
 * Starts the cluster profile (4 shards, free ports) with uniquely named databases on the server
 * behind `postgresUrl`, so runs and files never share a cluster's state.
 */
export async function startTestCluster(options: { postgresUrl: string; log?: Log }): Promise<TestCluster> {
  const suffix = randomBytes(4).toString('hex');
  const databases = { main: `uf_temporal_${suffix}`, visibility: `uf_temporal_vis_${suffix}` };
  const dir = await mkdtemp(join(tmpdir(), 'uf-test-cluster-'));
  const binaries = await ensureTemporalServer({ log: options.log });
  const start = () =>
    startTemporalCluster({
      binaries,
      postgresUrl: options.postgresUrl,
      databases,
      shards: 4,
      dir,
      ports: 'free',
      log: options.log,
    });
  const dropDatabases = async () => {
    const admin = new pg.Client({ connectionString: options.postgresUrl });
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
  let cluster: TemporalCluster;
  try {
    cluster = await start();
  } catch (error) {
    await dropDatabases().catch(() => {});
    throw error;
  }
  const handle: TestCluster = {
    cluster,
    databases,
    async startAgain() {
      await handle.cluster.stop();
      handle.cluster = await start();
      return handle.cluster;
    },
    async drop() {
      await handle.cluster.stop();
      await dropDatabases();
    },
  };
  return handle;
}
