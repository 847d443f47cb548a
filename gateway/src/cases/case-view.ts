import type { CaseDetailDto, CaseSummaryDto, TaskDto, TimelineEventDto } from '@unionflow/contracts';
import { createOrgDirectoryLoader, type Database } from '@unionflow/db';
import { type ProcessDefinition, simulate } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import { type CaseVisibility, maskData } from './case-access';
import { type CaseRow, caseTasks, caseTimeline } from './case-repository';
import { toTaskDto } from './task-dto';

const iso = (d: Date | string) => new Date(d).toISOString();

/** A case row as list items show it. */
export function toCaseSummary(row: CaseRow): CaseSummaryDto {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    processKey: row.process_key,
    processVersion: row.process_version,
    processName: row.process_name,
    department: row.department,
    status: row.status as CaseSummaryDto['status'],
    outcome: row.outcome,
    applicant: { id: row.applicant_id, username: row.applicant_username, displayName: row.applicant_name },
    currentStep: row.current_step,
    currentNodeIds: row.current_node_ids,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const directories = new WeakMap<Kysely<Database>, ReturnType<typeof createOrgDirectoryLoader>>();
function orgDirectory(db: Kysely<Database>) {
  let loader = directories.get(db);
  if (!loader) {
    loader = createOrgDirectoryLoader(db);
    directories.set(db, loader);
  }
  return loader();
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The full case: data (masked as needed), tasks, timeline and the predicted remaining path. */
export async function toCaseDetail(
  db: Kysely<Database>,
  row: CaseRow,
  def: ProcessDefinition,
  visibility: Exclude<CaseVisibility, 'none'>,
): Promise<CaseDetailDto> {
  const [{ tasks, candidates }, timeline] = await Promise.all([
    caseTasks(db, row.id),
    caseTimeline(db, row.id),
  ]);
  const summary = toCaseSummary(row);
  const caseFields = {
    number: row.number,
    title: row.title,
    process_key: row.process_key,
    process_name: row.process_name,
    department: row.department,
  };
  const taskDtos: TaskDto[] = tasks.map((t) =>
    toTaskDto({ ...t, ...caseFields }, candidates.get(t.id) ?? []),
  );
  const events: TimelineEventDto[] = timeline.map((e) => ({
    id: String(e.id),
    at: iso(e.at),
    type: e.type,
    actor: e.actor_id
      ? { id: e.actor_id, username: e.actor_username ?? '', displayName: e.actor_name ?? '' }
      : null,
    onBehalfOf: e.obo_id
      ? { id: e.obo_id, username: e.obo_username ?? '', displayName: e.obo_name ?? '' }
      : null,
    nodeId: e.node_id,
    stepName: e.step_name,
    comment: e.comment,
    // Decision data (an award, a verification note) is case data: masked like the rest.
    data: visibility === 'full' || !isRecord(e.data) ? e.data : maskData(e.data, def),
  }));
  let predictedPath: CaseDetailDto['predictedPath'] = [];
  // From where the case is: its open steps, or the timer or notice it waits on.
  const from = summary.currentNodeIds.filter((id) => def.nodes.some((n) => n.id === id));
  if (row.status === 'running' && from.length > 0) {
    const steps = simulate(
      def,
      row.data,
      await orgDirectory(db),
      { userId: row.applicant_id, orgId: row.org_id },
      { fromNodeIds: from },
    );
    // The steps being worked now are shown as current tasks; the prediction is what comes after them.
    predictedPath = steps
      .filter(
        (s) =>
          !from.includes(s.nodeId) && s.kind !== 'exclusive' && s.kind !== 'parallel' && s.kind !== 'join',
      )
      .map((s) => ({
        nodeId: s.nodeId,
        kind: s.kind,
        name: s.name,
        assignees: s.assignees,
        ...(s.due ? { due: s.due } : {}),
      }));
  }
  return {
    ...summary,
    data: visibility === 'full' ? row.data : maskData(row.data, def),
    tasks: taskDtos,
    timeline: events,
    predictedPath,
    dataFields: dataFieldsOf(def),
    seq: row.last_seq,
  };
}

/** Labels (and options) for every data key the definition collects, once per key, start form first. */
function dataFieldsOf(def: ProcessDefinition): CaseDetailDto['dataFields'] {
  const byKey = new Map<string, unknown>();
  for (const field of def.form) byKey.set(field.key, field);
  for (const node of def.nodes) {
    if (node.kind === 'approval' || node.kind === 'applicant-task') {
      for (const field of node.form ?? []) if (!byKey.has(field.key)) byKey.set(field.key, field);
    } else if (node.kind === 'service' && node.resultKey && !byKey.has(node.resultKey)) {
      byKey.set(node.resultKey, { key: node.resultKey, label: node.name, type: 'result' });
    }
  }
  return [...byKey.values()];
}
