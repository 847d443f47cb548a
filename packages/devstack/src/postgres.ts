import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { DevstackError } from './errors';
import { type Log, silentLog } from './log';

/** Options for {@link startPostgres}. */
export interface StartPostgresOptions {
  /** Embedded cluster directory (used only when no databaseUrl). */
  dataDir: string;
  /** External server; defaults to process.env.DATABASE_URL. Pass null to force the embedded server. */
  databaseUrl?: string | null;
  /** Database created on the embedded server. */
  database?: string;
  log?: Log;
}

/** PostgreSQL for the platform: the external one, or an embedded one. */
export interface RunningPostgres {
  url: string;
  embedded: boolean;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

/** Uses DATABASE_URL when given (after checking it connects), else starts the embedded server in dataDir. */
export async function startPostgres(options: StartPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? silentLog;
  const external = options.databaseUrl === undefined ? process.env.DATABASE_URL : options.databaseUrl;
  if (external) {
    await checkPostgres(external);
    log(`Using PostgreSQL at ${describeUrl(external)} (DATABASE_URL).`);
    return { url: external, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: options.dataDir, log });
  const database = options.database ?? 'unionflow';
  await ensureDatabase(server.urlFor('postgres'), database);
  log(`Embedded PostgreSQL on 127.0.0.1:${server.port} (data: ${options.dataDir}).`);
  return { url: server.urlFor(database), embedded: true, stop: () => server.stop() };
}

/** Throws a one-line DevstackError unless `url` accepts a connection and a query. */
export async function checkPostgres(url: string): Promise<void> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  } catch (error) {
    throw unreachable(url, error);
  }
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw unreachable(url, error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** host:port of a connection URL, without credentials. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return 'an unparsable URL';
  }
}

function unreachable(url: string, error: unknown): DevstackError {
  const reason = errorText(error);
  return new DevstackError(
    `Cannot reach PostgreSQL at DATABASE_URL (${describeUrl(url)}): ${reason}. Check the URL or unset it to use the embedded database.`,
  );
}

function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorText(error.errors[0]);
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/\.$/, '') || 'unknown error';
}
