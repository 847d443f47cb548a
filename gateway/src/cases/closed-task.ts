import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import { type AppError, conflict } from '../errors';

/** A task as the read model has it: enough to explain why it can no longer be decided. */
export interface TaskState {
  id: string;
  case_id: string;
  node_id: string;
  kind: string;
  status: string;
  decision: string | null;
  completed_at: Date | null;
  form: unknown[];
}

export async function findTaskState(db: Kysely<Database>, taskId: string): Promise<TaskState | undefined> {
  return db
    .selectFrom('tasks')
    .select(['id', 'case_id', 'node_id', 'kind', 'status', 'decision', 'completed_at', 'form'])
    .where('id', '=', taskId)
    .executeTakeFirst();
}

export const isClosed = (task: Pick<TaskState, 'status'>) =>
  task.status === 'completed' || task.status === 'cancelled';

/** Times in messages are read by people in China: Asia/Shanghai, to the minute. */
const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Who closed the task: the event the engine recorded on its step at the moment it closed. */
async function closer(db: Kysely<Database>, task: TaskState) {
  if (!task.completed_at) return undefined;
  return db
    .selectFrom('timeline_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_id')
    .select(['u.display_name', 'u.username', 'e.type'])
    .where('e.case_id', '=', task.case_id)
    .where('e.node_id', '=', task.node_id)
    .where('e.at', '=', task.completed_at)
    .orderBy('e.seq', 'desc')
    .orderBy('e.idx', 'desc')
    .executeTakeFirst();
}

/**
 * 409 for a decision on a task that is already closed, saying who decided it and when, or that a
 * return (or a removed signature) cancelled it, so the reviewer knows what happened without guessing.
 */
export async function closedTaskConflict(db: Kysely<Database>, task: TaskState): Promise<AppError> {
  const by = await closer(db, task);
  const when = task.completed_at ? shanghai.format(task.completed_at) : null;
  const who = by ? `${by.display_name}（${by.username}）` : null;
  const whoEn = by ? `${by.display_name} (${by.username})` : 'someone';
  const at = when ? ` 于 ${when}` : '';
  const atEn = when ? ` at ${when} (Beijing time)` : '';
  if (task.status === 'cancelled') {
    if (task.decision === 'returned')
      return conflict(
        `此任务已因${who ? ` ${who} ` : ''}退回${at}而取消 / this task was cancelled by a return${by ? ` by ${whoEn}` : ''}${atEn}`,
      );
    if (task.decision === 'removed')
      return conflict(
        `此任务的签署已被${who ? ` ${who} ` : ''}减签${at}取消 / this signature was removed${by ? ` by ${whoEn}` : ''}${atEn}`,
      );
    return conflict(`此任务已取消${at} / this task was cancelled${atEn}`);
  }
  return conflict(`此任务已由${who ?? '他人'}办理${at} / this task was already decided by ${whoEn}${atEn}`);
}
