// Records the replay fixtures: runs every scenario on a real worker against a fresh dev stack and
// writes each case's event history to fixtures/histories/<era>/<name>.json, where <era> names the
// newest patch of today's code (ADR 001). Cases start as the gateway starts them.
// Run: pnpm --filter @unionflow/workflows record-histories
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import {
  allocateCaseNumber,
  createDb,
  migrateToLatest,
  publishDefinition,
  seedDemoOrganisation,
} from '@unionflow/db';
import {
  createTestDatabase,
  ensureTemporalCli,
  killOnExit,
  startTemporalDevServer,
  stopChild,
} from '@unionflow/devstack';
import { caseWorkflowId, ENGINE_REVISION, SEARCH_ATTRIBUTES } from '../src/constants';
import {
  applicantActionUpdate,
  type CaseInput,
  decideUpdate,
  endWaitUpdate,
  readyUpdate,
} from '../src/messages';
import { type OpenTask, type ScenarioDriver, scenarios } from './scenarios';

/** The era today's code writes: bump it (a new numbered directory) with every new patch. */
const ERA = '10-folded-assignment';
const fixturesDir = fileURLToPath(new URL(`./fixtures/histories/${ERA}/`, import.meta.url));
const workerMain = fileURLToPath(new URL('../../workers/src/main.ts', import.meta.url));
const applicant = { userId: 'u-zhangwei', orgId: 'org-steel' };
const keyword = (name: string) => defineSearchAttributeKey(name, SearchAttributeType.KEYWORD);

/** Starts the real worker entry point as a child process and resolves once it polls. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerMain], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killOnExit(child);
  return new Promise((resolve, reject) => {
    let out = '';
    // The ready line may come on either stream, depending on how the runtime routes console output.
    const watch = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('worker ready')) resolve(child);
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.once('exit', (code) => reject(new Error(`worker exited early (${code}): ${out.slice(-2000)}`)));
  });
}

async function openTasks(db: ReturnType<typeof createDb>, caseId: string): Promise<OpenTask[]> {
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'node_id'])
    .where('case_id', '=', caseId)
    .where('status', 'in', ['open', 'claimed'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const candidates = rows.length
    ? await db
        .selectFrom('task_candidates')
        .select(['task_id', 'user_id'])
        .where(
          'task_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    candidates: candidates
      .filter((c) => c.task_id === r.id)
      .map((c) => c.user_id)
      .sort(),
  }));
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[record] ${line}`);
  const binary = await ensureTemporalCli({ log });
  const [temporal, database] = await Promise.all([
    startTemporalDevServer({ binary, headless: true }),
    createTestDatabase(),
  ]);
  const db = createDb(database.url);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const taskQueue = `record-${crypto.randomUUID()}`;
  let worker: ChildProcess | undefined;
  try {
    await migrateToLatest(db);
    await seedDemoOrganisation(db);
    worker = await startWorker({
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
    });
    await mkdir(fixturesDir, { recursive: true });
    for (const scenario of scenarios) {
      const definition = await publishDefinition(db, scenario.definition, null);
      const caseId = crypto.randomUUID();
      const caseNumber = await allocateCaseNumber(db);
      const input: CaseInput = {
        caseId,
        caseNumber,
        title: String(scenario.data.title),
        definition,
        applicant,
        data: scenario.data,
        engineRevision: ENGINE_REVISION,
      };
      // As gateway/src/cases/engine-client.ts starts a case: update-with-start, search attributes set.
      const start = new WithStartWorkflowOperation('caseWorkflow', {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: [
          { key: keyword(SEARCH_ATTRIBUTES.processKey), value: definition.key },
          { key: keyword(SEARCH_ATTRIBUTES.department), value: definition.department },
          { key: keyword(SEARCH_ATTRIBUTES.caseNumber), value: caseNumber },
        ],
      });
      await client.workflow.executeUpdateWithStart(readyUpdate, {
        startWorkflowOperation: start,
        updateId: `ready-${caseId}`,
      });
      const handle = await start.workflowHandle();
      const driver: ScenarioDriver = {
        tasks: () => openTasks(db, caseId),
        async waitForTasks(count = 1) {
          const deadline = Date.now() + 20_000;
          for (;;) {
            const tasks = await openTasks(db, caseId);
            if (tasks.length >= count) return tasks;
            if (Date.now() > deadline) throw new Error(`${scenario.name}: no open task appeared`);
            await new Promise((r) => setTimeout(r, 100));
          }
        },
        decide: (d) => handle.executeUpdate(decideUpdate, { args: [d], updateId: crypto.randomUUID() }),
        applicant: (a) =>
          handle.executeUpdate(applicantActionUpdate, { args: [a], updateId: crypto.randomUUID() }),
        endWait: (e) => handle.executeUpdate(endWaitUpdate, { args: [e], updateId: crypto.randomUUID() }),
      };
      await scenario.drive(driver);
      const history = await handle.fetchHistory();
      const file = `${fixturesDir}${scenario.name}.json`;
      // One line per file: the payloads are base64 anyway, and compact files keep the repository small.
      await writeFile(file, `${JSON.stringify(JSON.parse(historyToJSON(history)))}\n`);
      log(`${scenario.name}: ${history.events?.length ?? 0} events → ${file}`);
    }
  } finally {
    if (worker) await stopChild(worker);
    await connection.close();
    await db.destroy();
    await Promise.allSettled([temporal.stop(), database.drop()]);
  }
}

await main();
