import type { UserRefDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import type { FormField, ProcessDefinition } from '@unionflow/process-model';
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compiledOnce } from '../compiled-once';
import type { TaskState } from './closed-task';
import { definitionVersion } from './definitions';
import { candidatesByTask } from './task-dto';

/**
 * Where a case is: the nodes of its open tasks; with none open while it runs, the node it last
 * entered (a timer, a notice, a service), read from its timeline. Both are index lookups per case.
 */
function currentNodeIds() {
  return sql<string[]>`coalesce(
    (select array_agg(distinct t.node_id order by t.node_id) from tasks t
      where t.case_id = c.id and t.status in ('open', 'claimed')),
    case when c.status = 'running' then
      (select array[e.node_id] from timeline_events e
        where e.case_id = c.id and e.node_id is not null
        order by e.seq desc, e.idx desc limit 1)
    end,
    '{}'::text[])`.as('current_node_ids');
}

/**
 * The name of the end step that set a finished case's outcome, from the version it ran on: what the
 * outcome code reads as. Only finished cases look it up, in their own definition document.
 */
function outcomeName() {
  return sql<ProcessDefinition['name'] | null>`case when c.outcome is null then null else
    (select n->'name' from jsonb_array_elements(pv.document->'nodes') n
      where n->>'kind' = 'end' and n->>'outcome' = c.outcome limit 1) end`.as('outcome_name');
}

/** Columns every case read needs, with the org path for scope checks. */
export function caseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('users as a', 'a.id', 'c.applicant_id')
    .innerJoin('process_versions as pv', (j) =>
      j.onRef('pv.key', '=', 'c.process_key').onRef('pv.version', '=', 'c.process_version'),
    )
    .select([
      'c.id',
      'c.number',
      'c.title',
      'c.process_key',
      'c.process_version',
      'c.department',
      'c.status',
      'c.outcome',
      'c.current_step',
      'c.data',
      'c.created_at',
      'c.updated_at',
      'c.last_seq',
      'c.applicant_id',
      'c.org_id',
      'o.path as org_path',
      'a.username as applicant_username',
      'a.display_name as applicant_name',
      sql<ProcessDefinition['name']>`pv.document->'name'`.as('process_name'),
      outcomeName(),
      currentNodeIds(),
    ]);
}

export type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

export async function findCase(db: Kysely<Database>, id: string): Promise<CaseRow | undefined> {
  return caseQuery(db).where('c.id', '=', id).executeTakeFirst();
}

/** The case with this task, or undefined: one query instead of the task, then its case. */
export async function findCaseOfTask(db: Kysely<Database>, taskId: string): Promise<CaseRow | undefined> {
  return caseQuery(db)
    .innerJoin('tasks as t', 't.case_id', 'c.id')
    .where('t.id', '=', taskId)
    .executeTakeFirst();
}

/** A task row of a case page; read inside a JSON aggregate, so its times arrive as text. */
export type CaseTaskRow = Omit<Selectable<Database['tasks']>, 'created_at' | 'due_at' | 'completed_at'> & {
  created_at: Date | string;
  due_at: Date | string | null;
  completed_at: Date | string | null;
  form: unknown[];
  step_name: { zh: string; en?: string };
};

/** What a case page shows besides the case row: tasks with candidates, timeline, attention. */
export interface CaseParts {
  tasks: CaseTaskRow[];
  candidates: Map<string, UserRefDto[]>;
  timeline: CaseTimelineRow[];
  attentionSince: Date | string | null;
  /** The org directory's version as the same statement saw it (the prediction's cache key). */
  directoryVersion: string;
}

type CaseScope = ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>;

/** Tasks of the case in `c`, oldest first, each with its candidates by username, as one JSON array. */
function tasksJson(eb: CaseScope) {
  return jsonArrayFrom(
    eb
      .selectFrom('tasks as t')
      .selectAll('t')
      .select((inner) =>
        jsonArrayFrom(
          inner
            .selectFrom('task_candidates as tc')
            .innerJoin('users as u', 'u.id', 'tc.user_id')
            .select(['u.id', 'u.username', 'u.display_name as displayName'])
            .whereRef('tc.task_id', '=', 't.id')
            .orderBy('u.username'),
        ).as('candidates'),
      )
      .whereRef('t.case_id', '=', 'c.id')
      .orderBy('t.created_at')
      .orderBy('t.id'),
  ).as('tasks');
}

/** The timeline of the case in `c`, in order, with actors' names, as one JSON array. */
function timelineJson(db: Kysely<Database>) {
  return jsonArrayFrom(timelineQuery(db).where('e.case_id', '=', sql.ref<string>('c.id'))).as('timeline');
}

function partsColumns(db: Kysely<Database>, eb: CaseScope) {
  return [
    tasksJson(eb),
    timelineJson(db),
    eb
      .selectFrom('case_attention as ca')
      .select('ca.since')
      .whereRef('ca.case_id', '=', 'c.id')
      .as('attention_since'),
    sql<string>`coalesce((select v.version::text from org_directory_version v limit 1), '0')`.as(
      'directory_version',
    ),
  ] as const;
}

