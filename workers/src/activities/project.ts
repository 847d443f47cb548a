import { appendAuditEvents, type Database } from '@unionflow/db';
import type { Projection, TaskRecord } from '@unionflow/workflows';
import { type Kysely, sql, type Transaction } from 'kysely';
import { EVENTS_CHANNEL } from '../events-channel';

function isOpen(task: TaskRecord): boolean {
  return task.status === 'open' || task.status === 'claimed';
}

async function upsertTask(trx: Transaction<Database>, caseId: string, task: TaskRecord): Promise<void> {
  const row = {
    id: task.id,
    case_id: caseId,
    node_id: task.nodeId,
    step_name: JSON.stringify(task.stepName) as never,
    kind: task.kind,
    status: task.status,
    assignee_id: task.assigneeId,
    form: JSON.stringify(task.form) as never,
    created_at: new Date(task.createdAt),
    due_at: task.dueAt ? new Date(task.dueAt) : null,
    completed_at: task.completedAt ? new Date(task.completedAt) : null,
    decision: task.decision,
  };
  await trx
    .insertInto('tasks')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        status: row.status,
        assignee_id: row.assignee_id,
        due_at: row.due_at,
        completed_at: row.completed_at,
        decision: row.decision,
      }),
    )
    .execute();
  await trx.deleteFrom('task_candidates').where('task_id', '=', task.id).execute();
  if (task.candidateIds.length === 0) return;
  await trx
    .insertInto('task_candidates')
    .values(
      task.candidateIds.map((userId) => ({
        task_id: task.id,
        user_id: userId,
        // A claimed group task leaves the other candidates' inboxes.
        open: isOpen(task) && (task.status !== 'claimed' || task.assigneeId === userId),
        due_at: row.due_at,
        created_at: row.created_at,
        on_behalf_of: task.onBehalfOf[userId] ?? null,
      })),
    )
    .execute();
}

/**
 * Applies one projection batch atomically. Batches carry an increasing `seq` per case; a batch at or
 * below the case's `last_seq` was applied before (an activity retry) and is skipped whole.
 */
export async function project(db: Kysely<Database>, p: Projection): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('cases')
      .select(['last_seq', 'applicant_id'])
      .where('id', '=', p.caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new Error(`Case ${p.caseId} is not registered`);
    if (current.last_seq >= p.seq) return;
    await trx
      .updateTable('cases')
      .set({
        status: p.case.status,
        process_version: p.case.processVersion,
        outcome: p.case.outcome,
        current_step: JSON.stringify(p.case.currentStep) as never,
        data: JSON.stringify(p.case.data) as never,
        updated_at: new Date(p.case.updatedAt),
        last_seq: p.seq,
      })
      .where('id', '=', p.caseId)
      .execute();
    for (const task of p.tasks) await upsertTask(trx, p.caseId, task);
    if (p.timeline.length > 0) {
      await trx
        .insertInto('timeline_events')
        .values(
          p.timeline.map((e, idx) => ({
            case_id: p.caseId,
            seq: p.seq,
            idx,
            at: new Date(e.at),
            type: e.type,
            actor_id: e.actorId,
            on_behalf_of_id: e.onBehalfOfId,
            node_id: e.nodeId,
            step_name: JSON.stringify(e.stepName) as never,
            comment: e.comment,
            data: JSON.stringify(e.data) as never,
          })),
        )
        .execute();
    }
    await appendAuditEvents(
      trx,
      p.timeline.map((e, idx) => ({
        eventKey: `${p.caseId}:${p.seq}:${idx}`,
        caseId: p.caseId,
        at: e.at,
        actorId: e.actorId,
        type: e.type,
        payload: { nodeId: e.nodeId, comment: e.comment, onBehalfOfId: e.onBehalfOfId, data: e.data },
      })),
    );
    const notified = p.notifications.flatMap((n) =>
      n.userIds.map((userId) => ({
        user_id: userId,
        case_id: p.caseId,
        type: n.type,
        message: JSON.stringify(n.message) as never,
        created_at: new Date(p.case.updatedAt),
        read_at: null,
      })),
    );
    if (notified.length > 0) await trx.insertInto('notifications').values(notified).execute();
    const userIds = [
      ...new Set([
        current.applicant_id,
        ...p.tasks.flatMap((t) => t.candidateIds),
        ...notified.map((n) => n.user_id),
      ]),
    ];
    await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ caseId: p.caseId, seq: p.seq, userIds })})`.execute(
      trx,
    );
  });
}
