import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  createDb,
  migrateToLatest,
  publishDefinition,
  seedDemoOrganisation,
  verifyAuditChain,
} from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import {
  type CaseInput,
  type CaseView,
  caseWorkflowId,
  type DecisionInput,
  decideUpdate,
  readyUpdate,
} from '@unionflow/workflows';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

// Two sequential approvals, so the case has to live through the crash between its steps.
const twoSteps: ProcessDefinition = {
  key: 'chaos-two-steps',
  version: 1,
  name: { zh: '两级审批' },
  department: 'innovation',
  form: [{ key: 'title', label: { zh: '标题' }, type: 'text' }],
  start: 'first',
  nodes: [
    {
      id: 'first',
      kind: 'approval',
      name: { zh: '初审' },
      assignee: { kind: 'user', username: 'lina' },
      mode: 'single',
      next: 'second',
    },
    {
      id: 'second',
      kind: 'approval',
      name: { zh: '复审' },
      assignee: { kind: 'user', username: 'wangfang' },
      mode: 'single',
      next: 'end',
    },
    { id: 'end', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
  ],
};

const db = createDb(inject('databaseUrl'));
const address = inject('temporalAddress');
const taskQueue = `chaos-${crypto.randomUUID()}`;
let connection: Connection;
let client: Client;
const workers: WorkerProcess[] = [];

async function worker(): Promise<WorkerProcess> {
  const w = await startWorkerProcess({
    databaseUrl: inject('databaseUrl'),
    temporalAddress: address,
    taskQueue,
  });
  workers.push(w);
  return w;
}

async function openTask(caseId: string, nodeId: string): Promise<string> {
  const row = await db
    .selectFrom('tasks')
    .select('id')
    .where('case_id', '=', caseId)
    .where('node_id', '=', nodeId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sends a decision the way the gateway retries one: same update id until an answer comes back. */
async function decide(
  caseId: string,
  input: DecisionInput,
  updateId: string,
  timeoutMs = 30_000,
): Promise<CaseView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await client.workflow
        .getHandle(caseWorkflowId(caseId))
        .executeUpdate(decideUpdate, { args: [input], updateId });
    } catch (err) {
      // A refusal is an answer; transport errors while no worker is alive are not.
      if (err instanceof WorkflowUpdateFailedError || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

beforeAll(async () => {
  await migrateToLatest(db);
  await seedDemoOrganisation(db);
  connection = await Connection.connect({ address });
  client = new Client({ connection });
});

afterAll(async () => {
  await Promise.allSettled(workers.map((w) => w.stop()));
  await connection?.close();
  await db.destroy();
});

describe('a worker killed mid-case', () => {
  it('loses nothing and repeats nothing: a fresh worker finishes the case', async () => {
    const first = await worker();
    const definition = await publishDefinition(
      db,
      { ...twoSteps, key: `${twoSteps.key}-${taskQueue.slice(-8)}` },
      null,
    );
    const caseId = crypto.randomUUID();
    const input: CaseInput = {
      caseId,
      title: '断电演练',
      definition,
      applicant: { userId: 'u-zhangwei', orgId: 'org-steel' },
      data: { title: '断电演练' },
    };
    const handle = await client.workflow.start('caseWorkflow', {
      workflowId: caseWorkflowId(caseId),
      taskQueue,
      args: [input],
    });
    await handle.executeUpdate(readyUpdate, { args: [] });

    const step1 = await decide(
      caseId,
      { taskId: await openTask(caseId, 'first'), actorId: 'u-lina', action: 'approve', comment: '同意' },
      'decision-1',
    );
    expect(step1.status).toBe('running');
    const secondTask = await openTask(caseId, 'second');

    // The machine dies with the case cached and sticky on it; the second decision arrives while no worker runs.
    await first.kill();
    const decision2 = {
      taskId: secondTask,
      actorId: 'u-wangfang',
      action: 'approve' as const,
      comment: '复核通过',
    };
    const pending = decide(caseId, decision2, 'decision-2');
    const second = await worker();
    const done = await pending;
    expect(done).toMatchObject({ status: 'completed', outcome: 'approved' });
    // The gateway retrying the same request after the outage gets the same answer, not a second decision.
    expect(await decide(caseId, decision2, 'decision-2')).toMatchObject({
      status: 'completed',
      seq: done.seq,
    });

    // Each decision is in the read model exactly once.
    const timeline = await db
      .selectFrom('timeline_events')
      .select(['type', 'node_id', 'actor_id'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .orderBy('idx')
      .execute();
    const decisions = timeline.filter((e) => e.type === 'approved');
    expect(decisions).toEqual([
      { type: 'approved', node_id: 'first', actor_id: 'u-lina' },
      { type: 'approved', node_id: 'second', actor_id: 'u-wangfang' },
    ]);
    expect(timeline.filter((e) => e.type === 'case-ended')).toHaveLength(1);
    const row = await db
      .selectFrom('cases')
      .select(['status', 'outcome'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'completed', outcome: 'approved' });

    // The audit chain holds one entry per timeline event and still verifies end to end.
    const audited = await db
      .selectFrom('audit_events')
      .select('type')
      .where('case_id', '=', caseId)
      .execute();
    expect(audited.map((a) => a.type).sort()).toEqual(timeline.map((e) => e.type).sort());
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBroken: null });

    // Both processes really worked on this case: the survivor replayed the history the dead one wrote.
    const history = await handle.fetchHistory();
    const identities = new Set(
      (history.events ?? [])
        .map((e) => e.workflowTaskCompletedEventAttributes?.identity)
        .filter((id): id is string => !!id),
    );
    expect([...identities].map((id) => Number(id.split('@')[0])).sort()).toEqual(
      [first.pid, second.pid].sort(),
    );
    // Two worker processes each bundle the workflow code on start: on a busy 2-core machine that
    // alone can take half a minute.
  }, 180_000);
});
