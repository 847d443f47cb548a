import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';

/** Finished tasks a step needs before its measured median replaces its time limit in 预计办结. */
export const MIN_FINISHED_TASKS = 5;
/** How long a process's medians are reused: they move slowly, and the case page is read often. */
const CACHE_MS = 60_000;

type Medians = ReadonlyMap<string, number>;
const caches = new WeakMap<Kysely<Database>, Map<string, { at: number; medians: Promise<Medians> }>>();

/**
 * The median time (ms) from opening to completion of each step of a process that has at least
 * `MIN_FINISHED_TASKS` completed tasks: one aggregate over the tasks read model, cached briefly.
 */
export function stepMedians(db: Kysely<Database>, processKey: string, now = Date.now()): Promise<Medians> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(processKey);
  if (hit && now - hit.at < CACHE_MS) return hit.medians;
  const medians = measure(db, processKey);
  cache.set(processKey, { at: now, medians });
  // A failed read is not kept: the next page asks again.
  medians.catch(() => cache.delete(processKey));
  return medians;
}

async function measure(db: Kysely<Database>, processKey: string): Promise<Medians> {
  const { rows } = await sql<{ node_id: string; median_ms: number }>`
    SELECT t.node_id,
           percentile_cont(0.5) WITHIN GROUP (
             ORDER BY EXTRACT(EPOCH FROM (t.completed_at - t.created_at))
           ) * 1000 AS median_ms
      FROM tasks t
      JOIN cases c ON c.id = t.case_id
     WHERE c.process_key = ${processKey}
       AND t.status = 'completed'
       AND t.completed_at IS NOT NULL
     GROUP BY t.node_id
    HAVING count(*) >= ${MIN_FINISHED_TASKS}`.execute(db);
  return new Map(rows.map((r) => [r.node_id, Math.round(Number(r.median_ms))]));
}

/** Forgets cached medians (tests that add history and read again at once). */
export function forgetStepMedians(db: Kysely<Database>): void {
  caches.delete(db);
}
