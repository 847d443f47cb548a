import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { checkPostgres } from './postgres';

/** A throwaway database; drop() removes it (and the embedded server once no database uses it). */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

interface SharedServer {
  server: EmbeddedPostgres;
  dir: string;
  users: number;
}

// One embedded cluster per process, however many test databases it hosts.
let shared: Promise<SharedServer> | undefined;

/**
 * Creates a uniquely named database on `serverUrl` (default DATABASE_URL) or, when neither is set
 * (or serverUrl is null), on an embedded PostgreSQL in a temp dir shared by this process.
 */
export async function createTestDatabase(serverUrl?: string | null): Promise<TestDatabase> {
  const server = serverUrl === undefined ? process.env.DATABASE_URL : serverUrl;
  const name = `uf_test_${randomBytes(6).toString('hex')}`;
  if (server) {
    await checkPostgres(server);
    await admin(server, `create database ${pg.escapeIdentifier(name)}`);
    return { url: withDatabase(server, name), name, drop: () => dropDatabase(server, name) };
  }

  shared ??= startShared();
  const current = shared;
  const state = await current;
  state.users++;
  const adminUrl = state.server.urlFor('postgres');
  try {
    await admin(adminUrl, `create database ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    await release(current);
    throw error;
  }
  let dropped = false;
  return {
    url: state.server.urlFor(name),
    name,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await dropDatabase(adminUrl, name);
      await release(current);
    },
  };
}

async function startShared(): Promise<SharedServer> {
  const dir = await mkdtemp(join(tmpdir(), 'uf-pg-'));
  // The server runs as the `postgres` user when we are root; it must be able to enter this dir.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), durable: false });
  return { server, dir, users: 0 };
}

async function release(current: Promise<SharedServer>): Promise<void> {
  const state = await current;
  state.users--;
  if (state.users > 0) return;
  if (shared === current) shared = undefined;
  await state.server.stop();
  await rm(state.dir, { recursive: true, force: true });
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
