import { Client, Connection } from '@temporalio/client';
import {
  createDb,
  type Database,
  migrateToLatest,
  seedDemoOrganisation,
  verifyAuditChain,
} from '@unionflow/db';
import { createTestDatabase, type TestDatabase } from '@unionflow/devstack';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { type BenchUser, createBenchUsers } from '../bench/bench-users';
import { type DriverContext, driveCase, type LedgerEntry } from '../bench/case-driver';
import { checkLedger, sweepOpenCases } from './ledger-check';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh database with the demo organisation and the load's 10 applicants and 30 reviewers. */
export async function prepareLoadDatabase(serverUrl: string): Promise<{
  database: TestDatabase;
  db: Kysely<Database>;
  users: { applicants: BenchUser[]; reviewers: BenchUser[] };
}> {
  const database = await createTestDatabase(serverUrl);
  const db = createDb(database.url, { max: 4 });
  await migrateToLatest(db);
  await seedDemoOrganisation(db);
  const users = await createBenchUsers(db, { applicants: 10, reviewers: 30 });
  return { database, db, users };
}

/** Load that keeps `loops` three-step cases in flight until stopped; crashes happen meanwhile. */
export interface Load {
  stop(): Promise<{ started: number; abandoned: number }>;
}

export function startLoad(ctx: DriverContext, loops: number): Load {
  let stopping = false;
  let n = 0;
  let started = 0;
  const abandoned: number[] = [];
  const running = Promise.all(
    Array.from({ length: loops }, async () => {
      while (!stopping) {
        const id = n++;
        started++;
        if (!(await driveCase(ctx, id))) abandoned.push(id);
      }
    }),
  );
  return {
    async stop() {
      stopping = true;
      await running;
      return { started, abandoned: abandoned.length };
    },
  };
}

/**
 * After the crashes: finishes what drivers abandoned, waits until Temporal runs nothing, then holds the
 * ledger against PostgreSQL and the histories (nothing lost, each decision applied once) and checks the
 * audit chain. `loops` is the least number of cases the run must have finished.
 */
export async function expectNothingLostOrDuplicated(args: {
  ctx: DriverContext;
  db: Kysely<Database>;
  temporalAddress: string;
  ledger: LedgerEntry[];
  loops: number;
  log: (line: string) => void;
}): Promise<void> {
  const { ctx, db, ledger, log } = args;
  await sweepOpenCases(ctx, db, 60_000);
  const connection = await Connection.connect({ address: args.temporalAddress });
  try {
    const client = new Client({ connection });
    // Visibility trails the histories by a moment: give the last completions time to show.
    let running = await client.workflow.count('ExecutionStatus="Running"');
    for (let i = 0; i < 40 && running.count > 0; i++) {
      await sleep(500);
      running = await client.workflow.count('ExecutionStatus="Running"');
    }
    if (running.count > 0) {
      for await (const wf of client.workflow.list({ query: 'ExecutionStatus="Running"' })) {
        const row = await db
          .selectFrom('cases')
          .select(['status', 'last_seq'])
          .where('id', '=', wf.workflowId.replace(/^case-/, ''))
          .executeTakeFirst();
        log(`still running: ${wf.workflowId} (read model: ${JSON.stringify(row ?? null)})`);
      }
    }
    expect(running.count).toBe(0);
    const { problems, cases, decisions } = await checkLedger(db, client, ledger);
    log(
      `${cases} cases, ${decisions} decisions, ledger ${ledger.length} entries (${ledger.filter((e) => e.result === 'observed').length} seen applied without an answer, ${ledger.filter((e) => e.keys.length > 1).length} needed a fresh Idempotency-Key); errors: ${JSON.stringify(Object.fromEntries(ctx.recorder.statuses))}`,
    );
    expect(problems).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(args.loops);
    expect(decisions).toBe(cases * 3);
  } finally {
    await connection.close();
  }
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBroken: null });
}
