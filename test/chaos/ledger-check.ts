import { type Client, defaultPayloadConverter } from '@temporalio/client';
import type { Database } from '@unionflow/db';
import { caseWorkflowId } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { THREE_STEPS } from '../bench/bench-users';
import { type DriverContext, decide, type LedgerEntry } from '../bench/case-driver';

const STEPS = ['first', 'second', 'third'];

/**
 * Finishes every case still running: a driver may have moved on from a case a dead gateway started
 * without answering. Each open task is approved through the API by its assignee, with the ledger.
 */
export async function sweepOpenCases(
  ctx: DriverContext,
  db: Kysely<Database>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const byId = new Map(ctx.reviewers.map((r) => [r.id, r]));
  while (Date.now() < deadline) {
    const running = await db
      .selectFrom('cases')
      .select('id')
      .where('process_key', '=', THREE_STEPS)
      .where('status', '=', 'running')
      .execute();
    if (running.length === 0) return;
    const open = await db
      .selectFrom('tasks')
      .innerJoin('cases', 'cases.id', 'tasks.case_id')
      .select(['tasks.id', 'tasks.case_id', 'tasks.node_id', 'tasks.assignee_id'])
      .where('cases.status', '=', 'running')
      .where('tasks.status', '=', 'open')
      .execute();
    for (const t of open) {
      const reviewer = byId.get(t.assignee_id ?? '');
      if (!reviewer) continue;
      await decide(ctx, reviewer, { id: t.id, caseId: t.case_id, nodeId: t.node_id }, ctx.bases[0]!);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Successful `decide` updates in a case's Temporal history, by task id. */
async function decisionsInHistory(client: Client, caseId: string): Promise<Map<string, number>> {
  const history = await client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
  const taskOfUpdate = new Map<string, string>();
  const applied = new Map<string, number>();
  for (const e of history.events ?? []) {
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted?.acceptedRequest?.input?.name === 'decide') {
      const payload = accepted.acceptedRequest.input.args?.payloads?.[0];
      const input = payload ? defaultPayloadConverter.fromPayload<{ taskId: string }>(payload) : null;
      taskOfUpdate.set(accepted.acceptedRequest.meta?.updateId ?? '', input?.taskId ?? '?');
    }
    const completed = e.workflowExecutionUpdateCompletedEventAttributes;
    if (completed?.outcome?.success) {
      const task = taskOfUpdate.get(completed.meta?.updateId ?? '');
      if (task) applied.set(task, (applied.get(task) ?? 0) + 1);
    }
  }
  return applied;
}

/**
 * Checks the ledger against PostgreSQL and Temporal: every case ended; each step was approved exactly
 * once (timeline and history agree); every decision the generator saw succeed is the one recorded.
 * Returns the problems found (empty when all holds).
 */
export async function checkLedger(
  db: Kysely<Database>,
  client: Client,
  ledger: LedgerEntry[],
): Promise<{ problems: string[]; cases: number; decisions: number }> {
  const problems: string[] = [];
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'status', 'outcome'])
    .where('process_key', '=', THREE_STEPS)
    .execute();
  for (const c of cases)
    if (c.status !== 'completed' || c.outcome !== 'approved')
      problems.push(`case ${c.id} ended as ${c.status}/${c.outcome}`);
  const events = await db
    .selectFrom('timeline_events')
    .select(['case_id', 'node_id', 'actor_id', 'type'])
    .where('type', 'in', ['approved', 'case-ended'])
    .execute();
  const approvals = new Map<string, { node: string | null; actor: string | null }[]>();
  const ended = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'case-ended') ended.set(e.case_id, (ended.get(e.case_id) ?? 0) + 1);
    else
      approvals.set(e.case_id, [...(approvals.get(e.case_id) ?? []), { node: e.node_id, actor: e.actor_id }]);
  }
  let decisions = 0;
  for (const c of cases) {
    const list = approvals.get(c.id) ?? [];
    decisions += list.length;
    const nodes = list.map((a) => a.node).sort();
    if (nodes.join() !== STEPS.slice().sort().join())
      problems.push(`case ${c.id}: approvals in the timeline at ${nodes.join(', ') || 'none'}`);
    if (ended.get(c.id) !== 1) problems.push(`case ${c.id}: ${ended.get(c.id) ?? 0} case-ended events`);
    const history = await decisionsInHistory(client, c.id);
    const counts = [...history.values()];
    if (counts.length !== 3 || counts.some((n) => n !== 1))
      problems.push(
        `case ${c.id}: successful decide updates per task in history ${JSON.stringify([...history])}`,
      );
  }
  for (const entry of ledger) {
    if (entry.result === 'failed') {
      problems.push(`decision on ${entry.caseId}/${entry.nodeId} never got through`);
      continue;
    }
    const found = (approvals.get(entry.caseId) ?? []).filter(
      (a) => a.node === entry.nodeId && a.actor === entry.actorId,
    );
    if (found.length !== 1)
      problems.push(
        `ledger ${entry.result} decision ${entry.caseId}/${entry.nodeId} appears ${found.length} times`,
      );
  }
  return { problems, cases: cases.length, decisions };
}
