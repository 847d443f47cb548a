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
  /** An already bundled workflow (tests share one per run); by default the worker bundles its own. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/** The workflow bundle entry: the interpreter and nothing else. */
export const workflowsPath = fileURLToPath(new URL('../../workflows/src/workflows.ts', import.meta.url));

/**
 * How the worker bundles the workflows. The interpreter's modules are preloaded: evaluated once per
 * worker thread into the reusable V8 context and shared, deep-frozen, by every case, instead of being
 * evaluated again for each case the worker starts or replays (ADR 035: 5–18 ms of CPU per
 * replayed case). That is safe only while these modules keep no per-case state at
 * module level: module-scope values are constants, functions and pure caches.
 */
export const workflowBundlerOptions = { preloadModules: [workflowsPath] };

/** A worker running the case workflow and its activities. */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? CASE_TASK_QUEUE,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath, bundlerOptions: workflowBundlerOptions }),
    activities: createActivities(options),
    plugins: options.plugins,
  });
}
