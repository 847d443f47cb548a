import { fileURLToPath } from 'node:url';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { CASE_TASK_QUEUE } from '@unionflow/workflows';
import type { ActivityDeps } from './activities/create-activities';
import { createActivities } from './activities/create-activities';

export interface CaseWorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  namespace?: string;
  taskQueue?: string;
  /** Worker plugins, e.g. OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  plugins?: WorkerOptions['plugins'];
}

/** The workflow bundle entry: the interpreter and nothing else. */
export const workflowsPath = fileURLToPath(new URL('../../workflows/src/workflows.ts', import.meta.url));

/** A worker running the case workflow and its activities. */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? CASE_TASK_QUEUE,
    workflowsPath,
    activities: createActivities(options),
    plugins: options.plugins,
  });
}
