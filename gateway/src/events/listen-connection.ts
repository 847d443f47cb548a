import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';

type WithParameters = pg.Client & { connectionParameters?: pg.ClientConfig };

/**
 * The settings the app's own pool connects with. Kysely keeps its pool private, so this watches one
 * query go through a pooled pg client and copies that client's parameters (password included).
 * Only used when no URL was configured; the result is checked against the database the query ran on.
 */
async function poolParameters(db: Kysely<Database>): Promise<pg.ClientConfig | null> {
  const original = pg.Client.prototype.query;
  let seen: pg.ClientConfig | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this only forwards them
  pg.Client.prototype.query = function (this: WithParameters, ...args: any[]) {
    seen ??= this.connectionParameters;
    // biome-ignore lint/suspicious/noExplicitAny: see above
    return (original as any).apply(this, args);
  } as typeof original;
  let database: string | undefined;
  try {
    const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(db);
    database = rows[0]?.db;
  } finally {
    pg.Client.prototype.query = original;
  }
  if (!seen || seen.database !== database) return null;
  const { user, password, host, port } = seen;
  return { user, password, host, port, database };
}

/**
 * Connection settings for the dedicated LISTEN client. NOTIFY is per database, so the listener must
 * reach exactly the database the app's pool uses: an explicit URL, else DATABASE_URL when it names
 * that database, else the pool's own settings.
 */
export async function listenConfigFor(db: Kysely<Database>, explicitUrl?: string): Promise<pg.ClientConfig> {
  if (explicitUrl) return { connectionString: explicitUrl };
  const fromPool = await poolParameters(db);
  if (fromPool) return fromPool;
  const envUrl = process.env.DATABASE_URL;
  if (envUrl) return { connectionString: envUrl };
  throw new Error('cannot tell how to reach the database for live updates; pass databaseUrl');
}
