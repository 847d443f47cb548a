import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '@unionflow/db';
import { startTracing } from '@unionflow/telemetry';
import { CASE_TASK_QUEUE } from '@unionflow/workflows';
import { buildApp } from './app';
import { requestIdInterceptor } from './observability';

/** Task queue the interpreter workers poll; overridable for side-by-side deployments. */

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required (for example postgres://postgres@127.0.0.1:5432/unionflow)`);
    process.exit(1);
  }
  return value;
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const databaseUrl = requireEnv('DATABASE_URL');
const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
const taskQueue = process.env.TEMPORAL_TASK_QUEUE ?? CASE_TASK_QUEUE;
const appsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps');

const db = createDb(databaseUrl);
const connection = await Connection.connect({ address: temporalAddress });
// Every start and update carries the request id into the workflow history.
// Traces reach the workflow and its activities only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
const tracing = startTracing('unionflow-gateway');
const client = new Client({
  connection,
  namespace,
  interceptors: { workflow: [requestIdInterceptor(), ...(tracing ? [tracing.clientInterceptor] : [])] },
});

const app = buildApp({
  db,
  databaseUrl,
  temporal: { client, namespace, taskQueue },
  staticRoot: appsRoot,
  trustProxy: process.env.TRUST_PROXY === 'true',
  metricsToken: process.env.METRICS_TOKEN || undefined,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  // Stop taking requests and let in-flight ones finish before closing what they use.
  const timer = setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 10_000);
  timer.unref();
  try {
    await app.close();
    await connection.close();
    await tracing?.shutdown();
    await db.destroy();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'error during shutdown');
    process.exit(1);
  }
}

process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ port, host });
} catch (error) {
  app.log.error({ err: error }, 'gateway failed to start');
  await connection.close();
  await db.destroy();
  process.exit(1);
}
