import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DevstackError } from './errors';
import { findOnPath, isExecutable } from './find-binary';
import { goInstall } from './go-install';
import { type Log, silentLog } from './log';
import { findRepoRoot } from './repo-root';

/** Temporal's production server we build; its go.mod has no replace directive, so `go install` works. */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

/** The server, its schema tool, and the module source (configs and versioned SQL schemas). */
export interface TemporalServerBinaries {
  server: string;
  sql: string;
  /** `<GOMODCACHE>/go.temporal.io/server@<version>`: `schema/postgresql/v12/...` lives here. */
  moduleDir: string;
}

/** Options for {@link ensureTemporalServer}. */
export interface EnsureTemporalServerOptions {
  /** Where the binaries live; default `<repo>/.tools/bin`. */
  toolsDir?: string;
  log?: Log;
  env?: NodeJS.ProcessEnv;
  progressEveryMs?: number;
}

/**
 * Finds `server` and `sql` in toolsDir, building them with `go install` when missing (several
 * minutes on a cold module cache), and locates the module's schemas with `go mod download`.
 */
export async function ensureTemporalServer(
  options: EnsureTemporalServerOptions = {},
): Promise<TemporalServerBinaries> {
  const env = options.env ?? process.env;
  const log = options.log ?? silentLog;
  const toolsDir = resolve(options.toolsDir ?? join(findRepoRoot(), '.tools', 'bin'));
  const go = await findOnPath('go', env.PATH ?? '');
  if (!go) {
    throw new DevstackError(
      'The cluster profile builds Temporal from source and needs Go (https://go.dev/dl); install it, or point TEMPORAL_ADDRESS at a running cluster.',
    );
  }
  const server = join(toolsDir, 'server');
  const sql = join(toolsDir, 'sql');
  if (!(await isExecutable(server)) || !(await isExecutable(sql))) {
    await goInstall({
      go,
      packages: [
        `${MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`,
        `${MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
      ],
      gobin: toolsDir,
      logFile: join(dirname(toolsDir), 'go-install-server.log'),
      announce:
        '首次启动集群需编译 Temporal 服务器，约 5 分钟 / first cluster start compiles the Temporal server, about 5 minutes',
      log,
      env,
      progressEveryMs: options.progressEveryMs,
      hint: 'Check network access to the Go module proxy.',
    });
  }
  return { server, sql, moduleDir: await moduleDir(go, env) };
}

async function moduleDir(go: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    // Outside any module, so our repository never needs a go.mod; a no-op when already cached.
    const { stdout } = await promisify(execFile)(
      go,
      ['mod', 'download', '-json', `${MODULE}@${TEMPORAL_SERVER_VERSION}`],
      { cwd: tmpdir(), env },
    );
    const dir = (JSON.parse(stdout) as { Dir?: string }).Dir;
    if (dir) return dir;
    throw new Error('go mod download printed no Dir');
  } catch (error) {
    throw new DevstackError(
      `Cannot locate ${MODULE}@${TEMPORAL_SERVER_VERSION} in the Go module cache (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
    );
  }
}

/** True when toolsDir (default `<repo>/.tools/bin`) holds both binaries; tests skip the cluster otherwise. */
export function clusterBinariesInstalled(toolsDir = join(findRepoRoot(), '.tools', 'bin')): boolean {
  return existsSync(join(toolsDir, 'server')) && existsSync(join(toolsDir, 'sql'));
}
