import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createDb, migrateToLatest, seedDemoOrganisation, verifyAuditChain } from '@unionflow/db';
import { createTestDatabase, type TestDatabase } from '@unionflow/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BenchUser, createBenchUsers } from '../bench/bench-users';
import { type DriverContext, driveCase, type LedgerEntry, Recorder } from '../bench/case-driver';
import { type Stack, startStack } from '../bench/stack';
import { checkLedger, sweepOpenCases } from './ledger-check';

// CHAOS_LONG=1: more load, and the three crashes twice over; the short form fits CI.
const long = process.env.CHAOS_LONG === '1';
const loops = long ? 12 : 4;
const calm = long ? 8_000 : 3_000;

const log = (s: string) => console.log(`[chaos] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let database: TestDatabase;
let db: ReturnType<typeof createDb>;
let stack: Stack;
let dataDir: string;
let users: { applicants: BenchUser[]; reviewers: BenchUser[] };

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'));
  db = createDb(database.url, { max: 4 });
  await migrateToLatest(db);
  await seedDemoOrganisation(db);
  users = await createBenchUsers(db, { applicants: 10, reviewers: 30 });
  dataDir = mkdtempSync(join(tmpdir(), 'uf-chaos-'));
  // A file-backed dev server: killed and restarted on the same port, it keeps every workflow.
  stack = await startStack({
    databaseUrl: database.url,
    temporalCli: inject('temporalCli'),
    temporalDbFile: join(dataDir, 'temporal.db'),
    gateways: 1,
    workers: 1,
    log,
  });
});

afterAll(async () => {
  await stack?.stop();
  await db?.destroy();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('crashes under load', () => {
  it(
    'SIGKILL worker, gateway and Temporal in turn: every case ends, each decision applied once, audit intact',
    async () => {
      const ledger: LedgerEntry[] = [];
      const ctx: DriverContext = {
        bases: stack.gatewayUrls,
        applicants: users.applicants,
        reviewers: users.reviewers,
        recorder: new Recorder(),
        ledger,
        visibleTimeoutMs: 120_000,
      };
      let stop = false;
      let n = 0;
      let started = 0;
      const failed: number[] = [];
      const load = Promise.all(
        Array.from({ length: loops }, async () => {
          while (!stop) {
            const id = n++;
            started++;
            if (!(await driveCase(ctx, id))) failed.push(id);
          }
        }),
      );

      for (let round = 0; round < (long ? 2 : 1); round++) {
        await sleep(calm);
        log('SIGKILL worker');
        await stack.killWorker(0);
        await stack.startWorker(0);
        await sleep(calm);
        log('SIGKILL gateway');
        await stack.killGateway(0);
        await stack.startGateway(0);
        await sleep(calm);
        log('SIGKILL Temporal');
        await stack.killTemporal();
        await sleep(1000);
        await stack.startTemporal();
      }
      await sleep(calm);
      stop = true;
      await load;
      log(`${started} cases driven, ${failed.length} abandoned by their driver; sweeping…`);
      await sweepOpenCases(ctx, db, 60_000);

      const connection = await Connection.connect({ address: stack.temporalAddress });
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
        expect(cases).toBeGreaterThanOrEqual(loops);
        expect(decisions).toBe(cases * 3);
      } finally {
        await connection.close();
      }
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBroken: null });
    },
    long ? 900_000 : 240_000,
  );
});
