import type { TaskDto, UserRefDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';

/** Candidates of the given tasks by task id, ordered by username. */
export async function candidatesByTask(
  db: Kysely<Database>,
  taskIds: string[],
): Promise<Map<string, UserRefDto[]>> {
  const byTask = new Map<string, UserRefDto[]>();
  if (taskIds.length === 0) return byTask;
  const rows = await db
    .selectFrom('task_candidates as tc')
    .innerJoin('users as u', 'u.id', 'tc.user_id')
    .select(['tc.task_id', 'u.id', 'u.username', 'u.display_name'])
    .where('tc.task_id', 'in', taskIds)
    .orderBy('u.username')
    .execute();
  for (const r of rows) {
    const list = byTask.get(r.task_id) ?? [];
    list.push({ id: r.id, username: r.username, displayName: r.display_name });
    byTask.set(r.task_id, list);
  }
  return byTask;
}

/** A task row plus the case fields a task is shown with. */
export interface TaskRowWithCase {
  id: string;
  case_id: string;
  node_id: string;
  step_name: { zh: string; en?: string };
  kind: string;
  status: string;
  assignee_id: string | null;
  form: unknown[];
  created_at: Date | string;
  due_at: Date | string | null;
  number: string;
  title: string;
  process_key: string;
  process_name: { zh: string; en?: string };
  department: string;
  applicant_id: string;
  applicant_username: string;
  applicant_name: string;
}

/** The one mapping from the read model to the API's Task. */
export function toTaskDto(row: TaskRowWithCase, candidates: UserRefDto[]): TaskDto {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.number,
    caseTitle: row.title,
    processKey: row.process_key,
    processName: row.process_name,
    department: row.department,
    applicant: { id: row.applicant_id, username: row.applicant_username, displayName: row.applicant_name },
    nodeId: row.node_id,
    stepName: row.step_name,
    kind: row.kind as TaskDto['kind'],
    status: row.status as TaskDto['status'],
    candidates,
    assignee: candidates.find((p) => p.id === row.assignee_id) ?? null,
    form: row.form,
    createdAt: new Date(row.created_at).toISOString(),
    dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
  };
}
