import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { createDb, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase, ensureTemporalCli, findRepoRoot } from '@unionflow/devstack';
import { caseWorkflowId } from '@unionflow/workflows';
import { sql } from 'kysely';
import { createBenchUsers } from './bench-users';
import { type DriverContext, driveCase, Recorder, startOnly } from './case-driver';
import { profileDirectory, profileMarkdown, summariseProfiles } from './cpu-profile';
import { floorPlayer } from './engine-cases';
import { FLOOR_TABLE_DDL } from './floor/floor-activities';
import { gatewayAb } from './flow-ab';
import { analyseBottleneck } from './flow-analysis';
import { type FlowRun, runFlow } from './flow-run';
import { breakdownMarkdown, type HistoryBreakdown, historyBreakdown } from './history-breakdown';
import { type ProcessGroup, ProcSampler } from './proc-sampler';
import { writeReport } from './report';
import { startStack } from './stack';

/** Options of the end-to-end flow benchmark (`pnpm bench --only flow`). */
export interface FlowBenchOptions {
  seconds: number;
  /** Case drivers for the three-step scenario. */
  concurrency: number;
  /** Applicant loops for the start-rate scenario. */
  startConcurrency: number;
  applicants: number;
  reviewers: number;
  profile: boolean;
  /** Keep the raw profiles here instead of a temporary directory. */
  profileDir?: string;
  /** Worker processes on the task queue. */
  workers: number;
  /** Dev server dynamic config (`KEY=VALUE`), to measure a proposed server setting against the default. */
  temporalDynamicConfig?: string[];
  /** Result file name under bench/results; default `flow`. */
  name?: string;
  /** Cases of the Temporal floor (ADR 030) played on the same Temporal after the flow runs; 0: none. */
  floorCases?: number;
  /**
   * Another checkout: its gateway runs beside this one on the same platform and each takes half the
   * case drivers, so both gateways' CPU per case is measured under the same load (`flow-gateway-ab`).
   */
  compareGateway?: string;
}

const HALF_CAPACITY = 'half of the capacity';

/**
 * Runs gateway, worker and Temporal dev server as separate processes over one PostgreSQL and drives
 * them over HTTP: unloaded latency, three-step cases under load, then the pure start rate.
 */
