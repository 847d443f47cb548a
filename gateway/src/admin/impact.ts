import type { ImpactedCaseDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { APPLICANT_STEP } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { definitionVersion } from '../cases/definitions';

/** The name of the pseudo step a case returned to its applicant sits at (it exists in every version). */
const APPLICANT_STEP_NAME = { zh: '退回申请人补充', en: 'Returned to the applicant' };

type Doc = Record<string, unknown>;

/** Node kinds by id; tolerates drafts whose `nodes` is malformed. */
function kindsOf(document: Doc): Map<string, string> {
  const kinds = new Map<string, string>();
  const nodes = Array.isArray(document.nodes) ? document.nodes : [];
  for (const node of nodes) {
    if (node && typeof node === 'object') {
      const { id, kind } = node as { id?: unknown; kind?: unknown };
      if (typeof id === 'string' && typeof kind === 'string') kinds.set(id, kind);
    }
  }
  return kinds;
}

/**
 * Running cases of `key` on versions other than `targetVersion`, and whether each could move to the
 * target: every step it is at, and every step it has done (a return may go back there), must exist in
 * the target with the same kind. This mirrors the engine's own check; the engine still has the last word.
 */
export async function impactOf(
  db: Kysely<Database>,
  key: string,
  target: Doc,
  targetVersion: number,
): Promise<ImpactedCaseDto[]> {
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'number', 'title', 'process_version'])
    .where('process_key', '=', key)
    .where('status', '=', 'running')
    .where('process_version', '!=', targetVersion)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (cases.length === 0) return [];
  const tasks = await db
    .selectFrom('tasks')
    .select(['case_id', 'node_id', 'kind', 'status'])
    .where(
      'case_id',
      'in',
      cases.map((c) => c.id),
    )
    .where('status', 'in', ['open', 'claimed', 'completed'])
    .orderBy('created_at')
    .execute();
  const targetKinds = kindsOf(target);
  // Step names come from each case's own version: the target may have renamed or removed the step.
  const docs = new Map<number, Map<string, { zh: string; en?: string }>>();
  for (const v of new Set(cases.map((c) => c.process_version))) {
    const def = await definitionVersion(db, key, v);
    docs.set(v, new Map((def?.nodes ?? []).map((n) => [n.id, n.name])));
  }
  const nameOf = (version: number, nodeId: string) =>
    nodeId === APPLICANT_STEP ? APPLICANT_STEP_NAME : (docs.get(version)?.get(nodeId) ?? { zh: nodeId });
  const matches = (nodeId: string, kind: string) =>
    nodeId === APPLICANT_STEP || targetKinds.get(nodeId) === kind;

  return cases.map((c) => {
    const own = tasks.filter((t) => t.case_id === c.id);
    const current = new Map<string, string>();
    const done = new Map<string, string>();
    for (const t of own) (t.status === 'completed' ? done : current).set(t.node_id, t.kind);
    const currentSteps = [...current].map(([nodeId, kind]) => ({
      nodeId,
      name: nameOf(c.process_version, nodeId),
      kind,
      matches: matches(nodeId, kind),
    }));
    const missingDoneSteps = [...done]
      .filter(([nodeId, kind]) => !current.has(nodeId) && !matches(nodeId, kind))
      .map(([id]) => id);
    return {
      caseId: c.id,
      number: c.number,
      title: c.title,
      version: c.process_version,
      currentSteps,
      missingDoneSteps,
      canMove: currentSteps.every((s) => s.matches) && missingDoneSteps.length === 0,
    };
  });
}
