import type { Database } from '@unionflow/db';
import { caseWorkflowId } from '@unionflow/workflows';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { sendReassign } from '../cases/engine-client';
import { AppError } from '../errors';
import type { TemporalContext } from '../plugins/temporal';

/** One task the hand-over tried to move. */
export interface HandOverTaskResult {
  taskId: string;
  caseId: string;
  ok: boolean;
  /** On failure: the HTTP status the engine's refusal maps to, and why. */
  status?: number;
  detail?: string;
}

/** Open tasks the user holds a share of (candidate on an open or claimed task). */
export async function openTasksOf(
  db: Kysely<Database>,
  userId: string,
): Promise<{ taskId: string; caseId: string }[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .innerJoin('task_candidates as tc', 'tc.task_id', 't.id')
    .select(['t.id', 't.case_id', 't.created_at'])
    .where('tc.user_id', '=', userId)
    .where('t.status', 'in', ['open', 'claimed'])
    .orderBy('t.created_at')
    .orderBy('t.id')
    .distinct()
    .execute();
  return rows.map((r) => ({ taskId: r.id, caseId: r.case_id }));
}

/**
 * Asks each task's workflow to move the user's share to the successor. Tasks are independent, so one
 * refusal does not stop the others; the update id is derived from the delegation and task, so running
 * the same hand-over again cannot move a task twice.
 */
export async function moveOpenTasks(
  temporal: TemporalContext,
  log: FastifyBaseLogger,
  input: {
    tasks: { taskId: string; caseId: string }[];
    fromUserId: string;
    toUserId: string;
    actorId: string;
    reason: string;
    delegationId: string;
  },
): Promise<HandOverTaskResult[]> {
  const results: HandOverTaskResult[] = [];
  for (const { taskId, caseId } of input.tasks) {
    const workflowId = caseWorkflowId(caseId);
    const updateId = `hand-over:${input.delegationId}:${taskId}`;
    log.info({ caseId, workflowId, taskId, updateId }, 'engine call: reassign');
    try {
      await sendReassign(
        temporal,
        caseId,
        {
          taskId,
          fromUserId: input.fromUserId,
          toUserId: input.toUserId,
          actorId: input.actorId,
          reason: input.reason,
        },
        updateId,
      );
      results.push({ taskId, caseId, ok: true });
    } catch (err) {
      if (err instanceof AppError) {
        results.push({ taskId, caseId, ok: false, status: err.status, detail: err.detail });
      } else {
        log.error({ err, caseId, taskId }, 'engine call failed: reassign');
        results.push({ taskId, caseId, ok: false, status: 500, detail: 'unexpected engine error' });
      }
    }
  }
  return results;
}
