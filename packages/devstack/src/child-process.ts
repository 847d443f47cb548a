import type { ChildProcess } from 'node:child_process';

const guarded = new Set<ChildProcess>();
let hooked = false;

/**
 * Kills `child` (and its process group when detached) if this process exits first,
 * so a crash or process.exit never leaves servers running in the background.
 */
export function killOnExit(child: ChildProcess): void {
  guarded.add(child);
  child.once('exit', () => guarded.delete(child));
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const c of guarded) signal(c, 'SIGKILL', true);
  });
}

/** True while the child has neither exited nor been reaped. */
export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * Sends `sig` to the child, or with `group` to its whole process group when it leads one
 * (detached), so grandchildren die too; ignores already-dead children.
 */
export function signal(child: ChildProcess, sig: NodeJS.Signals, group = false): void {
  if (!child.pid || !isRunning(child)) return;
  try {
    if (!group) throw new Error('not a group signal');
    process.kill(-child.pid, sig);
  } catch {
    try {
      child.kill(sig);
    } catch {
      // already gone
    }
  }
}

/**
 * Sends `first` to the child only (wrappers such as tsx relay it, and postgres must not see it
 * in every backend), waits up to `graceMs`, then SIGKILLs the group; resolves once it has exited.
 */
export async function stopChild(
  child: ChildProcess,
  first: NodeJS.Signals = 'SIGTERM',
  graceMs = 5000,
): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal(child, first);
  const timer = setTimeout(() => signal(child, 'SIGKILL', true), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when the child exits, with its exit code or signal. */
export function waitForExit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (!isRunning(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
}
