import { rmSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { allocateCaseNumber, createDb, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase, ensureTemporalCli, findRepoRoot } from '@unionflow/devstack';
import type { ProcessDefinition } from '@unionflow/process-model';
import { caseWorkflowId } from '@unionflow/workflows';
import { caseIdFor, sendDecision, startCase } from '../../gateway/src/cases/engine-client';
import type { TemporalContext } from '../../gateway/src/plugins/temporal';
import { createBenchUsers, THREE_STEPS } from './bench-users';
import { profileDirectory, profileMarkdown, summariseProfiles } from './cpu-profile';
import { postgresPids } from './flow-bench';
import { breakdownMarkdown, historyBreakdown } from './history-breakdown';
import { type ProcessGroup, ProcSampler } from './proc-sampler';
import { writeReport } from './report';
import { startStack } from './stack';
import { summarise } from './stats';

/** Options of the engine benchmark (`pnpm bench --only engine`). */
export interface EngineBenchOptions {
  /** Cases per run. */
  cases: number;
  concurrency: number;
  profile: boolean;
  /** Keep the raw profiles here instead of a temporary directory. */
  profileDir?: string;
  /** Worker processes on the task queue. */
  workers: number;
  name?: string;
}

interface EngineRun {
  name: string;
  cases: number;
  seconds: number;
  perSecond: number;
  /** CPU milliseconds per case, by process. */
  cpuMsPerCase: Record<string, number>;
  machineBusyPercent: number;
}

/**
 * The engine without the gateway: cases started and decided straight through the Temporal client, the
 * way the gateway's engine client does it, by a fixed number of cases. What it measures is CPU per
 * start and per decision in the worker, Temporal and PostgreSQL, which a shared machine disturbs
 * less than rates: the work is fixed and only its cost is counted.
 */
export async function engineBench(opts: EngineBenchOptions): Promise<string> {
  const log = (s: string) => console.log(`[engine] ${s}`);
  const database = await createTestDatabase();
  const db = createDb(database.url, { max: 8 });
  const profileDir = profileDirectory(opts.profile, opts.profileDir);
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  try {
    await migrateToLatest(db);
    await seedDemoOrganisation(db);
    const users = await createBenchUsers(db, { applicants: 50, reviewers: 150 });
    const row = await db
      .selectFrom('process_versions')
      .select('document')
      .where('key', '=', THREE_STEPS)
      .executeTakeFirstOrThrow();
    const definition = row.document as unknown as ProcessDefinition;
    stack = await startStack({
      databaseUrl: database.url,
      temporalCli: await ensureTemporalCli({ log }),
      gateways: 0,
      workers: opts.workers,
      cpuProfileDir: profileDir,
      log,
    });
    const s = stack;
    const connection = await Connection.connect({ address: s.temporalAddress });
    const client = new Client({ connection });
    const temporal: TemporalContext = { client, namespace: 'default', taskQueue: s.taskQueue };
    const groups: ProcessGroup[] = [
      { name: 'worker', pids: () => s.pids().workers },
      { name: 'temporal', pids: () => [s.pids().temporal ?? -1] },
      { name: 'postgresql', pids: () => postgresPids(db) },
      { name: 'load generator', pids: () => [process.pid] },
    ];
    const startLatency: number[] = [];
    const decideLatency: number[] = [];
    const startIds: string[] = [];

    const playCase = async (n: number, decisions: number) => {
      const applicant = users.applicants[n % users.applicants.length]!;
      const reviewers = [0, 1, 2].map((k) => users.reviewers[(n * 7 + k * 13) % users.reviewers.length]!);
      const caseId = caseIdFor(applicant.id, `engine-${n}`);
      let t = performance.now();
      await startCase(temporal, {
        caseId,
        caseNumber: await allocateCaseNumber(db),
        title: `引擎压测 ${n}`,
        definition,
        applicant: { userId: applicant.id, orgId: 'org-steel' },
        data: {
          title: `引擎压测 ${n}`,
          r1: reviewers[0]!.username,
          r2: reviewers[1]!.username,
          r3: reviewers[2]!.username,
        },
      });
      startLatency.push(performance.now() - t);
      startIds.push(caseId);
      for (let k = 0; k < decisions; k++) {
        const task = await db
          .selectFrom('tasks')
          .select('id')
          .where('case_id', '=', caseId)
          .where('status', '=', 'open')
          .executeTakeFirstOrThrow();
        t = performance.now();
        await sendDecision(temporal, caseId, {
          taskId: task.id,
          actorId: reviewers[k]!.id,
          action: 'approve',
        });
        decideLatency.push(performance.now() - t);
      }
    };

    let next = 0;
    const run = async (name: string, cases: number, decisions: number): Promise<EngineRun> => {
      log(`${name}: ${cases} cases, ${opts.concurrency} at a time…`);
      startLatency.length = 0;
      decideLatency.length = 0;
      const sampler = new ProcSampler(groups);
      sampler.start();
      const begin = performance.now();
      let left = cases;
      await Promise.all(
        Array.from({ length: opts.concurrency }, async () => {
          while (left > 0) {
            left -= 1;
            await playCase(next++, decisions);
          }
        }),
      );
      const seconds = (performance.now() - begin) / 1000;
      const usage = await sampler.stop();
      const result: EngineRun = {
        name,
        cases,
        seconds: Math.round(seconds * 10) / 10,
        perSecond: Math.round((cases / seconds) * 10) / 10,
        cpuMsPerCase: Object.fromEntries(
          usage.groups.map((u) => [u.name, Math.round(((u.cpuAvg / 100) * seconds * 1000) / cases)]),
        ),
        machineBusyPercent: usage.machineBusyPercent,
      };
      log(`  ${result.perSecond}/s, CPU ms per case ${JSON.stringify(result.cpuMsPerCase)}`);
      return result;
    };

    await run('warm-up', Math.max(20, opts.concurrency * 4), 3);
    const runs: EngineRun[] = [];
    startIds.length = 0;
    runs.push(await run('three-step cases', opts.cases, 3));
    const latencies = [
      { name: 'start (update-with-start, ready)', ...summarise(startLatency) },
      { name: 'decision (decide update)', ...summarise(decideLatency) },
    ];
    const breakdown = await historyBreakdown(
      client,
      startIds.slice(0, 30).map((id) => caseWorkflowId(id)),
    );
    runs.push(await run('starts only', opts.cases, 0));
    await connection.close();
    await stack.stop();
    stack = undefined;
    const profiles = profileDir ? summariseProfiles(profileDir) : [];

    const names = groups.map((g) => g.name);
    const table = [
      '## CPU per case',
      '',
      `| run | cases | concurrency | s | cases/s | machine busy % | ${names.join(' | ')} | total |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ${names.map(() => '---:').join(' | ')} | ---: |`,
      ...runs.map(
        (r) =>
          `| ${r.name} | ${r.cases} | ${opts.concurrency} | ${r.seconds} | ${r.perSecond} | ${r.machineBusyPercent} | ${names.map((n) => r.cpuMsPerCase[n]).join(' | ')} | ${Object.values(r.cpuMsPerCase).reduce((a, b) => a + b, 0)} |`,
      ),
    ].join('\n');
    return writeReport(
      findRepoRoot(),
      opts.name ?? 'engine',
      'Engine alone: starts and decisions through the Temporal client, CPU per case',
      latencies.map((l) => ({
        ...l,
        concurrency: opts.concurrency,
        seconds: runs[0]?.seconds ?? 0,
        requestsPerSecond: 0,
        errors: 0,
      })),
      {
        notes: [
          `${opts.workers === 1 ? 'One worker' : `${opts.workers} workers`} (\`workers/src/main.ts\`) and the Temporal dev server as separate processes over embedded PostgreSQL; no gateway. The generator starts cases as the gateway does (case number allocated, update-with-start with the \`ready\` update) and approves each step with the \`decide\` update.`,
          '"three-step cases": start plus three approvals per case; "starts only": the start alone. CPU per case counts every process of the group (PostgreSQL: the backends of this database and the server processes).',
        ],
        metrics: { runs, breakdown, profiles },
        sections: [
          table,
          '## Workflow tasks per start and per decision',
          '',
          breakdownMarkdown(breakdown, `${breakdown.cases} cases of the three-step run`),
          ...(profiles.length
            ? [
                '## CPU profiles (worker threads)',
                '',
                ...profiles.slice(0, 3).map((p) => profileMarkdown(`worker · ${p.file}`, p)),
              ]
            : []),
        ],
      },
    );
  } finally {
    await stack?.stop();
    await db.destroy();
    await database.drop();
    if (profileDir && !opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}
