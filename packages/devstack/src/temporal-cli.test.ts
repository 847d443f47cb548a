import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevstackError } from './errors';
import { findRepoRoot } from './repo-root';
import { ensureTemporalCli } from './temporal-cli';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uf-cli-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeBinary(path: string): Promise<string> {
  await writeFile(path, '#!/bin/sh\necho fake\n');
  await chmod(path, 0o755);
  return path;
}

describe('ensureTemporalCli', () => {
  it('uses TEMPORAL_CLI when it exists', async () => {
    const bin = await fakeBinary(join(dir, 'my-temporal'));
    expect(await ensureTemporalCli({ env: { TEMPORAL_CLI: bin, PATH: '' }, toolsDir: dir })).toBe(bin);
  });

  it('rejects a TEMPORAL_CLI that does not exist, in one line', async () => {
    const error = await ensureTemporalCli({ env: { TEMPORAL_CLI: join(dir, 'nope') }, toolsDir: dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DevstackError);
    expect((error as Error).message).toMatch(/TEMPORAL_CLI points to .*nope/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('prefers `temporal` on PATH over the tools dir', async () => {
    const pathDir = join(dir, 'path');
    const tools = join(dir, 'tools');
    await Promise.all([mkdir(pathDir), mkdir(tools)]);
    const onPath = await fakeBinary(join(pathDir, 'temporal'));
    await fakeBinary(join(tools, 'temporal'));
    expect(await ensureTemporalCli({ env: { PATH: pathDir }, toolsDir: tools })).toBe(onPath);
    expect(await ensureTemporalCli({ env: { PATH: '' }, toolsDir: tools })).toBe(join(tools, 'temporal'));
  });

  it('says what to do when there is no CLI, no Go and no download', async () => {
    const lines: string[] = [];
    const error = await ensureTemporalCli({
      env: { PATH: '' },
      toolsDir: join(dir, 'tools'),
      downloadUrl: 'http://127.0.0.1:1/temporal.tar.gz',
      log: (line) => lines.push(line),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevstackError);
    expect((error as Error).message).toMatch(/Install Go .* TEMPORAL_CLI/);
    expect((error as Error).message).not.toContain('\n');
    expect(lines.join('\n')).toContain('Go is not installed');
  });

  it('finds the repository root', () => {
    expect(findRepoRoot()).toMatch(/\/[^/]+$/);
    expect(findRepoRoot(join(findRepoRoot(), 'packages', 'devstack', 'src'))).toBe(findRepoRoot());
  });
});
