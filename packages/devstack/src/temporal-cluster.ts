import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { isRunning, killOnExit, signal, stopChild } from './child-process';
import { DevstackError } from './errors';
import { type Log, silentLog } from './log';
import { findFreePort, isPortFree } from './ports';
import { ensureDatabase } from './postgres';
import {
  CLUSTER_DYNAMIC_CONFIG,
  CLUSTER_SERVICES,
  type ClusterConfigInput,
  type ClusterService,
  renderClusterConfig,
  type ServicePorts,
  STANDARD_PORTS,
} from './temporal-cluster-config';
import { registerNamespace, untilListening } from './temporal-cluster-readiness';
import type { TemporalServerBinaries } from './temporal-server-install';

/** Default number of history shards; fixed when the databases are created (Temporal cannot reshard). */
export const DEFAULT_HISTORY_SHARDS = 8;

/** Options for {@link startTemporalCluster}. */
export interface TemporalClusterOptions {
  binaries: TemporalServerBinaries;
  /** Any database URL on the PostgreSQL server to use; the cluster's databases are created beside it. */
  postgresUrl: string;
  /** Database names; default `temporal` and `temporal_visibility`. */
  databases?: { main: string; visibility: string };
  /** History shards (TEMPORAL_SHARDS); only read when the databases are first set up. */
  shards?: number;
  /** Config, dynamic config and one log file per service go here. */
  dir: string;
  /** `standard` (7233 and friends, for pnpm start) or `free` (tests, side by side). */
  ports?: 'standard' | 'free';
  log?: Log;
  timeoutMs?: number;
}

/** A running multi-process Temporal cluster. */
export interface TemporalCluster {
  /** Frontend host:port, namespace `default`. */
  address: string;
  shards: number;
  /** Prometheus endpoint of each service (the server's own metrics). */
  metricsUrls: Record<ClusterService, string>;
  pid(service: ClusterService): number | undefined;
  logFile(service: ClusterService): string;
  /** Sends a signal to one service (crash tests: SIGKILL history under load). */
  kill(service: ClusterService, sig?: NodeJS.Signals): void;
  /** Starts a service again after it died or was killed. */
  restart(service: ClusterService): Promise<void>;
  /** Stops frontend first, history last; resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * Creates the databases and schemas (versioned, idempotent), writes one config per service, runs
 * history, matching, frontend and worker as separate processes, then registers the `default`
 * namespace and the case search attributes, resolving once a workflow can be started.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const log = options.log ?? silentLog;
  const dir = resolve(options.dir);
  const databases = options.databases ?? { main: 'temporal', visibility: 'temporal_visibility' };
  const shards = options.shards ?? DEFAULT_HISTORY_SHARDS;
  if (!Number.isInteger(shards) || shards < 1 || shards > 16_384) {
    throw new DevstackError(
      `TEMPORAL_SHARDS=${shards} is not a valid shard count; use a whole number such as 8.`,
    );
  }
  const url = new URL(options.postgresUrl);
  const postgres = {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
  };

  log(
    `Temporal cluster: schemas in ${databases.main} and ${databases.visibility} on ${postgres.host}:${postgres.port}…`,
  );
  await setUpSchema(options.binaries, options.postgresUrl, postgres, databases.main, 'temporal');
  await setUpSchema(options.binaries, options.postgresUrl, postgres, databases.visibility, 'visibility');

  const ports = options.ports === 'standard' ? STANDARD_PORTS : await freePorts();
  const configDir = join(dir, 'config');
  await mkdir(configDir, { recursive: true });
  const dynamicConfigFile = join(configDir, 'dynamic.yaml');
  await writeFile(dynamicConfigFile, CLUSTER_DYNAMIC_CONFIG);
  const input: ClusterConfigInput = {
    shards,
    postgres,
    databases,
    ports: {
      frontend: ports.frontend,
      history: ports.history,
      matching: ports.matching,
      worker: ports.worker,
    },
    httpPort: ports.http,
    dynamicConfigFile,
  };
  for (const service of CLUSTER_SERVICES) {
    await writeFile(join(configDir, `${service}.yaml`), renderClusterConfig(input, service));
  }

  const children = new Map<ClusterService, ChildProcess>();
  const logFile = (service: ClusterService) => join(dir, `${service}.log`);
  const startService = (service: ClusterService) => {
    const fd = openSync(logFile(service), 'a');
    const args = [
      '--root',
      dir,
      '--config',
      'config',
      '--env',
      service,
      '--allow-no-auth',
      'start',
      `--service=${service}`,
    ];
    // Detached: a terminal's Ctrl-C must not stop Temporal before the workers and gateways.
    const child = spawn(options.binaries.server, args, { stdio: ['ignore', fd, fd], detached: true });
    closeSync(fd);
    killOnExit(child);
    child.on('error', () => {});
    children.set(service, child);
  };
  const address = `127.0.0.1:${ports.frontend.grpc}`;
  const stop = async () => {
    // Clients' front door first; history last so in-flight tasks are persisted.
    for (const service of ['frontend', 'worker', 'matching', 'history'] as const) {
      const child = children.get(service);
      if (child) await stopChild(child, 'SIGTERM', 10_000);
    }
  };

  const timeoutMs = options.timeoutMs ?? 120_000;
  log(`Temporal cluster: ${CLUSTER_SERVICES.join(', ')} as separate processes, ${shards} history shards…`);
  try {
    // One at a time: each process writes the cluster metadata on start, and two at once conflict
    // ("SaveClusterMetadata encountered version mismatch").
    for (const service of CLUSTER_SERVICES) {
      startService(service);
      await untilListening(service, ports[service].membership, { children, logFile }, timeoutMs);
    }
    await registerNamespace(address, { children, logFile }, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Temporal cluster ready on ${address} (logs: ${dir}).`);

  return {
    address,
    shards,
    metricsUrls: Object.fromEntries(
      CLUSTER_SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s].metrics}/metrics`]),
    ) as Record<ClusterService, string>,
    pid: (service) => children.get(service)?.pid,
    logFile,
    kill: (service, sig = 'SIGKILL') => {
      const child = children.get(service);
      if (child) signal(child, sig, true);
    },
    restart: async (service) => {
      const child = children.get(service);
      if (child && isRunning(child)) await stopChild(child, 'SIGTERM', 10_000);
      startService(service);
    },
    stop,
  };
}

type ClusterPorts = Record<ClusterService, ServicePorts> & { http: number };

/** Temporal stores membership ports as smallint, so they must stay below 32768 (the OS picks above). */
async function freeMembershipPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isPortFree(port)) return port;
  }
}

