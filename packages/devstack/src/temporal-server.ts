import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { isRunning, killOnExit, stopChild } from './child-process';
import { DevstackError } from './errors';
import { type Log, lastLine, silentLog } from './log';
import { findFreePort, isPortFree } from './ports';

/** Search attributes the platform queries cases by; registered on every dev server start. */
export const SEARCH_ATTRIBUTES = ['CaseNumber', 'ProcessKey', 'Department', 'CaseStatus'] as const;

/** Options for {@link startTemporalDevServer}. */
export interface TemporalDevServerOptions {
  /** Absolute path of the `temporal` CLI (see ensureTemporalCli). */
  binary: string;
  /** SQLite file to persist to; in-memory when omitted. */
  dbFile?: string;
  /** gRPC port; a free one when omitted. */
  port?: number;
  /** Web UI port; a free one when omitted. */
  uiPort?: number;
  /** Skip the Web UI (tests). */
  headless?: boolean;
  /** Where the server's output goes; default next to dbFile, or a temp dir. */
  logFile?: string;
  log?: Log;
  /** How long to wait for the server to answer. */
  timeoutMs?: number;
}

/** A running Temporal dev server. */
export interface TemporalDevServer {
  /** host:port for Connection.connect / NativeConnection.connect. */
  address: string;
  /** Process id of the server (benchmarks sample its CPU and memory). */
  pid: number | undefined;
  /** Web UI URL, unless headless. */
  uiUrl?: string;
  namespace: 'default';
  logFile: string;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the server has exited. */
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` and resolves once the `default` namespace answers. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const log = options.log ?? silentLog;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const port = options.port ?? (await findFreePort());
  const uiPort = options.headless ? undefined : (options.uiPort ?? (await findFreePort()));
  for (const [p, what, env] of [
    [port, 'Temporal', 'TEMPORAL_PORT'],
    [uiPort, 'Temporal UI', 'TEMPORAL_UI_PORT'],
  ] as const) {
    if (p !== undefined && !(await isPortFree(p))) {
      throw new DevstackError(
        `Port ${p} (${what}) is in use; stop what uses it or set ${env}=… to use another.`,
      );
    }
  }

  // Without a data dir the log goes to a temp dir that stop() removes.
  const scratch =
    options.logFile || options.dbFile ? undefined : await mkdtemp(join(tmpdir(), 'temporal-dev-'));
  const logFile = resolve(
    options.logFile ??
      (scratch ? join(scratch, 'temporal.log') : join(dirname(options.dbFile ?? '.'), 'temporal.log')),
  );
  await mkdir(dirname(logFile), { recursive: true });

  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'];
  if (uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (options.dbFile)
    args.push('--db-filename', resolve(options.dbFile), '--sqlite-pragma', 'journal_mode=wal');
  for (const name of SEARCH_ATTRIBUTES) args.push('--search-attribute', `${name}=Keyword`);
  // Activities scheduled by a workflow task start on the same worker at once, without a queue hop.
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');

  const fd = openSync(logFile, 'w');
  // Detached: Ctrl-C in a terminal must not reach the server before its clients have stopped.
  const child = spawn(options.binary, args, { stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  killOnExit(child);
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (e) => reject(new DevstackError(`Could not run ${options.binary}: ${e.message}.`))),
  );
  spawnError.catch(() => {});

  const address = `127.0.0.1:${port}`;
  log(`Starting Temporal dev server on ${address}${options.dbFile ? ` (data: ${options.dbFile})` : ''}…`);
  try {
    await Promise.race([waitUntilServing(address, child, logFile, timeoutMs), spawnError]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const stop = async () => {
    await stopChild(child, 'SIGTERM', 5000);
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };

  return {
    address,
    pid: child.pid,
    uiUrl: uiPort === undefined ? undefined : `http://127.0.0.1:${uiPort}`,
    namespace: 'default',
    logFile,
    stop,
  };
}

async function waitUntilServing(
  address: string,
  child: ReturnType<typeof spawn>,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(child)) {
      throw new DevstackError(
        `Temporal dev server exited while starting (${child.exitCode ?? child.signalCode}: ${lastLine(logFile)}); see ${logFile}.`,
      );
    }
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await connection?.close().catch(() => {});
    }
  }
  throw new DevstackError(
    `Temporal dev server did not come up in ${Math.round(timeoutMs / 1000)} s; see ${logFile}.`,
  );
}

/** Throws a one-line DevstackError unless a Temporal frontend answers at `address` (TEMPORAL_ADDRESS). */
export async function checkTemporal(address: string, namespace = 'default', timeoutMs = 5000): Promise<void> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: timeoutMs });
    await connection.workflowService.describeNamespace({ namespace });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new DevstackError(
      `Cannot reach Temporal at TEMPORAL_ADDRESS (${address}, namespace ${namespace}): ${reason}. Check it or unset it to run a local dev server.`,
    );
  } finally {
    await connection?.close().catch(() => {});
  }
}