function toParts(r: {
  tasks: unknown;
  timeline: unknown;
  attention_since: Date | string | null;
  directory_version: string;
}): CaseParts {
  const tasks = r.tasks as (CaseTaskRow & { candidates: UserRefDto[] })[];
  return {
    tasks: tasks.map(({ candidates: _c, ...t }) => t),
    candidates: new Map(tasks.map((t) => [t.id, t.candidates])),
    timeline: r.timeline as CaseTimelineRow[],
    attentionSince: r.attention_since,
    directoryVersion: r.directory_version,
  };
}

const caseWithParts = compiledOnce((db, id) =>
  caseQuery(db)
    .select((eb) => partsColumns(db, eb as unknown as CaseScope))
    .where('c.id', '=', id),
);

/**
 * A case with everything its page shows, in one statement: the row, tasks with candidates, timeline
 * and attention. Writes answer with the case as it is after them; one read keeps that cheap.
 */
export async function findCaseWithParts(
  db: Kysely<Database>,
  id: string,
): Promise<{ row: CaseRow; parts: CaseParts } | undefined> {
  const [r] = await caseWithParts(db, id);
  if (!r) return undefined;
  const { tasks, timeline, attention_since, directory_version, ...row } = r;
  return { row, parts: toParts({ tasks, timeline, attention_since, directory_version }) };
}

/** The parts of a case already read (one statement). */
export async function caseParts(db: Kysely<Database>, caseId: string): Promise<CaseParts> {
  const r = await db
    .selectFrom('cases as c')
    .select((eb) => partsColumns(db, eb as unknown as CaseScope))
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return toParts(r);
}

const taskWithCase = compiledOnce((db, taskId) =>
  caseQuery(db)
    .innerJoin('tasks as t', 't.case_id', 'c.id')
    .select([
      't.id as task_id',
      't.node_id as task_node_id',
      't.kind as task_kind',
      't.status as task_status',
      't.decision as task_decision',
      't.completed_at as task_completed_at',
      't.form as task_form',
    ])
    .where('t.id', '=', taskId),
);

/**
 * A task's state with its case, in one statement: what a decision checks before it goes to the
 * engine (who may see the case, whether the task is still open).
 */
export async function findTaskWithCase(
  db: Kysely<Database>,
  taskId: string,
): Promise<{ row: CaseRow; task: TaskState } | undefined> {
  const [r] = await taskWithCase(db, taskId);
  if (!r) return undefined;
  const {
    task_id,
    task_node_id,
    task_kind,
    task_status,
    task_decision,
    task_completed_at,
    task_form,
    ...row
  } = r;
  return {
    row,
    task: {
      id: task_id,
      case_id: row.id,
      node_id: task_node_id,
      kind: task_kind,
      status: task_status,
      decision: task_decision,
      completed_at: task_completed_at,
      form: task_form,
    },
  };
}

/** The form of the case's open applicant task (what a supplement fills in); none when there is no such task. */
export async function openApplicantForm(db: Kysely<Database>, caseId: string): Promise<FormField[]> {
  const task = await db
    .selectFrom('tasks')
    .select('form')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'applicant-task')
    .where('status', 'in', ['open', 'claimed'])
    .executeTakeFirst();
  return (task?.form ?? []) as FormField[];
}

/** The definition version a case runs on; a case always has one. */
export async function caseDefinition(
  db: Kysely<Database>,
  row: Pick<CaseRow, 'process_key' | 'process_version'>,
): Promise<ProcessDefinition> {
  const def = await definitionVersion(db, row.process_key, row.process_version);
  if (!def) throw new Error(`No published version ${row.process_version} of "${row.process_key}"`);
  return def;
}

/** Tasks of a case with their candidates' names, newest last. */
export async function caseTasks(db: Kysely<Database>, caseId: string) {
  const tasks = await db
    .selectFrom('tasks')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const candidates = await candidatesByTask(
    db,
    tasks.map((t) => t.id),
  );
  return { tasks, candidates };
}

function timelineQuery(db: Kysely<Database>) {
  return db
    .selectFrom('timeline_events as e')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .leftJoin('users as b', 'b.id', 'e.on_behalf_of_id')
    .select([
      'e.id',
      'e.at',
      'e.type',
      'e.node_id',
      'e.step_name',
      'e.comment',
      'e.data',
      'a.id as actor_id',
      'a.username as actor_username',
      'a.display_name as actor_name',
      'b.id as obo_id',
      'b.username as obo_username',
      'b.display_name as obo_name',
    ])
    .orderBy('e.seq')
    .orderBy('e.idx');
}

export type CaseTimelineRow = Awaited<ReturnType<typeof caseTimeline>>[number];

export async function caseTimeline(db: Kysely<Database>, caseId: string) {
  return timelineQuery(db).where('e.case_id', '=', caseId).execute();
}

export async function usersById(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; username: string; displayName: string }>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, username: r.username, displayName: r.display_name }]));
}
