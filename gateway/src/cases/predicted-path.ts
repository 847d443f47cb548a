import type { CaseDetailDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { type ProcessDefinition, simulate } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import type { CaseRow } from './case-repository';

type PredictedPath = CaseDetailDto['predictedPath'];
type Directory = Parameters<typeof simulate>[2];

/** Predictions kept per database; a case page is read by several people between two changes. */
const MAX_ENTRIES = 2_000;
const caches = new WeakMap<Kysely<Database>, Map<string, PredictedPath>>();

/**
 * The steps a running case is predicted to take after the ones open now (预计路径), by the process
 * model's `simulate`. The walk depends only on the case as of its last change (`last_seq`), its
 * definition version and the org directory's version, never on who reads it: it is computed once
 * per change of any of them in this process, not once per page. On a directory of thousands of
 * people one walk costs milliseconds (ADR 040).
 */
export async function predictedPathOf(
  db: Kysely<Database>,
  row: Pick<CaseRow, 'id' | 'last_seq' | 'status' | 'data' | 'applicant_id' | 'org_id' | 'current_node_ids'>,
  def: ProcessDefinition,
  directoryVersion: string,
  directory: (version: string) => Promise<Directory>,
): Promise<PredictedPath> {
  // From where the case is: its open steps, or the timer or notice it waits on.
  const from = row.current_node_ids.filter((id) => def.nodes.some((n) => n.id === id));
  if (row.status !== 'running' || from.length === 0) return [];
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${row.id}\n${row.last_seq}\n${def.key}@${def.version}\n${directoryVersion}\n${from.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const steps = simulate(
    def,
    row.data,
    await directory(directoryVersion),
    { userId: row.applicant_id, orgId: row.org_id },
    // Where a gateway waits on an answer not given yet, the prediction stops rather than guess.
    { fromNodeIds: from, stopAtUndecided: true },
  );
  // The steps being worked now are shown as current tasks; the prediction is what comes after them.
  const path: PredictedPath = steps
    .filter(
      (s) => !from.includes(s.nodeId) && s.kind !== 'exclusive' && s.kind !== 'parallel' && s.kind !== 'join',
    )
    .map((s) => ({
      nodeId: s.nodeId,
      kind: s.kind,
      name: s.name,
      assignees: s.assignees,
      ...(s.due ? { due: s.due } : {}),
    }));
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, path);
  return path;
}
