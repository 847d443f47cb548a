import type { CaseDetailDto, CaseSummaryDto, TaskDto, TimelineEventDto } from '@unionflow/contracts';
import { createOrgDirectoryLoader, type Database } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { isOpenTask } from '@unionflow/process-model/catalog';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import type { CaseVisibility } from './case-access';
import { type CaseParts, type CaseRow, caseParts } from './case-repository';
import { hiddenFieldsFor, withoutKeys } from './field-permissions';
import { beijingDay, estimateFinish, runningWaits } from './finish-estimate';
import { maskPayload } from './masking';
import { withResolvedMoneyBounds } from './money-bounds';
import { predictedPathOf } from './predicted-path';
import { resultFieldsOf, withoutHiddenResultKeys } from './result-fields';
import { revealOnlyKeys } from './sensitive-fields';
import { stepMedians } from './step-durations';
import { toTaskDto } from './task-dto';
import { caseViewMask, maskTimelineEvent } from './timeline-mask';

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
    outcomeName: row.outcome_name ?? null,
    applicant: { id: row.applicant_id, username: row.applicant_username, displayName: row.applicant_name },
    currentStep: row.current_step,
    currentNodeIds: row.current_node_ids,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const directories = new WeakMap<Kysely<Database>, ReturnType<typeof createOrgDirectoryLoader>>();
/** The org directory (orgs, people, roles), cached per database until an admin changes it. */
export function orgDirectory(db: Kysely<Database>, knownVersion?: string) {
  let loader = directories.get(db);
  if (!loader) {
    loader = createOrgDirectoryLoader(db);
    directories.set(db, loader);
  }
  return loader(knownVersion);
}

/** The full case: data and timeline (masked as needed), tasks and the predicted remaining path. */
export async function toCaseDetail(
  db: Kysely<Database>,
  row: CaseRow,
  def: ProcessDefinition,
  visibility: Exclude<CaseVisibility, 'none'>,
  /**
   * Who reads it: their own comments are never masked from them, and the fields the steps they work
   * on hide (字段权限) are left out.
   */
  viewer: Pick<AuthUser, 'id' | 'roles'>,
  /** Tasks, timeline and attention when the caller read them with the row (`findCaseWithParts`). */
  parts?: CaseParts,
): Promise<CaseDetailDto> {
  const viewerId = viewer.id;
  const [{ tasks, candidates, timeline, attentionSince, directoryVersion }, hidden] = await Promise.all([
    parts ?? caseParts(db, row.id),
    hiddenFieldsFor(db, viewer, row, def),
  ]);
  const summary = toCaseSummary(row);
  const caseFields = {
    number: row.number,
    title: row.title,
    process_key: row.process_key,
    process_name: row.process_name,
    department: row.department,
    applicant_id: row.applicant_id,
    applicant_username: row.applicant_username,
    applicant_name: row.applicant_name,
  };
  // Award bands and other ranges read from the case become amounts the form can show as a hint.
  const taskDtos: TaskDto[] = tasks.map((t) =>
    toTaskDto(
      { ...t, ...caseFields, form: withResolvedMoneyBounds(t.form, row.data) },
      candidates.get(t.id) ?? [],
    ),
  );
  const mask = caseViewMask(def, visibility);
  const copiedNames = await copiedPeopleNames(db, timeline, directoryVersion);
  const events: TimelineEventDto[] = timeline.map((e) =>
    maskTimelineEvent(
      {
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
        data: withoutKeys(copiedNames(e.type, e.data), hidden),
      },
      mask,
      viewerId,
    ),
  );
  const predictedPath = await predictedPathOf(db, row, def, directoryVersion, (version) =>
    orgDirectory(db, version),
  );
  const running = row.status === 'running';
  const estimate = estimateFinish({
    status: row.status,
    open: running
      ? taskDtos.filter(isOpenTask).map((task) => ({
          nodeId: task.nodeId,
          name: task.stepName,
          createdAt: task.createdAt,
          dueAt: task.dueAt ?? null,
        }))
      : [],
    waits: running ? runningWaits(timeline) : [],
    predicted: predictedPath,
    medians: running ? await stepMedians(db, row.process_key) : new Map(),
    today: beijingDay(new Date()),
  });
  const results = resultFieldsOf(def);
  return {
    ...summary,
    data: withoutKeys(withoutHiddenResultKeys(maskPayload(row.data, mask), results), hidden),
    tasks: taskDtos,
    timeline: events,
    predictedPath,
    estimate,
    dataFields: dataFieldsOf(def, results).filter(
      (f) => !hidden.has((f as { key?: string } | undefined)?.key ?? ''),
    ),
    revealable:
      visibility === 'full'
        ? [...revealOnlyKeys(def)].filter((k) => row.data[k] !== undefined && !hidden.has(k))
        : [],
    // Parked for an administrator (ADR 013); the reason is on the admin's attention list.
    ...(attentionSince ? { attention: { since: iso(attentionSince) } } : {}),
    seq: row.last_seq,
  };
}

/**
 * A 抄送 event names the people it copied (`names`, beside their ids), so the page reads "抄送 李娜、王芳"
 * without a lookup of its own; the directory is read only when the case has such an event.
 */
async function copiedPeopleNames(
  db: Kysely<Database>,
  timeline: { type: string }[],
  directoryVersion: string,
) {
  const byId = timeline.some((e) => e.type === 'cc')
    ? new Map((await orgDirectory(db, directoryVersion)).users.map((u) => [u.id, u.displayName]))
    : new Map<string, string>();
  return (type: string, data: unknown): Record<string, unknown> => {
    const payload = (data ?? {}) as Record<string, unknown>;
    if (type !== 'cc' || !Array.isArray(payload.userIds)) return payload;
    return { ...payload, names: payload.userIds.map((id) => byId.get(String(id)) ?? String(id)) };
  };
}

/**
 * Labels (and options) for every data key the definition collects, once per key, start form first;
 * a key a service step fills carries its action's result schema, so the page reads it as labelled
 * rows in the reader's language (ADR 020).
 */
function dataFieldsOf(
  def: ProcessDefinition,
  results: ReturnType<typeof resultFieldsOf>,
): CaseDetailDto['dataFields'] {
  const byKey = new Map<string, unknown>();
  for (const field of def.form) byKey.set(field.key, field);
  const resultOf = new Map(results.map((r) => [r.key, r]));
  for (const node of def.nodes) {
    if (node.kind === 'approval' || node.kind === 'applicant-task') {
      for (const field of node.form ?? []) if (!byKey.has(field.key)) byKey.set(field.key, field);
    } else if (node.kind === 'service' && node.resultKey && !byKey.has(node.resultKey)) {
      byKey.set(node.resultKey, resultOf.get(node.resultKey));
    }
  }
  return [...byKey.values()];
}
