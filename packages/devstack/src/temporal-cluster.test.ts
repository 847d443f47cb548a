import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from './repo-root';
import { startTemporalCluster, type TemporalCluster } from './temporal-cluster';
import { CLUSTER_SERVICES } from './temporal-cluster-config';
import { SEARCH_ATTRIBUTES } from './temporal-server';
import { ensureTemporalServer } from './temporal-server-install';
import { createTestDatabase, type TestDatabase } from './test-database';

const tools = join(findRepoRoot(), '.tools', 'bin');
const installed = existsSync(join(tools, 'server')) && existsSync(join(tools, 'sql'));
if (!installed) {
  console.warn(
    `Skipping the Temporal cluster tests: ${tools}/server and sql are not installed (.ci/run builds them; or run pnpm start --cluster once).`,
  );
}

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(!installed)('startTemporalCluster', () => {
  const suffix = randomBytes(4).toString('hex');
  const databases = { main: `uf_temporal_${suffix}`, visibility: `uf_temporal_vis_${suffix}` };
  let anchor: TestDatabase;
  let dir: string;
  let cluster: TemporalCluster;

  beforeAll(async () => {
    anchor = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'uf-cluster-'));
    cluster = await startTemporalCluster({
      binaries: await ensureTemporalServer({ toolsDir: tools }),
      postgresUrl: anchor.url,
      databases,
      shards: 4,
      dir,
      ports: 'free',
    });
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
    for (const name of Object.values(databases)) {
      await adminQuery(anchor.url, `drop database if exists ${name} with (force)`).catch(() => {});
    }
    await anchor?.drop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('runs each service as its own process with the shards asked for, the namespace and the search attributes', async () => {
    const pids = CLUSTER_SERVICES.map((service) => cluster.pid(service));
    expect(new Set(pids).size).toBe(4);
    for (const pid of pids) expect(() => process.kill(pid as number, 0)).not.toThrow();

    const url = new URL(anchor.url);
    url.pathname = `/${databases.main}`;
    const shards = await adminQuery(url.toString(), 'select count(*)::int as n from shards');
    expect(shards.rows[0].n).toBe(4);

    const connection = await Connection.connect({ address: cluster.address });
    try {
      const attributes = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      expect(Object.keys(attributes.customAttributes ?? {})).toEqual(
        expect.arrayContaining([...SEARCH_ATTRIBUTES]),
      );
    } finally {
      await connection.close();
    }
    const metrics = await fetch(cluster.metricsUrls.history);
    expect(metrics.status).toBe(200);
  });

  it('applies the schema idempotently: a second start on the same databases comes up too', async () => {
    await cluster.stop();
    cluster = await startTemporalCluster({
      binaries: await ensureTemporalServer({ toolsDir: tools }),
      postgresUrl: anchor.url,
      databases,
      shards: 4,
      dir,
      ports: 'free',
    });
    const connection = await Connection.connect({ address: cluster.address });
    try {
      const namespace = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(namespace.namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  }, 240_000);
});
