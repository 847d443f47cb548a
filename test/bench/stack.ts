import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkTemporal,
  findFreePort,
  findRepoRoot,
  isRunning,
  killOnExit,
  ProcessSupervisor,
  SEARCH_ATTRIBUTES,
  signal,
  startTemporalDevServer,
  stopChild,
  type TemporalDevServer,
  waitForHttp,
} from '@unionflow/devstack';

/** Options for {@link startStack}. */
export interface StackOptions {
  databaseUrl: string;
  temporalCli: string;
  /** Use this running Temporal instead of starting one (it cannot be killed then). */
  temporalAddress?: string;
  /** SQLite file for a Temporal that must keep its data across a kill; in-memory when omitted. */
  temporalDbFile?: string;
  gateways: number;
  workers: number;
  /** Worker entry point relative to the repository; default the production one, `workers/src/main.ts`. */
  workerEntry?: string;
  /**
   * Dynamic config for the dev server (`KEY=VALUE`), e.g. `system.enableActivityEagerExecution=true`;
   * devstack's starter takes none, so the server is then started here with the same arguments plus these.
   */
  temporalDynamicConfig?: string[];
  /** Write V8 CPU profiles of gateways and workers here (written when they stop gracefully). */
  cpuProfileDir?: string;
  log?: (line: string) => void;
  /**
   * Per gateway, the checkout whose `gateway/src/server.ts` it runs (default this one): two versions
   * of the gateway side by side on one platform, under the same load of the moment.
   */
  gatewayRoots?: (string | undefined)[];
}

/** One platform as separate OS processes: Temporal, N workers, N gateways, over one database. */
export interface Stack {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** Base URL of each gateway, e.g. http://127.0.0.1:41234. */
  gatewayUrls: string[];
  /** Current pids, for samplers and history identities. */
  pids(): { gateways: number[]; workers: number[]; temporal: number | null };
  /** Pids of every worker process started so far, including killed ones. */
  workerPidsEver(): number[];
  killWorker(i: number): Promise<void>;
  startWorker(i: number): Promise<void>;
  killGateway(i: number): Promise<void>;
  startGateway(i: number): Promise<void>;
  killTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  stop(): Promise<void>;
}

const root = findRepoRoot();

