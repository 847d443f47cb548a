import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { killOnExit, stopChild } from '@unionflow/devstack';

const workerMain = fileURLToPath(new URL('../../workers/src/main.ts', import.meta.url));

/** A worker running as its own OS process, so a test can kill it the way a machine dies. */
export interface WorkerProcess {
  pid: number;
  /** Everything the worker printed, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hooks, no draining, in-flight tasks are simply lost. */
  kill(): Promise<void>;
  /** Graceful stop (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

/**
 * Starts the real worker entry point (`workers/src/main.ts`) in a single node process (no tsx or pnpm
 * wrapper, so the pid is the worker itself) and resolves once it polls its task queue.
 */
export function startWorkerProcess(env: {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
}): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', workerMain], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_TASK_QUEUE: env.taskQueue,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killOnExit(child);
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: WorkerProcess = {
    pid: child.pid ?? -1,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    stop: () => stopChild(child),
  };
  return new Promise((resolve, reject) => {
    // The ready line may come on either stream, depending on how the runtime routes console output.
    const watch = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('worker ready')) resolve(handle);
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code, sig) =>
      reject(new Error(`worker exited before it was ready (${code ?? sig}):\n${out.slice(-3000)}`)),
    );
  });
}
