import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { isRunning } from './child-process';
import { DevstackError } from './errors';
import { lastLine } from './log';
import { isPortFree } from './ports';
import type { ClusterService } from './temporal-cluster-config';
import { SEARCH_ATTRIBUTES } from './temporal-server';

const KEYWORD = 2; // temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD

/** The cluster's service processes and where each logs. */
export interface ServiceProcesses {
  children: Map<ClusterService, ChildProcess>;
  logFile: (service: ClusterService) => string;
}

/** Throws a one-line error naming the service and its log when one of the processes has exited. */
function checkAlive({ children, logFile }: ServiceProcesses): void {
  for (const [service, child] of children) {
    if (!isRunning(child)) {
      throw new DevstackError(
        `Temporal ${service} exited while starting (${child.exitCode ?? child.signalCode}: ${lastLine(logFile(service))}); see ${logFile(service)}.`,
      );
    }
  }
}

/** Resolves once `service` listens on `port`; throws when it or another service exits first. */
export async function untilListening(
  service: ClusterService,
  port: number,
  processes: ServiceProcesses,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    checkAlive(processes);
    if (!(await isPortFree(port))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new DevstackError(
    `Temporal ${service} did not listen on port ${port} in time; see ${processes.logFile(service)}.`,
  );
}

/**
 * Registers `default` and the search attributes, then proves the namespace works end to end by
 * starting and terminating a probe workflow (history learns new namespaces from a cache).
 */
export async function registerNamespace(
  address: string,
  processes: ServiceProcesses,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    checkAlive(processes);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2000 });
      await connection.workflowService
        .registerNamespace({
          namespace: 'default',
          // protobufjs takes a plain number for int64; the generated typings only name Long.
          workflowExecutionRetentionPeriod: { seconds: (7 * 86_400) as never },
        })
        .catch((error: { code?: number }) => {
          if (error.code !== 6) throw error; // ALREADY_EXISTS: a restart
        });
      const existing = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      const missing = SEARCH_ATTRIBUTES.filter((name) => !(name in (existing.customAttributes ?? {})));
      if (missing.length > 0) {
        await connection.operatorService.addSearchAttributes({
          namespace: 'default',
          searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
        });
      }
      const client = new Client({ connection, namespace: 'default' });
      const probe = await client.workflow.start('devstackProbe', {
        taskQueue: 'devstack-probe',
        workflowId: `devstack-probe-${randomUUID()}`,
      });
      await probe.terminate('start-up probe');
      return;
    } catch (error) {
      lastError = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? lastError;
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await connection?.close().catch(() => {});
    }
  }
  throw new DevstackError(
    `The Temporal cluster did not become ready in ${Math.round(timeoutMs / 1000)} s (${lastError}); see the logs beside ${processes.logFile('frontend')}.`,
  );
}
