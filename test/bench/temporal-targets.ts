import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLUSTER_SERVICES,
  ensureTemporalCli,
  ensureTemporalServer,
  startTemporalCluster,
  startTemporalDevServer,
} from '@unionflow/devstack';
import pg from 'pg';
import type { ProcessGroup } from './proc-sampler';

/** CPU group of the backends serving Temporal's own databases (the cluster's persistence and visibility). */
export const TEMPORAL_POSTGRESQL = 'temporal postgresql';

/** A Temporal the engine benchmark runs against: the dev server, or the cluster profile at N shards. */
export interface TemporalTarget {
  /** Label in the report, e.g. "dev server" or "cluster, 4 shards". */
  label: string;
  kind: 'dev server' | 'cluster';
  shards: number;
  address: string;
  /** Every Temporal server process (the cluster's four services together). */
  pids(): number[];
  /** Extra CPU groups shown for this target only (the cluster's services one by one, its database backends). */
  detailGroups: ProcessGroup[];
  stop(): Promise<void>;
}

/** The dev server exactly as the engine benchmark always ran it (devstack's flags, in memory, one shard). */
export async function startDevServerTarget(log: (line: string) => void): Promise<TemporalTarget> {
  const server = await startTemporalDevServer({ binary: await ensureTemporalCli({ log }), headless: true });
  return {
    label: 'dev server',
    kind: 'dev server',
    shards: 1,
    address: server.address,
    pids: () => (server.pid ? [server.pid] : []),
    detailGroups: [],
    stop: () => server.stop(),
  };
}

/**
 * The production-shaped cluster (`pnpm start --cluster`): Temporal server v1.29.1, its four services as
 * separate processes, persistence and visibility in two fresh databases beside `postgresUrl`, dropped on stop.
 */
export async function startClusterTarget(
  postgresUrl: string,
  shards: number,
  log: (line: string) => void,
): Promise<TemporalTarget> {
  const suffix = randomBytes(4).toString('hex');
  const databases = { main: `uf_bench_temporal_${suffix}`, visibility: `uf_bench_temporal_vis_${suffix}` };
  const dir = await mkdtemp(join(tmpdir(), 'uf-bench-cluster-'));
  const drop = async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      for (const name of Object.values(databases))
        await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    } finally {
      await admin.end();
    }
    await rm(dir, { recursive: true, force: true });
  };
  let cluster: Awaited<ReturnType<typeof startTemporalCluster>>;
  try {
    cluster = await startTemporalCluster({
      binaries: await ensureTemporalServer({ log }),
      postgresUrl,
      databases,
      shards,
      dir,
      ports: 'free',
      log,
    });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  // One connection kept open for the sampler's once-a-second question.
  const monitor = new pg.Pool({ connectionString: postgresUrl, max: 1 });
  const backends = async (): Promise<number[]> => {
    const { rows } = await monitor
      .query<{ pid: number }>('select pid from pg_stat_activity where datname = any($1)', [
        Object.values(databases),
      ])
      .catch(() => ({ rows: [] as { pid: number }[] }));
    return rows.map((r) => r.pid);
  };
  return {
    label: `cluster, ${shards} shard${shards === 1 ? '' : 's'}`,
    kind: 'cluster',
    shards,
    address: cluster.address,
    pids: () => CLUSTER_SERVICES.map((s) => cluster.pid(s) ?? -1),
    detailGroups: [
      ...CLUSTER_SERVICES.map((s) => ({ name: `temporal ${s}`, pids: () => [cluster.pid(s) ?? -1] })),
      { name: TEMPORAL_POSTGRESQL, pids: backends },
    ],
    async stop() {
      await monitor.end();
      await cluster.stop();
      await drop();
    },
  };
}