export async function flowBench(opts: FlowBenchOptions): Promise<string> {
  const log = (s: string) => console.log(`[bench] ${s}`);
  const root = findRepoRoot();
  const database = await createTestDatabase();
  const db = createDb(database.url, { max: 4 });
  const profileDir = profileDirectory(opts.profile, opts.profileDir);
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  try {
    await migrateToLatest(db);
    await seedDemoOrganisation(db);
    const users = await createBenchUsers(db, {
      applicants: opts.applicants,
      reviewers: opts.reviewers * 2,
    });
    const loadBefore = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const fsync = (await sql<{ fsync: string }>`SHOW fsync`.execute(db)).rows[0]?.fsync;
    stack = await startStack({
      databaseUrl: database.url,
      temporalCli: await ensureTemporalCli({ log }),
      gateways: opts.compareGateway ? 2 : 1,
      gatewayRoots: opts.compareGateway ? [undefined, opts.compareGateway] : undefined,
      workers: opts.workers,
      cpuProfileDir: profileDir,
      temporalDynamicConfig: opts.temporalDynamicConfig,
      log,
    });
    const s = stack;
    if (opts.compareGateway) {
      const md = await gatewayAb({
        root,
        stack: s,
        db,
        users,
        reviewers: opts.reviewers,
        concurrency: opts.concurrency,
        seconds: opts.seconds,
        compared: opts.compareGateway,
        name: opts.name ?? 'flow-gateway-ab',
        log,
      });
      await stack.stop();
      stack = undefined;
      return md;
    }
    const groups: ProcessGroup[] = [
      { name: 'gateway', pids: () => s.pids().gateways },
      { name: 'worker', pids: () => s.pids().workers },
      { name: 'temporal', pids: () => [s.pids().temporal ?? -1] },
      { name: 'postgresql', pids: () => postgresPids(db) },
      { name: 'load generator', pids: () => [process.pid] },
    ];
    // Connections of our database waiting, by what they wait on: the audit chain's advisory lock
    // serialises every projection, so its queue shows whether that is where time goes.
    const waiting = (what: string) => async () =>
      Number(
        (
          await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND wait_event = ${what}`.execute(db)
        ).rows[0]?.n ?? 0,
      );
    const gauges = {
      'waiting on advisory lock (audit chain)': waiting('advisory'),
      'waiting on WAL flush (commit)': waiting('WalSync'),
      'active backends': async () =>
        Number(
          (
            await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity
              WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`.execute(db)
          ).rows[0]?.n ?? 0,
        ),
    };
    // Reviewers of flowing cases and of the start-only backlog are kept apart, so backlog never
    // pushes a flowing case off the first inbox page.
    const ctx: DriverContext = {
      bases: s.gatewayUrls,
      applicants: users.applicants,
      reviewers: users.reviewers.slice(0, opts.reviewers),
      recorder: new Recorder(),
    };
    const backlog: DriverContext = { ...ctx, reviewers: users.reviewers.slice(opts.reviewers) };
    let n = 0;
    const flow = async (
      name: string,
      c: DriverContext,
      concurrency: number,
      seconds: number,
      drive: typeof driveCase,
      casesPerSecond?: number,
    ) => {
      log(
        `${name}: ${casesPerSecond ? `${casesPerSecond} cases/s started` : `${concurrency} loops`} for ${seconds} s…`,
      );
      const run = await runFlow(
        name,
        c,
        { concurrency, seconds, groups, firstCase: n, gauges, casesPerSecond },
        drive,
      );
      n += 1_000_000;
      log(
        `  started ${run.startedPerSecond}/s, completed ${run.completedPerSecond}/s, machine ${run.machineBusyPercent}% busy`,
      );
      return run;
    };

    await flow('warm-up', ctx, 4, 10, driveCase);
    const runs: FlowRun[] = [];
    const soloFrom = new Date();
    runs.push(await flow('one case at a time', ctx, 1, Math.min(20, opts.seconds), driveCase));
    const breakdown = await breakdownOf(db, s.temporalAddress, soloFrom, new Date());
    const loaded = await flow('three-step cases', ctx, opts.concurrency, opts.seconds, driveCase);
    runs.push(loaded);
    // The closed loops above saturate the machine: their completion rate is the capacity. At half of
    // it, cases arrive on a clock and the latency people feel is measured without a queue.
    const halfRate = Math.max(0.5, Math.round(loaded.completedPerSecond * 5) / 10);
    runs.push(await flow(HALF_CAPACITY, ctx, opts.concurrency, opts.seconds, driveCase, halfRate));
    runs.push(await flow('starts only', backlog, opts.startConcurrency, opts.seconds, startOnly));
    const floor = opts.floorCases
      ? await floorRun(db, database.url, s.temporalAddress, opts.floorCases, opts.concurrency, groups, log)
      : undefined;

    const roles = new Map<number, string>();
    for (const pid of s.pids().gateways) roles.set(pid, 'gateway');
    for (const pid of s.pids().workers) roles.set(pid, 'worker');
    const counts = await sql<{ status: string; n: string }>`
      SELECT status, count(*) AS n FROM cases GROUP BY status ORDER BY status`.execute(db);
    await stack.stop();
    stack = undefined;
    const profiles = profileDir ? summariseProfiles(profileDir) : [];

    const results = runs.flatMap((r) => r.latencies.map((l) => ({ ...l, name: `${r.name} · ${l.name}` })));
    const rateTable = [
      '## Sustained rates and resources',
      '',
      '| run | loops | s | started/s | completed 3-step/s | failed cases | machine busy % | PostgreSQL backends: active · on audit lock · on WAL flush (avg) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...runs.map(
        (r) =>
          `| ${r.name} | ${r.concurrency} | ${r.seconds} | ${r.startedPerSecond} | ${r.name === 'starts only' ? '—' : r.completedPerSecond} | ${r.failedCases} | ${r.machineBusyPercent} | ${['active backends', 'waiting on advisory lock (audit chain)', 'waiting on WAL flush (commit)'].map((g) => r.gauges[g] ?? '—').join(' · ')} |`,
      ),
      '',
      '| run | process | CPU avg % of a core | CPU max % | RSS max MiB | PSS max MiB | processes |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      ...runs.flatMap((r) =>
        r.usage.map(
          (u) =>
            `| ${r.name} | ${u.name} | ${u.cpuAvg} | ${u.cpuMax} | ${u.rssMiBMax} | ${u.pssMiBMax} | ${u.processes} |`,
        ),
      ),
    ].join('\n');
    const cpuTable = [
      '## CPU per case',
      '',
      'CPU time each process spent per completed three-step case (start, three decisions, the inbox polls and case views around them) and per started case in "starts only": CPU % × seconds ÷ cases. Less sensitive to other work on the machine than the rates.',
      '',
      `| run | per | ${runs[0]?.usage.map((u) => u.name).join(' | ')} | total |`,
      `| --- | --- | ${runs[0]?.usage.map(() => '---:').join(' | ')} | ---: |`,
      ...runs.map((r) => {
        const perCase = cpuMsPerCase(r);
        return `| ${r.name} | ${r.name === 'starts only' ? 'started case' : 'completed case'} | ${perCase.map((p) => p.ms).join(' | ')} | ${Math.round(perCase.reduce((sum, p) => sum + p.ms, 0))} |`;
      }),
    ].join('\n');
    const profileSections = profiles
      .filter((p) => p.busyPercent > 5)
      .slice(0, 4)
      .map((p) => profileMarkdown(`${roles.get(p.pid) ?? 'process'} · ${p.file}`, p));
    const analysis = analyseBottleneck(
      runs.filter((r) => r.name !== HALF_CAPACITY),
      profiles,
      { startTarget: 100, completeTarget: 30 },
    );
    const half = runs.find((r) => r.name === HALF_CAPACITY);
    const halfNext = half?.latencies.find((l) => l.name === 'decision → next task in inbox');
    const halfSection = half
      ? [
          '## Decision → next task at half of the capacity',
          '',
          `Capacity: ${loaded.completedPerSecond} completed three-step cases/s ("three-step cases", ${opts.concurrency} closed loops, machine ${loaded.machineBusyPercent} % busy). Half of it: new cases started on a clock at ${half.casesPerSecond}/s for ${half.seconds} s, each played by its own driver (at most ${half.concurrency} in flight); the machine was ${half.machineBusyPercent} % busy.`,
          '',
          '| scenario | samples | p50 ms | p95 ms | p99 ms | max ms |',
          '| --- | ---: | ---: | ---: | ---: | ---: |',
          ...half.latencies.map(
            (l) => `| ${l.name} | ${l.count} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.max} |`,
          ),
          '',
          `Target (issue #17): decision → next task in the inbox p99 ≤ 50 ms at half of the capacity: ${halfNext ? `${halfNext.p99} ms, ${halfNext.p99 <= 50 ? 'met' : 'missed'}` : 'not measured'}.`,
        ].join('\n')
      : '';
    const floorSection = floor ? floorMarkdown(floor, loaded, cpuMsPerCase(loaded)) : '';
    return writeReport(
      root,
      opts.name ?? 'flow',
      'End to end: submit, review, decide over HTTP with gateway, worker, Temporal and PostgreSQL as separate processes',
      results,
      {
        notes: [
          `One gateway (\`gateway/src/server.ts\`), ${opts.workers === 1 ? 'one worker' : `${opts.workers} workers`} (\`workers/src/main.ts\`), the Temporal dev server (in memory${opts.temporalDynamicConfig?.length ? `, with ${opts.temporalDynamicConfig.join(' ')}` : ', as devstack starts it'}) and PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'} (fsync ${fsync}); the load generator runs in a fifth process. All on the same machine.`,
          `${opts.applicants} applicants and ${opts.reviewers * 2} reviewers, each with a session and their own X-Forwarded-For; every write carries an Idempotency-Key, as the apps send it.`,
          'A case driver plays one case: the applicant submits; each of three reviewers polls their inbox every 10 ms until the task shows, opens the case and approves. "submit → task in inbox" runs from the start of the POST to the inbox answer that lists the task; "decision → next task in inbox" from the start of the approval to the next reviewer\'s inbox listing the next task.',
          '"starts only" loops submit cases that nobody reviews (the pure start rate).',
          `Load average (1, 5, 15 min) before the run: ${loadBefore}; after: ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}.`,
          `Cases in the database at the end: ${counts.rows.map((r) => `${r.status} ${r.n}`).join(', ')}.`,
          `Targets: ≥ 100 started cases/s, ≥ 30 completed three-step cases/s, decision → next task p95 ≤ 150 ms.`,
        ],
        metrics: {
          runs: runs.map(({ latencies: _l, ...r }) => ({ ...r, cpuMsPerCase: cpuMsPerCase(r) })),
          floor,
          halfCapacity: half ? { casesPerSecond: half.casesPerSecond, latencies: half.latencies } : undefined,
          breakdown,
          profiles,
        },
        sections: [
          rateTable,
          cpuTable,
          ...(floorSection ? [floorSection] : []),
          ...(halfSection ? [halfSection] : []),
          ...(breakdown
            ? [
                '## Workflow tasks per start and per decision',
                '',
                breakdownMarkdown(breakdown, `${breakdown.cases} cases of the one-at-a-time run`),
              ]
            : []),
          analysis,
          ...(profileSections.length ? ['## CPU profiles (busiest threads)', '', ...profileSections] : []),
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

/** CPU milliseconds each process group spent per case of a run (per started case for "starts only"). */
function cpuMsPerCase(r: Omit<FlowRun, 'latencies'>): { name: string; ms: number }[] {
  const cases = (r.name === 'starts only' ? r.startedPerSecond : r.completedPerSecond) * r.seconds;
  return r.usage.map((u) => ({
    name: u.name,
    ms: cases > 0 ? Math.round(((u.cpuAvg / 100) * r.seconds * 1000) / cases) : 0,
  }));
}

/** Workflow tasks, local activities and their timing, from the histories of cases started in a window. */
async function breakdownOf(
  db: ReturnType<typeof createDb>,
  temporalAddress: string,
  from: Date,
  to: Date,
): Promise<HistoryBreakdown | undefined> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .where('status', '=', 'completed')
    .orderBy('created_at')
    .limit(30)
    .execute();
  if (rows.length === 0) return undefined;
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    return await historyBreakdown(
      new Client({ connection }),
      rows.map((r) => caseWorkflowId(r.id)),
    );
  } finally {
    await connection.close();
  }
}

/** Backends of our database plus the server's own processes (writer, checkpointer, …) and postmaster. */
export async function postgresPids(db: ReturnType<typeof createDb>): Promise<number[]> {
  const { rows } = await sql<{ pid: number; me: number }>`
    SELECT pid, pg_backend_pid() AS me FROM pg_stat_activity
    WHERE datname = current_database() OR backend_type <> 'client backend'`
    .execute(db)
    .catch(() => ({ rows: [] as { pid: number; me: number }[] }));
  const pids = rows.map((r) => r.pid);
  const me = rows[0]?.me;
  if (me) {
    try {
      const stat = readFileSync(`/proc/${me}/stat`, 'utf8');
      pids.push(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // PostgreSQL on another machine or in another pid namespace: its processes are not ours to see.
    }
  }
  return pids;
}

/** The floor workflow's run on the stack's Temporal, with its own worker process. */
interface FloorRun {
  cases: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  machineBusyPercent: number;
  cpuMsPerCase: Record<string, number>;
}

/**
 * Plays `cases` floor cases (start and three Updates, test/bench/floor) at `concurrency` on the same
 * Temporal, after a warm-up: the rate and CPU the platform is compared with.
 */
async function floorRun(
  db: ReturnType<typeof createDb>,
  databaseUrl: string,
  temporalAddress: string,
  cases: number,
  concurrency: number,
  groups: ProcessGroup[],
  log: (s: string) => void,
): Promise<FloorRun> {
  await sql.raw(FLOOR_TABLE_DDL).execute(db);
  const floorStack = await startStack({
    databaseUrl,
    temporalCli: '',
    temporalAddress,
    gateways: 0,
    workers: 1,
    workerEntry: 'test/bench/floor/floor-worker.ts',
    log,
  });
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection });
    const player = floorPlayer(db, client, floorStack.taskQueue, 'flow');
    const sampler = (): ProcessGroup[] => [
      { name: 'worker', pids: () => floorStack.pids().workers },
      ...groups.filter(
        (g) => g.name === 'temporal' || g.name === 'postgresql' || g.name === 'load generator',
      ),
    ];
    let next = 0;
    const play = async (n: number) => {
      let left = n;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (left > 0) {
            left -= 1;
            await player.play(next++, 3);
          }
        }),
      );
    };
    log(`floor: warm-up, then ${cases} cases, ${concurrency} at a time…`);
    await play(Math.max(20, concurrency * 2));
    const proc = new ProcSampler(sampler());
    proc.start();
    const begin = performance.now();
    await play(cases);
    const seconds = (performance.now() - begin) / 1000;
    const usage = await proc.stop();
    const run: FloorRun = {
      cases,
      concurrency,
      seconds: Math.round(seconds * 10) / 10,
      perSecond: Math.round((cases / seconds) * 10) / 10,
      machineBusyPercent: usage.machineBusyPercent,
      cpuMsPerCase: Object.fromEntries(
        usage.groups.map((u) => [u.name, Math.round(((u.cpuAvg / 100) * seconds * 1000) / cases)]),
      ),
    };
    log(`  floor ${run.perSecond}/s, CPU ms per case ${JSON.stringify(run.cpuMsPerCase)}`);
    return run;
  } finally {
    await connection.close();
    await floorStack.stop();
  }
}

