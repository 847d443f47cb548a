import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  allocateCaseNumber,
  createDb,
  type Database,
  migrateToLatest,
  publishDefinition,
  seedDemoOrganisation,
} from '@unionflow/db';
import type {} from '@unionflow/devstack';
import type { Applicant, ProcessDefinition } from '@unionflow/process-model';
import {
  type ApplicantActionInput,
  applicantActionUpdate,
  type CaseInput,
  type CaseView,
  caseWorkflowId,
  claimUpdate,
  type DecisionInput,
  decideUpdate,
  ENGINE_REVISION,
  readyUpdate,
} from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { createActivities } from '../src/activities/create-activities';
import { builtInActions, type ServiceAction } from '../src/services/registry';
import { sharedWorkflowBundle } from './shared-workflow-bundle';

export interface EngineHarness {
  db: Kysely<Database>;
  client: Client;
  taskQueue: string;
  /** Publishes a definition under a unique key and starts a case on it. */
  start(def: ProcessDefinition, data: Record<string, unknown>, applicant?: Applicant): Promise<CaseView>;
  decide(caseId: string, input: DecisionInput, updateId?: string): Promise<CaseView>;
  claim(caseId: string, taskId: string, actorId: string, release?: boolean): Promise<CaseView>;
  applicant(caseId: string, input: ApplicantActionInput, updateId?: string): Promise<CaseView>;
  /** Open tasks of a case, oldest first, with their candidates. */
  openTasks(caseId: string): Promise<{ id: string; node_id: string; status: string; candidates: string[] }[]>;
  caseRow(caseId: string): Promise<{ status: string; outcome: string | null; data: Record<string, unknown> }>;
  timelineTypes(caseId: string): Promise<string[]>;
  /** Waits until a condition on the read model holds (timers and services finish asynchronously). */
  eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export const zhangwei: Applicant = { userId: 'u-zhangwei', orgId: 'org-steel' };

/** A worker on its own task queue against the shared test Temporal server and database. */
export async function createEngineHarness(
  options: {
    services?: Record<string, ServiceAction>;
    databaseUrl?: string;
    taskQueue?: string;
    /** Another Temporal than the run's dev server (the cluster profile's tests). */
    temporalAddress?: string;
  } = {},
): Promise<EngineHarness> {
  const db = createDb(options.databaseUrl ?? inject('databaseUrl'));
  await migrateToLatest(db);
  await seedDemoOrganisation(db);
  const address = options.temporalAddress ?? inject('temporalAddress');
  const taskQueue = options.taskQueue ?? `test-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  const client = new Client({ connection: clientConnection });
  let worker: Worker | null = null;
  let running: Promise<void> | null = null;

  async function startWorker() {
    worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: await sharedWorkflowBundle(),
      // A test's own actions run beside the built-in ones.
      activities: createActivities({ db, services: { ...builtInActions, ...options.services } }),
    });
    running = worker.run();
  }
  async function stopWorker() {
    if (!worker) return;
    worker.shutdown();
    await running;
    worker = null;
  }
  await startWorker();

  const handle = (caseId: string) => client.workflow.getHandle(caseWorkflowId(caseId));

  return {
    db,
    client,
    taskQueue,
    async start(def, data, applicant = zhangwei) {
      const published = await publishDefinition(
        db,
        { ...def, key: `${def.key}-${randomUUID().slice(0, 8)}` },
        null,
      );
      const caseId = randomUUID();
      const input: CaseInput = {
        caseId,
        // As the gateway does; sub-processes (no number) still register through their own activity.
        caseNumber: await allocateCaseNumber(db),
        title: String(data.title ?? 'test case'),
        definition: published,
        applicant,
        data,
        engineRevision: ENGINE_REVISION,
      };
      const started = await client.workflow.start('caseWorkflow', {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
      });
      try {
        return await handle(caseId).executeUpdate(readyUpdate, { args: [] });
      } catch (err) {
        // A case that ends in its first step may close before the update arrives: its result is the view.
        if (err instanceof WorkflowNotFoundError) return (await started.result()) as CaseView;
        throw err;
      }
    },
    decide: (caseId, input, updateId) =>
      handle(caseId).executeUpdate(decideUpdate, { args: [input], updateId: updateId ?? randomUUID() }),
    claim: (caseId, taskId, actorId, release) =>
      handle(caseId).executeUpdate(claimUpdate, { args: [{ taskId, actorId, release }] }),
    applicant: (caseId, input, updateId) =>
      handle(caseId).executeUpdate(applicantActionUpdate, {
        args: [input],
        updateId: updateId ?? randomUUID(),
      }),
    async openTasks(caseId) {
      const tasks = await db
        .selectFrom('tasks')
        .select(['id', 'node_id', 'status'])
        .where('case_id', '=', caseId)
        .where('status', 'in', ['open', 'claimed'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const cands = tasks.length
        ? await db
            .selectFrom('task_candidates')
            .select(['task_id', 'user_id'])
            .where(
              'task_id',
              'in',
              tasks.map((t) => t.id),
            )
            .execute()
        : [];
      return tasks.map((t) => ({
        ...t,
        candidates: cands
          .filter((c) => c.task_id === t.id)
          .map((c) => c.user_id)
          .sort(),
      }));
    },
    async caseRow(caseId) {
      return db
        .selectFrom('cases')
        .select(['status', 'outcome', 'data'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
    },
    async timelineTypes(caseId) {
      const rows = await db
        .selectFrom('timeline_events')
        .select('type')
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .orderBy('idx')
        .execute();
      return rows.map((r) => r.type);
    },
    async eventually(check, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await check();
        if (value !== undefined && value !== false) return value as never;
        if (Date.now() > deadline) throw new Error('condition not met in time');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    startWorker,
    stopWorker,
    async close() {
      await stopWorker();
      await nativeConnection.close();
      await clientConnection.close();
      await db.destroy();
    },
  };
}
