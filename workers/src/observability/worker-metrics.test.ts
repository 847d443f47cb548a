import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import {
  allocateCaseNumber,
  createDb,
  migrateToLatest,
  publishDefinition,
  seedDemoOrganisation,
} from '@unionflow/db';
import {
  createTestDatabase,
  dashboardSeries,
  findFreePort,
  findRepoRoot,
  stopChild,
} from '@unionflow/devstack';
import { type CaseInput, caseWorkflowId } from '@unionflow/workflows';
import { describe, expect, inject, it } from 'vitest';
import { definition, endNode } from '../../test-support/definitions';
import { zhangwei } from '../../test-support/engine-harness';
import { workerTelemetry } from './worker-metrics';

/** Starts a case that ends at once on the spawned worker's queue: it is projected twice. */
async function runOneCase(databaseUrl: string, taskQueue: string): Promise<void> {
  const db = createDb(databaseUrl, { max: 1 });
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  try {
    await seedDemoOrganisation(db);
    const published = await publishDefinition(db, definition(`lag-${taskQueue}`, [endNode()]), null);
    const caseId = randomUUID();
    const input: CaseInput = {
      caseId,
      caseNumber: await allocateCaseNumber(db),
      title: 'projection lag',
      definition: published,
      applicant: zhangwei,
      data: { title: 'projection lag' },
    };
    const handle = await new Client({ connection }).workflow.start('caseWorkflow', {
      workflowId: caseWorkflowId(caseId),
      taskQueue,
      args: [input],
    });
    await handle.result();
  } finally {
    await connection.close();
    await db.destroy();
  }
}

describe('worker metrics', () => {
  it('are off unless WORKER_METRICS_PORT is set, and bind to loopback by default', () => {
    expect(workerTelemetry({})).toBeUndefined();
    expect(workerTelemetry({ WORKER_METRICS_PORT: '9464' })?.metrics).toMatchObject({
      prometheus: { bindAddress: '127.0.0.1:9464' },
    });
    expect(() => workerTelemetry({ WORKER_METRICS_PORT: 'http' })).toThrow(/not a port/);
  });

  it('a running worker serves the SDK metrics, the parked-case gauge and the projection lag', async () => {
    const port = await findFreePort();
    const taskQueue = `metrics-${port}`;
    const database = await createTestDatabase(inject('databaseUrl'));
    const db = createDb(database.url, { max: 1 });
    await migrateToLatest(db);
    await db.destroy();
    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', join(findRepoRoot(), 'workers', 'src', 'main.ts')],
      {
        cwd: findRepoRoot(),
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          TEMPORAL_ADDRESS: inject('temporalAddress'),
          TEMPORAL_TASK_QUEUE: taskQueue,
          WORKER_METRICS_PORT: String(port),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    worker.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      await expect
        .poll(() => stderr.includes('worker ready') || worker.exitCode !== null, {
          timeout: 150_000,
          interval: 500,
        })
        .toBe(true);
      expect(worker.exitCode, stderr).toBeNull();
      let body = '';
      await expect
        .poll(
          async () => {
            body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
            return /^(temporal_)?unionflow_parked_cases\S* 0$/m.test(body);
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBe(true);
      // The SDK's own (task latency and schedule-to-start join them once tasks run).
      expect(body).toContain('temporal_worker_task_slots_available');
      expect(body).toContain('temporal_num_pollers');

      // A case's projections move the lag histogram (no case has run on this worker before).
      expect(body).not.toMatch(/unionflow_projection_lag_seconds_count\S* [1-9]/);
      await runOneCase(database.url, taskQueue);
      await expect
        .poll(
          async () => {
            body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
            return /unionflow_projection_lag_seconds_count\S* [1-9]/m.test(body);
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBe(true);
      // Every series the operators' dashboard (deploy/grafana) queries from the worker is served.
      const wanted = dashboardSeries('unionflow-worker');
      expect(wanted).toContain('unionflow_projection_lag_seconds_bucket');
      const exposed = new Set(body.split('\n').map((line) => line.split(/[{ ]/)[0]));
      expect(wanted.filter((name) => !exposed.has(name))).toEqual([]);
    } finally {
      await stopChild(worker, 'SIGTERM', 10_000);
      await database.drop();
    }
  }, 200_000);
});
