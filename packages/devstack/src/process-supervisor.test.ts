import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForExit } from './child-process';
import { findRepoRoot } from './repo-root';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the fixture in its own process and resolves once its child runs. */
async function startSupervised() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'test-fixtures', 'supervise-until-signal.ts')],
    { cwd: findRepoRoot(), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  const sleeperPid = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`fixture exited early (${code}): ${output}`)));
  });
  return { child, sleeperPid, output: () => output };
}

describe('ProcessSupervisor.exitOnSignals', () => {
  it('stops its children in order and exits 0 on SIGINT, even when the signal comes twice', async () => {
    const { child, sleeperPid, output } = await startSupervised();
    expect(isAlive(sleeperPid)).toBe(true);
    // A terminal's Ctrl-C reaches pnpm and us; pnpm then relays a second SIGINT.
    child.kill('SIGINT');
    child.kill('SIGINT');
    const exit = await waitForExit(child);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(output()).toContain('Stopping sleeper');
    expect(output()).toContain('cleanup ran');
    expect(output()).not.toContain('unexpected exit');
    expect(isAlive(sleeperPid)).toBe(false);
  });

  it('exits 0 on SIGTERM after the same orderly stop', async () => {
    const { child, sleeperPid, output } = await startSupervised();
    child.kill('SIGTERM');
    expect(await waitForExit(child)).toEqual({ code: 0, signal: null });
    expect(output()).toContain('cleanup ran');
    expect(isAlive(sleeperPid)).toBe(false);
  });
});
