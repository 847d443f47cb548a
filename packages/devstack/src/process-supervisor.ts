import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { isRunning, killOnExit, stopChild } from './child-process';

/** Called when a supervised child exits while nobody asked it to stop. */
export type UnexpectedExitHandler = (
  name: string,
  code: number | null,
  signal: NodeJS.Signals | null,
) => void;

/** How to start one supervised child. */
export interface SupervisedCommand {
  /** Short label; output lines are prefixed with `[name]`. */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Time between SIGTERM and SIGKILL when stopping. */
  graceMs?: number;
}

/** Spawns long-running children, prefixes their output, and stops them newest first. */
export class ProcessSupervisor {
  private readonly children: { spec: SupervisedCommand; child: ChildProcess }[] = [];
  private stopping = false;
  private exiting: Promise<never> | undefined;

  constructor(private readonly onUnexpectedExit: UnexpectedExitHandler) {}

  /** Starts a child; its stdout/stderr lines are echoed with a `[name]` prefix. */
  start(spec: SupervisedCommand): ChildProcess {
    // Detached: a terminal's Ctrl-C reaches only us, so we decide the shutdown order.
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    killOnExit(child);
    const prefix = `[${spec.name}]`;
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      process.stdout.write(`${prefix} ${line}\n`);
    });
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
      process.stderr.write(`${prefix} ${line}\n`);
    });
    child.on('error', (error) => {
      process.stderr.write(`${prefix} could not start: ${error.message}\n`);
    });
    child.on('exit', (code, signal) => {
      if (!this.stopping) this.onUnexpectedExit(spec.name, code, signal);
    });
    this.children.push({ spec, child });
    return child;
  }

  /** Names of children still running. */
  running(): string[] {
    return this.children.filter((c) => isRunning(c.child)).map((c) => c.spec.name);
  }

  /** True once a stop or shutdown has begun: exits after that are expected, not crashes. */
  get isStopping(): boolean {
    return this.stopping;
  }

  /**
   * Stops every child, then runs `cleanup` (servers started outside the supervisor), then exits
   * with `code`. Only the first call acts; later ones wait for it, so a second Ctrl-C or the
   * SIGINT pnpm relays after the terminal's own never cuts an orderly stop short.
   */
  shutdown(
    code: number,
    cleanup: () => Promise<void> = async () => {},
    log?: (line: string) => void,
  ): Promise<never> {
    this.exiting ??= (async () => {
      await this.stopAll(log);
      await cleanup().catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
      process.exit(code);
    })();
    return this.exiting;
  }

  /**
   * Makes SIGINT and SIGTERM an orderly stop that exits 0: stopping on request is success, and
   * a non-zero exit makes pnpm print `ELIFECYCLE Command failed` over a clean shutdown.
   */
  exitOnSignals(cleanup?: () => Promise<void>, log?: (line: string) => void): void {
    const stop = () => void this.shutdown(0, cleanup, log);
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }

  /** Stops children one at a time, newest first (SIGTERM, then SIGKILL after graceMs). */
  async stopAll(log: (line: string) => void = () => {}): Promise<void> {
    this.stopping = true;
    for (const { spec, child } of [...this.children].reverse()) {
      if (!isRunning(child)) continue;
      log(`Stopping ${spec.name}…`);
      await stopChild(child, 'SIGTERM', spec.graceMs ?? 10_000);
    }
  }
}
