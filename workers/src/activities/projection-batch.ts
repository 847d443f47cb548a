import { type Database, EVENTS_CHANNEL } from '@unionflow/db';
import type { Projection } from '@unionflow/workflows';
import { sql, type Transaction } from 'kysely';
import { applicantNotices, type NotificationRow } from './applicant-notices';

/** The rows of one projection batch, in the shape the statement below reads from its JSON parameter. */
function rowsOf(p: Projection, applicantId: string) {
  const told = applicantNotices(p, applicantId);
  const open = (status: string) => status === 'open' || status === 'claimed';
  return {
    tasks: p.tasks.map((t) => ({
      id: t.id,
      node_id: t.nodeId,
      step_name: t.stepName,
      kind: t.kind,
      status: t.status,
      assignee_id: t.assigneeId,
      form: t.form,
      created_at: t.createdAt,
      due_at: t.dueAt,
      completed_at: t.completedAt,
      decision: t.decision,
    })),
    candidates: p.tasks.flatMap((t) =>
      t.candidateIds.map((userId) => ({
        task_id: t.id,
        user_id: userId,
        // A claimed group task leaves the other candidates' inboxes.
        open: open(t.status) && (t.status !== 'claimed' || t.assigneeId === userId),
        due_at: t.dueAt,
        created_at: t.createdAt,
        on_behalf_of: t.onBehalfOf[userId] ?? null,
      })),
    ),
    timeline: p.timeline.map((e, idx) => ({
      idx,
      at: e.at,
      type: e.type,
      actor_id: e.actorId,
      on_behalf_of_id: e.onBehalfOfId,
      node_id: e.nodeId,
      step_name: e.stepName,
      comment: e.comment,
      data: e.data,
    })),
    notifications: [
      ...p.notifications.flatMap((n) =>
        n.userIds
          .filter(
            (userId) => !(told.replacesTaskNotice && userId === applicantId && n.type === 'task-assigned'),
          )
          .map(
            (userId): NotificationRow => ({
              user_id: userId,
              type: n.type,
              message: n.message,
              actor_id: null,
              templated: false,
            }),
          ),
      ),
      ...told.rows,
    ],
  };
}

/**
 * Writes a batch's tasks, candidates, timeline and notifications and NOTIFYs the users concerned, in
 * one statement: the batch travels as one JSON parameter and each table is one data-modifying CTE.
 * One round trip instead of three per task plus three, which is most of a projection's cost.
 * Candidates are upserted and the ones a task no longer has deleted (disjoint rows, as one statement
 * requires), so a task's inbox rows match its latest record.
 */
export async function writeBatch(
  trx: Transaction<Database>,
  p: Projection,
  applicantId: string,
): Promise<void> {
  const rows = rowsOf(p, applicantId);
  // A batch with timeline entries is announced by the audit append, which knows its stream position;
  // one without any is announced here, with none (no extra statement either way).
  const announce = p.timeline.length === 0;
  await sql`
    WITH b AS (SELECT ${JSON.stringify(rows)}::jsonb AS j),
    t AS (
      INSERT INTO tasks (id, case_id, node_id, step_name, kind, status, assignee_id, form, created_at, due_at, completed_at, decision)
      SELECT x.id, ${p.caseId}, x.node_id, x.step_name, x.kind, x.status, x.assignee_id, x.form, x.created_at, x.due_at, x.completed_at, x.decision
      FROM b, jsonb_to_recordset(b.j->'tasks') AS x(id text, node_id text, step_name jsonb, kind text, status text,
        assignee_id text, form jsonb, created_at timestamptz, due_at timestamptz, completed_at timestamptz, decision text)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, assignee_id = excluded.assignee_id,
        due_at = excluded.due_at, completed_at = excluded.completed_at, decision = excluded.decision
    ),
    c AS (
      SELECT x.* FROM b, jsonb_to_recordset(b.j->'candidates') AS x(task_id text, user_id text, open boolean,
        due_at timestamptz, created_at timestamptz, on_behalf_of text)
    ),
    gone AS (
      DELETE FROM task_candidates tc
      WHERE tc.task_id IN (SELECT x.id FROM b, jsonb_to_recordset(b.j->'tasks') AS x(id text))
        AND NOT EXISTS (SELECT 1 FROM c WHERE c.task_id = tc.task_id AND c.user_id = tc.user_id)
    ),
    cand AS (
      INSERT INTO task_candidates (task_id, user_id, open, due_at, created_at, on_behalf_of)
      SELECT task_id, user_id, open, due_at, created_at, on_behalf_of FROM c
      ON CONFLICT (task_id, user_id) DO UPDATE SET open = excluded.open, due_at = excluded.due_at,
        created_at = excluded.created_at, on_behalf_of = excluded.on_behalf_of
    ),
    held AS (
      INSERT INTO task_holders (case_id, user_id)
      SELECT DISTINCT ${p.caseId}, user_id FROM c
      ON CONFLICT DO NOTHING
    ),
    tl AS (
      INSERT INTO timeline_events (case_id, seq, idx, at, type, actor_id, on_behalf_of_id, node_id, step_name, comment, data)
      SELECT ${p.caseId}, ${p.seq}, x.idx, x.at, x.type, x.actor_id, x.on_behalf_of_id, x.node_id, x.step_name, x.comment, x.data
      FROM b, jsonb_to_recordset(b.j->'timeline') AS x(idx integer, at timestamptz, type text, actor_id text,
        on_behalf_of_id text, node_id text, step_name jsonb, comment text, data jsonb)
    ),
    n AS (
      -- In the applicant's notices, {actor} and {title} become the actor's name and the case title,
      -- JSON-escaped (the quotes to_jsonb adds are cut off exactly, one at each end).
      INSERT INTO notifications (user_id, case_id, type, message, created_at, read_at)
      SELECT x.user_id, ${p.caseId}, x.type,
        CASE WHEN x.templated THEN replace(replace(x.message::text,
          '{actor}', coalesce(substr(to_jsonb(u.display_name)::text, 2, length(to_jsonb(u.display_name)::text) - 2), '')),
          '{title}', coalesce(substr(to_jsonb(cs.title)::text, 2, length(to_jsonb(cs.title)::text) - 2), ''))::jsonb
        ELSE x.message END,
        ${new Date(p.case.updatedAt)}, NULL
      FROM b, jsonb_to_recordset(b.j->'notifications')
        AS x(user_id text, type text, message jsonb, actor_id text, templated boolean)
      LEFT JOIN users u ON u.id = x.actor_id
      LEFT JOIN cases cs ON cs.id = ${p.caseId}
    )
    SELECT CASE WHEN ${announce}::boolean THEN pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ ...batchNotice(p, applicantId), id: null })}) END`.execute(
    trx,
  );
}

/** What a batch's NOTIFY says (without its stream position): the case, its `seq`, the users concerned. */
export function batchNotice(p: Projection, applicantId: string) {
  const userIds = [
    ...new Set([
      applicantId,
      ...p.tasks.flatMap((t) => t.candidateIds),
      ...p.notifications.flatMap((n) => n.userIds),
    ]),
  ];
  return { caseId: p.caseId, seq: p.seq, userIds };
}
