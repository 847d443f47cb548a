import { Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_SERVICES } from './temporal-cluster-config';
import { SEARCH_ATTRIBUTES } from './temporal-server';
import { clusterBinariesInstalled } from './temporal-server-install';
import { startTestCluster, type TestCluster } from './test-cluster';
import { createTestDatabase, type TestDatabase } from './test-database';

const installed = clusterBinariesInstalled();
if (!installed) {
  console.warn(
    'Skipping the Temporal cluster tests: .tools/bin/server and sql are not installed (.ci/run builds them; so does pnpm start:cluster).',
  );
}

describe.skipIf(!installed)('startTemporalCluster', () => {
  let anchor: TestDatabase;
  let testCluster: TestCluster;

  beforeAll(async () => {
    anchor = await createTestDatabase();
    testCluster = await startTestCluster({ postgresUrl: anchor.url });
  }, 240_000);

  afterAll(async () => {
    await testCluster?.drop();
    await anchor?.drop();
  }, 60_000);

  it('runs each service as its own process with the shards asked for, the namespace and the search attributes', async () => {
    const { cluster } = testCluster;
    const pids = CLUSTER_SERVICES.map((service) => cluster.pid(service));
    expect(new Set(pids).size).toBe(4);
    for (const pid of pids) expect(() => process.kill(pid as number, 0)).not.toThrow();

    // Shards are rows of the main database once history owns them.
    const url = new URL(anchor.url);
    url.pathname = `/${testCluster.databases.main}`;
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      expect((await db.query<{ n: number }>('select count(*)::int as n from shards')).rows[0]?.n).toBe(4);
    } finally {
      await db.end();
    }

    const connection = await Connection.connect({ address: cluster.address });
    try {
      const attributes = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      expect(Object.keys(attributes.customAttributes ?? {})).toEqual(
        expect.arrayContaining([...SEARCH_ATTRIBUTES]),
      );
    } finally {
      await connection.close();
    }
    expect((await fetch(cluster.metricsUrls.history)).status).toBe(200);
  });

  it('applies the schema idempotently: a second start on the same databases comes up too', async () => {
    const cluster = await testCluster.startAgain();
    const connection = await Connection.connect({ address: cluster.address });
    try {
      const namespace = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(namespace.namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  }, 240_000);
});
