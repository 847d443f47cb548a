import { randomUUID } from 'node:crypto';
import {
  type ClusterService,
  clusterBinariesInstalled,
  createTestDatabase,
  startTestCluster,
  type TemporalCluster,
  type TestCluster,
  type TestDatabase,
} from '@unionflow/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition, endNode, review } from '../../workers/test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../workers/test-support/engine-harness';

const installed = clusterBinariesInstalled();
if (!installed) {
  console.warn(
    'Skipping the cluster journey: .tools/bin/server and sql are not installed (.ci/run builds them in the background; so does pnpm start:cluster).',
  );
}

const twoSteps = definition('cluster-two-steps', [
  review('grassroots', 'lina', 'committee'),
  review('committee', 'wangfang', 'end'),
  endNode(),
]);

/** Retries an Update with the same id until the cluster answers: a retry never applies it twice. */
async function untilAnswered<T>(call: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

describe.skipIf(!installed)('the platform on the Temporal cluster profile', () => {
  let appDb: TestDatabase;
  let testCluster: TestCluster;
  let cluster: TemporalCluster;
  let engine: EngineHarness;

  beforeAll(async () => {
    appDb = await createTestDatabase();
    testCluster = await startTestCluster({ postgresUrl: appDb.url });
    cluster = testCluster.cluster;
    engine = await createEngineHarness({ databaseUrl: appDb.url, temporalAddress: cluster.address });
  }, 300_000);

  afterAll(async () => {
    // The worker first: it would poll a stopped cluster and log every retry.
    await engine?.stopWorker();
    await testCluster?.drop();
    await engine?.close();
    await appDb?.drop();
  }, 120_000);

  it('runs a case from application to completion, read model and timeline included', async () => {
    const started = await engine.start(twoSteps, { title: '集群上的第一个案件' });
    const [first] = await engine.openTasks(started.caseId);
    await engine.decide(started.caseId, { taskId: first!.id, actorId: 'u-lina', action: 'approve' });
    const [second] = await engine.openTasks(started.caseId);
    expect(second?.candidates).toEqual(['u-wangfang']);
    const done = await engine.decide(started.caseId, {
      taskId: second!.id,
      actorId: 'u-wangfang',
      action: 'approve',
    });
    expect(done.status).toBe('completed');
    expect(await engine.caseRow(started.caseId)).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect(await engine.timelineTypes(started.caseId)).toEqual([
      'case-started',
      'step-opened',
      'approved',
      'step-completed',
      'step-opened',
      'approved',
      'step-completed',
      'case-ended',
    ]);
  }, 120_000);

  it('loses and duplicates nothing when history and matching are SIGKILLed with decisions in flight', async () => {
    const cases = await Promise.all(
      Array.from({ length: 6 }, (_, i) => engine.start(twoSteps, { title: `压力案件 ${i}` })),
    );
    const decideStep = async (caseId: string, actorId: string) => {
      const [task] = await untilAnswered(async () => {
        const open = await engine.openTasks(caseId);
        if (open.length === 0) throw new Error('no open task yet');
        return open;
      });
      const updateId = randomUUID();
      return untilAnswered(() =>
        engine.decide(caseId, { taskId: task!.id, actorId, action: 'approve' }, updateId),
      );
    };
    const inFlight = cases.map(async (c) => {
      await decideStep(c.caseId, 'u-lina');
      return decideStep(c.caseId, 'u-wangfang');
    });
    const crash = async (service: ClusterService) => {
      cluster.kill(service, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 1000));
      await cluster.restart(service);
    };
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([crash('history'), crash('matching')]);
    await Promise.all(inFlight);

    for (const c of cases) {
      expect(await engine.caseRow(c.caseId)).toMatchObject({ status: 'completed', outcome: 'approved' });
      const types = await engine.timelineTypes(c.caseId);
      expect(types.filter((t) => t === 'approved')).toHaveLength(2);
      expect(types.filter((t) => t === 'case-ended')).toHaveLength(1);
    }
  }, 240_000);
});
