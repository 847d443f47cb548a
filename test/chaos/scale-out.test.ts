import { Client, Connection } from '@temporalio/client';
import { createDb, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase, type TestDatabase } from '@unionflow/devstack';
import { caseWorkflowId } from '@unionflow/workflows';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BenchUser, createBenchUsers, THREE_STEPS } from '../bench/bench-users';
import { type DriverContext, driveCase, Recorder } from '../bench/case-driver';
import { ProcSampler } from '../bench/proc-sampler';
import { type EventStream, openEventStream } from '../bench/sse-client';
import { type Stack, startStack } from '../bench/stack';

const log = (s: string) => console.log(`[scale-out] ${s}`);
let database: TestDatabase;
let db: ReturnType<typeof createDb>;
let stack: Stack;
let users: { applicants: BenchUser[]; reviewers: BenchUser[] };

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'));
  db = createDb(database.url, { max: 4 });
  await migrateToLatest(db);
  await seedDemoOrganisation(db);
  users = await createBenchUsers(db, { applicants: 8, reviewers: 16 });
  // Two of each stateless process against the run's one Temporal server and one database.
  stack = await startStack({
    databaseUrl: database.url,
    temporalCli: inject('temporalCli'),
    temporalAddress: inject('temporalAddress'),
    gateways: 2,
    workers: 2,
    log,
  });
});

afterAll(async () => {
  await stack?.stop();
  await db?.destroy();
  await database?.drop();
});

describe('two workers and two gateways on one Temporal and one PostgreSQL', () => {
  it('spreads the load over both of each, and live updates reach users on either gateway', async () => {
    const [g0, g1] = stack.gatewayUrls as [string, string];
    // Everyone listens on one gateway; writes go through both, so most events cross gateways.
    const streams: EventStream[] = [...users.applicants, ...users.reviewers].map((u, i) =>
      openEventStream(i % 2 === 0 ? g0 : g1, u),
    );
    await Promise.all(streams.map((s) => s.ready));
    const pids = stack.pids();
    const sampler = new ProcSampler([
      { name: 'gateway-0', pids: () => [pids.gateways[0]!] },
      { name: 'gateway-1', pids: () => [pids.gateways[1]!] },
      { name: 'worker-0', pids: () => [pids.workers[0]!] },
      { name: 'worker-1', pids: () => [pids.workers[1]!] },
    ]);
    const ctx: DriverContext = {
      bases: [g0, g1],
      applicants: users.applicants,
      reviewers: users.reviewers,
      recorder: new Recorder(),
    };
    sampler.start();
    const cases = 24;
    let next = 0;
    const results = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const ok: boolean[] = [];
        while (next < cases) ok.push(await driveCase(ctx, next++));
        return ok;
      }),
    );
    const usage = await sampler.stop();
    expect(results.flat().every(Boolean)).toBe(true);
    log(`CPU while driving ${cases} cases: ${usage.groups.map((g) => `${g.name} ${g.cpuAvg}%`).join(', ')}`);
    for (const g of usage.groups) expect(g.cpuAvg, `${g.name} did work`).toBeGreaterThan(1);

    // Both workers ran workflow tasks: the history names the process of each. (Database activities run
    // as local activities inside those tasks, so workflow tasks are where the load shows.)
    const rows = await db.selectFrom('cases').select('id').where('process_key', '=', THREE_STEPS).execute();
    expect(rows).toHaveLength(cases);
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const byPid = new Map<string, { workflowTasks: number; activities: number }>();
    try {
      const client = new Client({ connection });
      for (const { id } of rows) {
        const history = await client.workflow.getHandle(caseWorkflowId(id)).fetchHistory();
        for (const e of history.events ?? []) {
          const wft = e.workflowTaskCompletedEventAttributes?.identity;
          const act = e.activityTaskStartedEventAttributes?.identity;
          const pid = (wft ?? act)?.split('@')[0];
          if (!pid) continue;
          const entry = byPid.get(pid) ?? { workflowTasks: 0, activities: 0 };
          if (wft) entry.workflowTasks++;
          else entry.activities++;
          byPid.set(pid, entry);
        }
      }
    } finally {
      await connection.close();
    }
    log(`work by worker pid: ${JSON.stringify(Object.fromEntries(byPid))}`);
    for (const pid of pids.workers) {
      expect(byPid.get(String(pid))?.workflowTasks ?? 0, `worker ${pid} workflow tasks`).toBeGreaterThan(0);
    }

    // Every person concerned by a case heard about it on their own stream, whichever gateway they use.
    const concerned = await db
      .selectFrom('tasks')
      .select(['case_id', 'assignee_id'])
      .where(
        'case_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const applicants = await db
      .selectFrom('cases')
      .select(['id as case_id', 'applicant_id as assignee_id'])
      .where('process_key', '=', THREE_STEPS)
      .execute();
    await new Promise((r) => setTimeout(r, 500));
    const missing = [...concerned, ...applicants].filter((c) => {
      const stream = streams.find((s) => s.user.id === c.assignee_id);
      return !stream?.cases.has(c.case_id);
    });
    for (const s of streams) s.close();
    expect(missing).toEqual([]);
    const perGateway = [g0, g1].map((g) =>
      streams.filter((s) => s.base === g).reduce((n, s) => n + s.cases.size, 0),
    );
    log(`case events delivered per gateway: ${perGateway.join(', ')}`);
    expect(perGateway.every((n) => n > 0)).toBe(true);
  }, 180_000);
});
