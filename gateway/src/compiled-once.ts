import type { Database } from '@unionflow/db';
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';

/** Stands for the one value a compiled query takes; never a real id, user or token. */
const SLOT = '\u0000uf-slot\u0000';

/**
 * A query whose shape never changes, built and compiled by Kysely once per database and then run
 * with its one varying value (an id) in each place the builder used it. The hottest reads (the case
 * page, a task with its case, the session, the inbox counts) otherwise rebuild and recompile the same
 * large statement on every request, a tenth of the gateway's CPU (ADR 040).
 */
export function compiledOnce<R>(
  build: (db: Kysely<Database>, value: string) => Compilable<R>,
): (db: Kysely<Database>, value: string) => Promise<R[]> {
  const compiled = new WeakMap<Kysely<Database>, CompiledQuery<R>>();
  return async (db, value) => {
    let query = compiled.get(db);
    if (!query) {
      query = build(db, SLOT).compile();
      compiled.set(db, query);
    }
    const parameters = query.parameters.map((p) => (p === SLOT ? value : p));
    const result = await db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters));
    return result.rows;
  };
}
