import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DevstackError } from './errors';
import { findOnPath, isExecutable } from './find-binary';
import { goInstall } from './go-install';
import { type Log, silentLog } from './log';
import { findRepoRoot } from './repo-root';

/** The CLI version we install; later tags carry a go.mod replace directive and cannot be `go install`ed. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

/** Options for {@link ensureTemporalCli}. */
export interface EnsureTemporalCliOptions {
  /** Where an installed binary lives; default `<repo>/.tools/bin`. */
  toolsDir?: string;
  log?: Log;
  /** Defaults to process.env; injectable for tests. */
  env?: NodeJS.ProcessEnv;
  /** Archive to download when Go is missing; default the official release for this platform. */
  downloadUrl?: string;
  /** Where go install's output goes; default `go-install.log` beside toolsDir (`.tools/`). */
  goLogFile?: string;
  /** How often a progress line is printed while Go compiles; default 30 s. */
  progressEveryMs?: number;
}

/** Returns the absolute path of a `temporal` binary, installing one into toolsDir when none is found. */
export async function ensureTemporalCli(options: EnsureTemporalCliOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const log = options.log ?? silentLog;
  const toolsDir = resolve(options.toolsDir ?? join(findRepoRoot(), '.tools', 'bin'));

  const fromEnv = env.TEMPORAL_CLI;
  if (fromEnv) {
    const path = resolve(fromEnv);
    if (await isExecutable(path)) return path;
    throw new DevstackError(
      `TEMPORAL_CLI points to ${fromEnv}, which is not an executable file. Fix the path or unset TEMPORAL_CLI.`,
    );
  }

  const onPath = await findOnPath('temporal', env.PATH ?? '');
  if (onPath) return onPath;

  const local = join(toolsDir, 'temporal');
  if (await isExecutable(local)) return local;

  await mkdir(toolsDir, { recursive: true });
  const go = await findOnPath('go', env.PATH ?? '');
  if (go) {
    await goInstall({
      go,
      packages: [`github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`],
      gobin: toolsDir,
      logFile: options.goLogFile ?? join(dirname(toolsDir), 'go-install.log'),
      announce:
        '首次启动需编译 Temporal CLI，约 5 分钟 / first start compiles the Temporal CLI, about 5 minutes',
      log,
      env,
      progressEveryMs: options.progressEveryMs,
      hint: 'Check network access to the Go module proxy or set TEMPORAL_CLI.',
    });
    if (await isExecutable(local)) return local;
    throw new DevstackError(
      `go install finished but ${local} is missing. Install the Temporal CLI yourself and set TEMPORAL_CLI to its path.`,
    );
  }

  log('Go is not installed; downloading the Temporal CLI…');
  try {
    await download(toolsDir, options.downloadUrl);
  } catch (error) {
    throw new DevstackError(
      `The Temporal CLI is not installed and could not be downloaded (${reason(error)}). Install Go (https://go.dev/dl) or put \`temporal\` on PATH or set TEMPORAL_CLI.`,
    );
  }
  if (await isExecutable(local)) return local;
  throw new DevstackError(
    'The downloaded Temporal CLI archive had no `temporal` binary. Install Go (https://go.dev/dl) or set TEMPORAL_CLI.',
  );
}

function officialDownloadUrl(): string {
  const platform = process.platform === 'darwin' ? 'darwin' : 'linux';
  const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
  return `https://temporal.download/cli/archive/${TEMPORAL_CLI_VERSION}?platform=${platform}&arch=${arch}`;
}

async function download(toolsDir: string, url = officialDownloadUrl()): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  const work = await mkdtemp(join(tmpdir(), 'temporal-cli-'));
  try {
    const archive = join(work, 'temporal.tar.gz');
    await writeFile(archive, Buffer.from(await response.arrayBuffer()));
    await run('tar', ['-xzf', archive, '-C', toolsDir, 'temporal']);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} exited ${code}`)),
    );
  });
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
