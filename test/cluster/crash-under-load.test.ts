import type { Database } from '@unionflow/db';
import {
  type ClusterService,
  clusterBinariesInstalled,
  startTestCluster,
  type TestCluster,
  type TestDatabase,
} from '@unionflow/devstack';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { BenchUser } from '../bench/bench-users';
import { type DriverContext, type LedgerEntry, Recorder } from '../bench/case-driver';
import { type Stack, startStack } from '../bench/stack';
import { expectNothingLostOrDuplicated, prepareLoadDatabase, startLoad } from '../chaos/load-under-crashes';

// The production shape under the same load and ledger as test/chaos: the platform's own processes stay
// up while Temporal's history and matching services are SIGKILLed (each its own process here).
const installed = clusterBinariesInstalled();
if (!installed) {
  console.warn(
    'Skipping the cluster crash test: .tools/bin/server and sql are not installed (.ci/run builds them in the background; so does pnpm start:cluster).',
  );
}

const loops = 4;
const calm = 3_000;
const log = (s: string) => console.log(`[cluster chaos] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!installed)('crashes under load on the Temporal cluster profile', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let testCluster: TestCluster;
  let stack: Stack;
  let users: { applicants: BenchUser[]; reviewers: BenchUser[] };

  beforeAll(async () => {
    ({ database, db, users } = await prepareLoadDatabase(inject('databaseUrl')));
    testCluster = await startTestCluster({ postgresUrl: database.url });
    stack = await startStack({
      databaseUrl: database.url,
      temporalCli: inject('temporalCli'),
      temporalAddress: testCluster.cluster.address,
      gateways: 1,
      workers: 1,
      log,
    });
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
    await testCluster?.drop();
    await db?.destroy();
    await database?.drop();
  }, 120_000);

  it('SIGKILL history, then matching, then both: every case ends, each decision applied once, audit intact', async () => {
    const ledger: LedgerEntry[] = [];
    const ctx: DriverContext = {
      bases: stack.gatewayUrls,
      applicants: users.applicants,
      reviewers: users.reviewers,
      recorder: new Recorder(),
      ledger,
      visibleTimeoutMs: 120_000,
    };
    const cluster = testCluster.cluster;
    const crash = async (services: ClusterService[]) => {
      log(`SIGKILL ${services.join(' + ')}`);
      for (const s of services) cluster.kill(s, 'SIGKILL');
      await sleep(1000);
      await Promise.all(services.map((s) => cluster.restart(s)));
    };
    const load = startLoad(ctx, loops);
    await sleep(calm);
    await crash(['history']);
    await sleep(calm);
    await crash(['matching']);
    await sleep(calm);
    await crash(['history', 'matching']);
    await sleep(calm);
    const { started, abandoned } = await load.stop();
    log(`${started} cases driven, ${abandoned} abandoned by their driver; sweeping…`);
    await expectNothingLostOrDuplicated({
      ctx,
      db,
      temporalAddress: cluster.address,
      ledger,
      loops,
      log,
    });
  }, 400_000);
});