/** Starts Temporal (unless given), workers and gateways as the production entry points run them. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => {});
  const deliberate = new Set<ChildProcess>();
  const supervisor = new ProcessSupervisor((name, code, sig) => {
    log(`${name} exited unexpectedly (${code ?? sig})`);
  });
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  const temporalPort = opts.temporalAddress ? null : await findFreePort();
  let temporal: TemporalDevServer | null = null;
  const temporalAddress = opts.temporalAddress ?? `127.0.0.1:${temporalPort}`;
  const gatewayPorts = await Promise.all(Array.from({ length: opts.gateways }, () => findFreePort()));
  const gateways: (ChildProcess | null)[] = gatewayPorts.map(() => null);
  const workers: (ChildProcess | null)[] = Array.from({ length: opts.workers }, () => null);
  const workerPids: number[] = [];
  const profileArgs = () =>
    // Default file names carry pid and thread id: one profile per thread (workflows run in worker threads).
    opts.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProfileDir] : [];

  const startTemporal = async () => {
    if (temporalPort === null) throw new Error('this stack uses an external Temporal');
    if (opts.temporalDynamicConfig?.length) {
      temporal = await startTunedDevServer(
        opts.temporalCli,
        temporalPort,
        opts.temporalDynamicConfig,
        opts.temporalDbFile,
      );
      return;
    }
    temporal = await startTemporalDevServer({
      binary: opts.temporalCli,
      port: temporalPort,
      dbFile: opts.temporalDbFile,
      headless: true,
    });
  };

  const startWorker = async (i: number) => {
    const child = supervisor.start({
      name: `worker-${i}`,
      command: process.execPath,
      args: [...profileArgs(), '--import', 'tsx', opts.workerEntry ?? 'workers/src/main.ts'],
      cwd: root,
      env: {
        DATABASE_URL: opts.databaseUrl,
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        LOG_LEVEL: 'warn',
      },
      graceMs: 15_000,
    });
    workers[i] = child;
    if (child.pid) workerPids.push(child.pid);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const watch = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('worker ready')) resolve();
      };
      child.stdout?.on('data', watch);
      child.stderr?.on('data', watch);
      child.once('exit', (code, sig) =>
        reject(new Error(`worker-${i} exited before ready (${code ?? sig})`)),
      );
    });
  };

  const startGateway = async (i: number) => {
    const child = supervisor.start({
      name: `gateway-${i}`,
      command: process.execPath,
      args: [...profileArgs(), '--import', 'tsx', 'gateway/src/server.ts'],
      cwd: opts.gatewayRoots?.[i] ?? root,
      env: {
        PORT: String(gatewayPorts[i]),
        HOST: '127.0.0.1',
        DATABASE_URL: opts.databaseUrl,
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_TASK_QUEUE: taskQueue,
        LOG_LEVEL: 'warn',
        // The load generator plays many people: each sends its own X-Forwarded-For, so the per-IP
        // rate limit applies per simulated person as it would behind the production proxy.
        TRUST_PROXY: 'true',
      },
    });
    gateways[i] = child;
    await waitForHttp(`http://127.0.0.1:${gatewayPorts[i]}/healthz`, {
      timeoutMs: 60_000,
      abort: () => (isRunning(child) ? undefined : `gateway-${i} exited while starting`),
    });
  };

  const kill = async (child: ChildProcess | null) => {
    if (!child || !isRunning(child)) return;
    deliberate.add(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signal(child, 'SIGKILL', true);
    await exited;
  };

  try {
    if (temporalPort !== null) await startTemporal();
    for (let i = 0; i < opts.workers; i++) await startWorker(i);
    await Promise.all(gatewayPorts.map((_, i) => startGateway(i)));
  } catch (error) {
    await supervisor.stopAll();
    await (temporal as TemporalDevServer | null)?.stop();
    throw error;
  }
  log(
    `stack up: temporal ${temporalAddress}, ${opts.workers} worker(s), gateways ${gatewayPorts.join(', ')}`,
  );

  return {
    databaseUrl: opts.databaseUrl,
    temporalAddress,
    taskQueue,
    gatewayUrls: gatewayPorts.map((p) => `http://127.0.0.1:${p}`),
    pids: () => ({
      gateways: gateways.map((g) => g?.pid ?? -1),
      workers: workers.map((w) => w?.pid ?? -1),
      temporal: temporalPort === null ? null : temporalPid(temporalPort),
    }),
    workerPidsEver: () => [...workerPids],
    killWorker: (i) => kill(workers[i] ?? null),
    startWorker,
    killGateway: (i) => kill(gateways[i] ?? null),
    startGateway,
    async killTemporal() {
      if (temporalPort === null) throw new Error('this stack uses an external Temporal');
      const pid = temporalPid(temporalPort);
      if (pid === null) throw new Error('no Temporal dev server process found');
      process.kill(pid, 'SIGKILL');
      // The dev server is our child: wait until it is gone and its port is free.
      for (let i = 0; i < 100 && existsPid(pid); i++) await new Promise((r) => setTimeout(r, 50));
      await (temporal as TemporalDevServer | null)?.stop();
    },
    startTemporal,
    async stop() {
      await supervisor.stopAll();
      await (temporal as TemporalDevServer | null)?.stop();
    },
  };
}

/** The dev server with devstack's arguments plus dynamic config values. */
async function startTunedDevServer(
  binary: string,
  port: number,
  dynamicConfig: string[],
  dbFile: string | undefined,
): Promise<TemporalDevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'];
  args.push('--headless');
  if (dbFile) args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=wal');
  for (const name of SEARCH_ATTRIBUTES) args.push('--search-attribute', `${name}=Keyword`);
  for (const value of dynamicConfig) args.push('--dynamic-config-value', value);
  const child = spawn(binary, args, { stdio: 'ignore', detached: true });
  killOnExit(child);
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await checkTemporal(address, 'default', 1000);
      break;
    } catch (error) {
      if (!isRunning(child) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    address,
    pid: child.pid,
    namespace: 'default',
    logFile: '/dev/null',
    stop: () => stopChild(child, 'SIGTERM', 5000),
  };
}

function existsPid(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** The dev server's pid, found by its command line (devstack does not expose it). */
export function temporalPid(port: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(join('/proc', entry, 'cmdline'), 'utf8').split('\0');
      const at = args.indexOf('--port');
      if (args.includes('start-dev') && at !== -1 && args[at + 1] === String(port)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}
