import { rmSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { createDb, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase, findRepoRoot } from '@unionflow/devstack';
import type { ProcessDefinition } from '@unionflow/process-model';
import { sql } from 'kysely';
import type { TemporalContext } from '../../gateway/src/plugins/temporal';
import { createBenchUsers, THREE_STEPS } from './bench-users';
import { profileDirectory, profileMarkdown, summariseProfiles } from './cpu-profile';
import { type CasePlayer, enginePlayer, floorPlayer } from './engine-cases';
import { FLOOR_TABLE_DDL } from './floor/floor-activities';
import {
  type CaseRun,
  comparisonMarkdown,
  cpuMarkdown,
  type TargetResult,
  versusFloor,
} from './floor-comparison';
import { postgresPids } from './flow-bench';
import { breakdownMarkdown, historyBreakdown } from './history-breakdown';
import { type ProcessGroup, ProcSampler } from './proc-sampler';
import { writeReport } from './report';
import { startStack } from './stack';
import { summarise } from './stats';
import { startClusterTarget, startDevServerTarget, type TemporalTarget } from './temporal-targets';

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
  /** Also run on the cluster profile, once per history shard count listed here. */
  clusterShards: number[];
  name?: string;
}

/**
 * The engine without the gateway: cases started and decided straight through the Temporal client, the
 * way the gateway's engine client does it, by a fixed number of cases, and beside it the Temporal floor
 * (test/bench/floor: start, three Updates, one row per step) on the same Temporal, in the same run.
 * What it measures is CPU per case in the worker, Temporal and PostgreSQL, which a shared machine
 * disturbs less than rates: the work is fixed and only its cost is counted.
 */
