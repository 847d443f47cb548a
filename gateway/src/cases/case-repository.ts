import type { Database } from '@unionflow/db';
import type { FormField, ProcessDefinition } from '@unionflow/process-model';
import { type Kysely, sql } from 'kysely';
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

export async function caseTimeline(db: Kysely<Database>, caseId: string) {
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
    .where('e.case_id', '=', caseId)
    .orderBy('e.seq')
    .orderBy('e.idx')
    .execute();
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
