import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createDb, migrateToLatest } from '@unionflow/db';
import { createTestDatabase, findFreePort, findRepoRoot, stopChild } from '@unionflow/devstack';
import { describe, expect, inject, it } from 'vitest';
import { workerTelemetry } from './worker-metrics';

describe('worker metrics', () => {
  it('are off unless WORKER_METRICS_PORT is set, and bind to loopback by default', () => {
    expect(workerTelemetry({})).toBeUndefined();
    expect(workerTelemetry({ WORKER_METRICS_PORT: '9464' })?.metrics).toMatchObject({
      prometheus: { bindAddress: '127.0.0.1:9464' },
    });
    expect(() => workerTelemetry({ WORKER_METRICS_PORT: 'http' })).toThrow(/not a port/);
  });

  it('a running worker serves the SDK metrics and the parked-case gauge in Prometheus format', async () => {
    const port = await findFreePort();
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
          TEMPORAL_TASK_QUEUE: `metrics-${port}`,
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
    } finally {
      await stopChild(worker, 'SIGTERM', 10_000);
      await database.drop();
    }
  }, 200_000);
});
