import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// Bigints (bigserial ids, counts) come back as strings; counts are parsed where read.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/**
 * Statements whose text starts with this comment are run as named prepared statements: parsed and
 * planned by PostgreSQL once per connection (a generic plan once it proves as good), instead of on
 * every call. Only statements of a fixed shape carry it (the gateway's hottest reads, ADR 040).
 */
export const PREPARED_MARK = '/* prepared */ ';

/** A Kysely instance over a pg pool; `max` bounds the pool per process. */
export function createDb(url: string, options: { max?: number } = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  pool.on('connect', preparesMarked);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const names = new Map<string, string>();

/** Sends marked statements by name; pg parses a name once per connection and binds it after. */
function preparesMarked(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text === 'string' && text.startsWith(PREPARED_MARK) && args.length <= 2) {
      let name = names.get(text);
      if (!name) {
        name = `uf_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
        names.set(text, name);
      }
      return query({ name, text, values });
    }
    return query(...args);
  };
}
