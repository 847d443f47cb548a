import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('compiles with go install behind one announcement and progress lines, go output in a log file', async () => {
    const goDir = join(dir, 'go-bin');
    await mkdir(goDir);
    // A stand-in for `go`: chatty like a cold module cache, slow enough for a progress tick.
    await writeFile(
      join(goDir, 'go'),
      '#!/bin/sh\nfor m in a b c; do echo "go: downloading example.com/$m v1.0.0" >&2; done\n/bin/sleep 0.3\nprintf "#!/bin/sh\\n" > "$GOBIN/temporal"\n/bin/chmod +x "$GOBIN/temporal"\n',
    );
    await chmod(join(goDir, 'go'), 0o755);
    const tools = join(dir, 'tools', 'bin');
    const lines: string[] = [];
    const binary = await ensureTemporalCli({
      env: { PATH: goDir },
      toolsDir: tools,
      progressEveryMs: 100,
      log: (line) => lines.push(line),
    });
    expect(binary).toBe(join(tools, 'temporal'));
    expect(lines[0]).toBe(
      '首次启动需编译 Temporal CLI，约 5 分钟 / first start compiles the Temporal CLI, about 5 minutes',
    );
    expect(
      lines.some((line) => line.includes('still compiling') && line.includes('3 modules downloaded')),
    ).toBe(true);
    expect(lines.join('\n')).not.toContain('go: downloading');
    const logged = await readFile(join(dir, 'tools', 'go-install.log'), 'utf8');
    expect(logged).toContain('go: downloading example.com/c v1.0.0');
  });

  it('names the log file when go install fails', async () => {
    const goDir = join(dir, 'go-bin');
    await mkdir(goDir);
    await writeFile(join(goDir, 'go'), '#!/bin/sh\necho "go: module lookup disabled" >&2\nexit 1\n');
    await chmod(join(goDir, 'go'), 0o755);
    const error = await ensureTemporalCli({
      env: { PATH: goDir },
      toolsDir: join(dir, 'tools', 'bin'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevstackError);
    expect((error as Error).message).toContain('exit 1: go: module lookup disabled');
    expect((error as Error).message).toContain(join(dir, 'tools', 'go-install.log'));
    expect((error as Error).message).not.toContain('\n');
  });

  it('finds the repository root', () => {
    expect(findRepoRoot()).toMatch(/\/[^/]+$/);
    expect(findRepoRoot(join(findRepoRoot(), 'packages', 'devstack', 'src'))).toBe(findRepoRoot());
  });
});
