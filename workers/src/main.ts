// Worker composition root: connection, activities, workflow bundle, shutdown.
import { DefaultLogger, type LogLevel, NativeConnection, Runtime } from '@temporalio/worker';
import { createDb } from '@unionflow/db';
import { startTracing } from '@unionflow/telemetry';
import { reportParkedCases, workerTelemetry } from './observability/worker-metrics';
import { ensureSearchAttributes } from './search-attributes';
import { createCaseWorker } from './worker';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('✖ DATABASE_URL is not set. Start the platform with `pnpm start`, or set DATABASE_URL.');
  process.exit(1);
}
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';

const levels: LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
const wanted = (process.env.LOG_LEVEL ?? 'info').toUpperCase() as LogLevel;
const level = levels.includes(wanted) ? wanted : 'WARN';
const telemetryOptions = workerTelemetry(process.env);
Runtime.install({
  shutdownSignals: ['SIGINT', 'SIGTERM'],
  logger: new DefaultLogger(level),
  telemetryOptions,
});
const db = createDb(databaseUrl);
const stopReporting = telemetryOptions ? reportParkedCases(db, Runtime.instance().metricMeter) : () => {};
let connection: NativeConnection;
try {
  connection = await NativeConnection.connect({ address });
} catch (err) {
  console.error(`✖ Cannot reach Temporal at ${address}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
// TEMPORAL_TASK_QUEUE lets tests and scale-out runs use their own queue; gateways must use the same.
await ensureSearchAttributes(address, namespace);
const tracing = startTracing('unionflow-worker');
const worker = await createCaseWorker({
  connection,
  namespace,
  db,
  plugins: tracing ? [tracing.plugin] : [],
  taskQueue: process.env.TEMPORAL_TASK_QUEUE || undefined,
});
console.error(`worker ready on task queue ${worker.options.taskQueue} (${address}, namespace ${namespace})`);
await worker.run();
stopReporting();
await tracing?.shutdown();
await connection.close();
await db.destroy();