async function freePorts(): Promise<ClusterPorts> {
  const one = async (): Promise<ServicePorts> => ({
    grpc: await findFreePort(),
    membership: await freeMembershipPort(),
    metrics: await findFreePort(),
  });
  return {
    frontend: await one(),
    history: await one(),
    matching: await one(),
    worker: await one(),
    http: await findFreePort(),
  };
}

/** Creates the database, installs the base schema once, then applies every newer versioned step. */
async function setUpSchema(
  binaries: TemporalServerBinaries,
  adminUrl: string,
  postgres: { host: string; port: number; user: string; password: string },
  database: string,
  kind: 'temporal' | 'visibility',
): Promise<void> {
  await ensureDatabase(adminUrl, database);
  const common = [
    '--plugin',
    'postgres12',
    '--ep',
    postgres.host,
    '-p',
    String(postgres.port),
    '-u',
    postgres.user,
    '--pw',
    postgres.password,
    '--db',
    database,
  ];
  const run = async (args: string[]) => {
    try {
      await promisify(execFile)(binaries.sql, [...common, ...args]);
    } catch (error) {
      const output = (error as { stderr?: string }).stderr?.trim().split('\n').at(-1) ?? String(error);
      throw new DevstackError(`Setting up the Temporal schema in ${database} failed: ${output}`);
    }
  };
  if (!(await hasSchemaVersionTable(adminUrl, database))) await run(['setup-schema', '-v', '0.0']);
  await run([
    'update-schema',
    '-d',
    join(binaries.moduleDir, 'schema', 'postgresql', 'v12', kind, 'versioned'),
  ]);
}

async function hasSchemaVersionTable(adminUrl: string, database: string): Promise<boolean> {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const result = await client.query<{ found: string | null }>(
      "select to_regclass('schema_version') as found",
    );
    return result.rows[0]?.found != null;
  } finally {
    await client.end();
  }
}
