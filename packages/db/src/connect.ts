import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// Bigints (bigserial ids, counts) come back as strings; counts are parsed where read.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/** A Kysely instance over a pg pool; `max` bounds the pool per process. */
export function createDb(url: string, options: { max?: number } = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
