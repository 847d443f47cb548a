import { type Database, PREPARED_MARK } from '@unionflow/db';
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';

/** Stand for the values a compiled query takes; never a real id, user, token or number. */
const slot = (i: number) => `\u0000uf-slot-${i}\u0000`;

/**
 * A query whose shape never changes, built and compiled by Kysely once per database and then run
 * with its varying values (an id, a user, a limit) in the places the builder used them, as a named
 * prepared statement (`PREPARED_MARK`). The hottest reads (the case page, a task with its case, the
 * session, the inbox page and counts) otherwise rebuild and recompile the same large statement on
 * every request in the gateway, and PostgreSQL plans it again every time (ADR 040).
 */
export function compiledOnce<R>(
  build: (db: Kysely<Database>, ...values: string[]) => Compilable<R>,
): (db: Kysely<Database>, ...values: (string | number)[]) => Promise<R[]> {
  const compiled = new WeakMap<Kysely<Database>, { query: CompiledQuery<R>; slots: Map<unknown, number> }>();
  return async (db, ...values) => {
    let entry = compiled.get(db);
    if (!entry) {
      const slots = values.map((_, i) => slot(i));
      const query = build(db, ...slots).compile();
      entry = {
        query: CompiledQuery.raw(`${PREPARED_MARK}${query.sql}`, [...query.parameters]) as CompiledQuery<R>,
        slots: new Map(slots.map((s, i) => [s, i])),
      };
      compiled.set(db, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((p) => {
      const i = slots.get(p);
      return i === undefined ? p : values[i];
    });
    const result = await db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters));
    return result.rows;
  };
}

/**
 * Runs a built query as a named prepared statement. For queries whose text takes few shapes (a filter
 * set, a cursor or not); every value must be a parameter, so the text never carries one.
 */
export async function runPrepared<R>(db: Kysely<Database>, query: Compilable<R>): Promise<R[]> {
  const { sql, parameters } = query.compile();
  const result = await db.executeQuery<R>(CompiledQuery.raw(`${PREPARED_MARK}${sql}`, [...parameters]));
  return result.rows;
}
