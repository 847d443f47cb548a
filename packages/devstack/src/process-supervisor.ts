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