/** The platform over HTTP beside the floor: rate and CPU per case as ratios. */
function floorMarkdown(
  floor: FloorRun,
  loaded: Omit<FlowRun, 'latencies'>,
  perCase: { name: string; ms: number }[],
): string {
  const platform = ['gateway', 'worker', 'temporal', 'postgresql'];
  const stackMs = perCase.filter((p) => platform.includes(p.name)).reduce((a, p) => a + p.ms, 0);
  const floorMs = platform.reduce((a, name) => a + (floor.cpuMsPerCase[name] ?? 0), 0);
  const rate = floor.perSecond > 0 ? loaded.completedPerSecond / floor.perSecond : Number.NaN;
  const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : '—');
  return [
    '## Against the Temporal floor',
    '',
    `The floor workflow (ADR 030: start, three Updates, one row per step; its own worker process) played ${floor.cases} cases on the same Temporal right after the runs above, ${floor.concurrency} at a time, without gateway or HTTP. The full stack's figures are those of "three-step cases".`,
    '',
    '| run | cases/s | machine busy % | gateway | worker | temporal | postgresql | platform CPU ms per case |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| Temporal floor | ${floor.perSecond} | ${floor.machineBusyPercent} | — | ${floor.cpuMsPerCase.worker ?? '—'} | ${floor.cpuMsPerCase.temporal ?? '—'} | ${floor.cpuMsPerCase.postgresql ?? '—'} | ${floorMs} |`,
    `| full stack over HTTP | ${loaded.completedPerSecond} | ${loaded.machineBusyPercent} | ${perCase
      .map((p) => (platform.includes(p.name) ? p.ms : null))
      .filter((x) => x !== null)
      .join(' | ')} | ${stackMs} |`,
    '',
    `- Rate: the full stack completes ${pct(rate)} of the floor's cases per second (issue #17: ≥ 75 %).`,
    `- CPU: the floor's platform CPU per case is ${pct(floorMs / stackMs)} of the full stack's; on a machine both saturate, that is the rate ratio the CPU alone allows, less sensitive to the other load of the moment than the measured rates.`,
  ].join('\n');
}
