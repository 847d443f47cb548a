import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@unionflow/db';
import type { TestDatabase } from '@unionflow/devstack';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { BenchUser } from '../bench/bench-users';
import { type DriverContext, type LedgerEntry, Recorder } from '../bench/case-driver';
import { type Stack, startStack } from '../bench/stack';
import { expectNothingLostOrDuplicated, prepareLoadDatabase, startLoad } from './load-under-crashes';

// CHAOS_LONG=1: more load, and the three crashes twice over; the short form fits CI.
const long = process.env.CHAOS_LONG === '1';
const loops = long ? 12 : 4;
const calm = long ? 8_000 : 3_000;

const log = (s: string) => console.log(`[chaos] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let database: TestDatabase;
let db: Kysely<Database>;
let stack: Stack;
let dataDir: string;
let users: { applicants: BenchUser[]; reviewers: BenchUser[] };

beforeAll(async () => {
  ({ database, db, users } = await prepareLoadDatabase(inject('databaseUrl')));
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
      const load = startLoad(ctx, loops);
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
      const { started, abandoned } = await load.stop();
      log(`${started} cases driven, ${abandoned} abandoned by their driver; sweeping…`);
      await expectNothingLostOrDuplicated({
        ctx,
        db,
        temporalAddress: stack.temporalAddress,
        ledger,
        loops,
        log,
      });
    },
    long ? 900_000 : 240_000,
  );
});
