// The floor's own worker process: SDK defaults, the floor workflow and its one local activity.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import pg from 'pg';
import { createFloorActivities } from './floor-activities';

const databaseUrl = process.env.DATABASE_URL;
const taskQueue = process.env.TEMPORAL_TASK_QUEUE;
if (!databaseUrl || !taskQueue) {
  console.error('floor worker: DATABASE_URL and TEMPORAL_TASK_QUEUE must be set');
  process.exit(1);
}
Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'], logger: new DefaultLogger('WARN') });
// The same pool size as the engine worker's (createDb's default).
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const connection = await NativeConnection.connect({
  address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
});
const worker = await Worker.create({
  connection,
  namespace: 'default',
  taskQueue,
  workflowsPath: fileURLToPath(new URL('./floor-workflow.ts', import.meta.url)),
  activities: createFloorActivities(pool),
});
console.error(`worker ready on task queue ${taskQueue}`);
await worker.run();
await connection.close();
await pool.end();