export async function engineBench(opts: EngineBenchOptions): Promise<string> {
  const log = (s: string) => console.log(`[engine] ${s}`);
  const database = await createTestDatabase();
  const db = createDb(database.url, { max: 8 });
  const profileDir = profileDirectory(opts.profile, opts.profileDir);
  let target: TemporalTarget | undefined;
  const stacks: Awaited<ReturnType<typeof startStack>>[] = [];
  try {
    await migrateToLatest(db);
    await seedDemoOrganisation(db);
    await sql.raw(FLOOR_TABLE_DDL).execute(db);
    const users = await createBenchUsers(db, { applicants: 50, reviewers: 150 });
    const row = await db
      .selectFrom('process_versions')
      .select('document')
      .where('key', '=', THREE_STEPS)
      .executeTakeFirstOrThrow();
    const definition = row.document as unknown as ProcessDefinition;
    const results: TargetResult[] = [];
    let next = 0;

    const starts: (() => Promise<TemporalTarget>)[] = [
      () => startDevServerTarget(log),
      ...opts.clusterShards.map((shards) => () => startClusterTarget(database.url, shards, log)),
    ];
    // Written after every Temporal, so a sweep cut short still leaves what it measured.
    const report = () => {
      const profiles = profileDir ? summariseProfiles(profileDir) : [];

      return writeReport(
        findRepoRoot(),
        opts.name ?? 'engine',
        'Engine alone beside the Temporal floor: starts and decisions through the Temporal client, CPU per case',
        results.flatMap((r) => [
          latencyRow(
            `${r.target.label} · floor start (update-with-start, ready)`,
            r.floor.run,
            'start',
            opts,
          ),
          latencyRow(`${r.target.label} · floor decision (Update)`, r.floor.run, 'decision', opts),
          latencyRow(
            `${r.target.label} · engine start (update-with-start, ready)`,
            r.engine.run,
            'start',
            opts,
          ),
          latencyRow(`${r.target.label} · engine decision (decide update)`, r.engine.run, 'decision', opts),
        ]),
        {
          notes: [
            `${opts.workers === 1 ? 'One engine worker' : `${opts.workers} engine workers`} (\`workers/src/main.ts\`) and one floor worker (\`test/bench/floor/floor-worker.ts\`) as separate processes, over embedded PostgreSQL; no gateway. Every Temporal listed ran both, one after the other, at concurrency ${opts.concurrency} and ${opts.cases} cases each (after a warm-up of their own).`,
            'The engine: case number allocated, update-with-start with the `ready` update, then per step the open task read from the read model and approved with the `decide` update. The floor (`test/bench/floor/floor-workflow.ts`): update-with-start with a `ready` update, then per step the open step read from PostgreSQL and approved by an Update; one local activity per workflow task inserts one row; no search attributes, no definition.',
            'CPU per case counts every process of the group: "worker" is the engine worker for the engine rows and the floor worker for the floor rows; "temporal" is the dev server, or the sum of the four cluster services; "Temporal\'s PostgreSQL" is the backends of the cluster\'s two databases; "PostgreSQL" is the backends of the bench database plus the server\'s own processes (on the cluster those also write Temporal\'s WAL). The load generator (this process) is in the per-process tables.',
            `The dev server is devstack's \`temporal server start-dev\` (in memory, one shard, headless), the same flags as before. The cluster is the \`pnpm start --cluster\` profile: Temporal server v1.29.1, history, matching, frontend and worker as separate processes, persistence and visibility on the same embedded PostgreSQL, with the shard counts listed${opts.clusterShards.length ? ` (this run: ${opts.clusterShards.join(', ')})` : ' (not run this time: add --cluster)'}.`,
          ],
          metrics: { concurrency: opts.concurrency, cases: opts.cases, results, profiles },
          metricsOnlyInJson: true,
          sections: [
            '## Engine against the Temporal floor',
            comparisonMarkdown(results),
            '## CPU per case, by process',
            ...results.flatMap((r) => [`### ${r.target.label}`, cpuMarkdown(r, opts.concurrency)]),
            '## Workflow tasks per start and per decision',
            ...results.flatMap((r) => [
              `### ${r.target.label}: engine`,
              breakdownMarkdown(
                r.engine.breakdown,
                `${r.engine.breakdown.cases} cases of the three-step run`,
              ),
              `### ${r.target.label}: floor`,
              breakdownMarkdown(r.floor.breakdown, `${r.floor.breakdown.cases} cases of the floor run`),
            ]),
            ...(profiles.length
              ? [
                  '## CPU profiles (engine worker threads)',
                  ...profiles.slice(0, 3).map((p) => profileMarkdown(`worker · ${p.file}`, p)),
                ]
              : []),
          ],
        },
      );
    };
    for (const start of starts) {
      target = await start();
      const t = target;
      log(`${t.label}: Temporal on ${t.address}`);
      const engineStack = await startStack({
        databaseUrl: database.url,
        temporalCli: '',
        temporalAddress: t.address,
        gateways: 0,
        workers: opts.workers,
        cpuProfileDir: profileDir,
        log,
      });
      stacks.push(engineStack);
      const floorStack = await startStack({
        databaseUrl: database.url,
        temporalCli: '',
        temporalAddress: t.address,
        gateways: 0,
        workers: 1,
        workerEntry: 'test/bench/floor/floor-worker.ts',
        log,
      });
      stacks.push(floorStack);
      const connection = await Connection.connect({ address: t.address });
      const client = new Client({ connection });
      const temporal: TemporalContext = { client, namespace: 'default', taskQueue: engineStack.taskQueue };
      const groups = (workers: () => number[]): ProcessGroup[] => [
        { name: 'worker', pids: workers },
        { name: 'temporal', pids: () => t.pids() },
        { name: 'postgresql', pids: () => postgresPids(db) },
        { name: 'load generator', pids: () => [process.pid] },
        ...t.detailGroups,
      ];

      const run = async (
        name: string,
        player: CasePlayer,
        workers: () => number[],
        cases: number,
        decisions: number,
      ): Promise<CaseRun> => {
        log(`${t.label} · ${name}: ${cases} cases, ${opts.concurrency} at a time…`);
        player.reset();
        const sampler = new ProcSampler(groups(workers));
        sampler.start();
        const begin = performance.now();
        let left = cases;
        await Promise.all(
          Array.from({ length: opts.concurrency }, async () => {
            while (left > 0) {
              left -= 1;
              await player.play(next++, decisions);
            }
          }),
        );
        const seconds = (performance.now() - begin) / 1000;
        const usage = await sampler.stop();
        const result: CaseRun = {
          name,
          cases,
          seconds: Math.round(seconds * 10) / 10,
          perSecond: Math.round((cases / seconds) * 10) / 10,
          cpuMsPerCase: Object.fromEntries(
            usage.groups.map((u) => [u.name, Math.round(((u.cpuAvg / 100) * seconds * 10_000) / cases) / 10]),
          ),
          machineBusyPercent: usage.machineBusyPercent,
          start: summarise(player.startLatency),
          decision: summarise(player.decideLatency),
        };
        log(`  ${result.perSecond}/s, CPU ms per case ${JSON.stringify(result.cpuMsPerCase)}`);
        return result;
      };

      const warmUp = Math.max(20, opts.concurrency * 4);
      const floor = floorPlayer(db, client, floorStack.taskQueue, t.label.replace(/\W+/g, '-'));
      const engine = enginePlayer(db, temporal, definition, users);
      const floorWorkers = () => floorStack.pids().workers;
      const engineWorkers = () => engineStack.pids().workers;
      // Floor first, then the engine, each after its own warm-up (bundle loaded, caches filled).
      await run('floor warm-up', floor, floorWorkers, warmUp, 3);
      const floorRun = await run('Temporal floor', floor, floorWorkers, opts.cases, 3);
      const floorBreakdown = await historyBreakdown(client, floor.workflowIds.slice(0, 30));
      await run('engine warm-up', engine, engineWorkers, warmUp, 3);
      const engineRun = await run('three-step cases', engine, engineWorkers, opts.cases, 3);
      const engineBreakdown = await historyBreakdown(client, engine.workflowIds.slice(0, 30));
      const startsOnly = await run('starts only', engine, engineWorkers, opts.cases, 0);
      results.push({
        target: { label: t.label, kind: t.kind, shards: t.shards },
        floor: { run: floorRun, breakdown: floorBreakdown },
        engine: { run: engineRun, breakdown: engineBreakdown },
        startsOnly,
        ratios: versusFloor(
          { run: floorRun, breakdown: floorBreakdown },
          { run: engineRun, breakdown: engineBreakdown },
        ),
      });
      await connection.close();
      await floorStack.stop();
      await engineStack.stop();
      stacks.length = 0;
      await t.stop();
      target = undefined;
      report();
    }
    return report();
  } finally {
    for (const stack of stacks) await stack.stop();
    await target?.stop();
    await db.destroy();
    await database.drop();
    if (profileDir && !opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

function latencyRow(name: string, run: CaseRun, which: 'start' | 'decision', opts: EngineBenchOptions) {
  return {
    ...run[which],
    name,
    concurrency: opts.concurrency,
    seconds: run.seconds,
    // Starts or decisions completed per second over the whole run (one start and three decisions a case).
    requestsPerSecond: run.seconds > 0 ? Math.round((run[which].count / run.seconds) * 10) / 10 : 0,
    errors: 0,
  };
}
