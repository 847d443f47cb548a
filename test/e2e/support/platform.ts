import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createDb, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import type {} from '@unionflow/devstack';
import { createTestDatabase } from '@unionflow/devstack';
import { createCaseWorker } from '@unionflow/workers';
import { inject } from 'vitest';
import { buildApp } from '../../../gateway/src/app';
import { sharedWorkflowBundle } from '../../../workers/test-support/shared-workflow-bundle';

/** The repository's `apps/` folder: the gateway serves every built app from `<name>/dist`. */
export const appsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../apps');

/** A running platform for browser tests: gateway + worker over a fresh, seeded database. */
export interface Platform {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  db: ReturnType<typeof createDb>;
  taskQueue: string;
  close(): Promise<void>;
}

/** Fails early, with the command to run, when the apps were never built. */
export function assertAppsBuilt(names: string[] = ['shell']): void {
  const missing = names.filter((n) => !existsSync(path.join(appsRoot, n, 'dist', 'index.html')));
  if (missing.length) {
    throw new Error(`apps not built (${missing.join(', ')}): run pnpm --filter "./apps/**" build`);
  }
}

/**
 * Starts the real gateway (listening on 127.0.0.1, port 0) and a real case worker on its own task
 * queue, against the run's Temporal dev server and a new database on the run's PostgreSQL.
 */
export async function startPlatform(): Promise<Platform> {
  assertAppsBuilt();
  quietWorkerLogs();
  const database = await createTestDatabase(inject('databaseUrl'));
  const db = createDb(database.url, { max: 8 });
  const cleanups: (() => Promise<unknown>)[] = [() => database.drop(), () => db.destroy()];
  const close = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
  };
  try {
    await migrateToLatest(db);
    await seedDemoOrganisation(db);
    const address = inject('temporalAddress');
    const taskQueue = `e2e-${randomUUID()}`;

    const native = await NativeConnection.connect({ address });
    cleanups.push(() => native.close());
    const worker: Worker = await createCaseWorker({
      connection: native,
      db,
      taskQueue,
      workflowBundle: await sharedWorkflowBundle(),
    });
    const running = worker.run();
    cleanups.push(async () => {
      worker.shutdown();
      await running;
    });

    const connection = await Connection.connect({ address });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: 'default' });
    const app = buildApp({
      db,
      temporal: { client, namespace: 'default', taskQueue },
      staticRoot: appsRoot,
      // Live updates LISTEN on the same database the worker NOTIFYs on.
      databaseUrl: database.url,
      rateLimit: false,
      // The worker shares this process (in production it has its own): its workflow bundling pegs the
      // event loop for seconds, and the gateway would shed the first sign-ins as "overloaded".
      pressure: { maxEventLoopDelayMs: 600_000, maxEventLoopUtilization: 1 },
    });
    cleanups.push(() => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    if (!addr || typeof addr === 'string') throw new Error('gateway did not report a TCP address');
    return { baseUrl: `http://127.0.0.1:${addr.port}`, db, taskQueue, close };
  } catch (error) {
    await close();
    throw error;
  }
}

let runtimeInstalled = false;
// The SDK logs every worker state change at INFO; keep test output to warnings.
function quietWorkerLogs(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by someone else in this process: keep theirs.
  }
}
