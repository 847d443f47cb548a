import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { startTracing } from '@unionflow/telemetry';
import { caseWorkflowId, decideUpdate } from '@unionflow/workflows';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { definition, endNode, review } from '../../test-support/definitions';
import { createEngineHarness, type EngineHarness } from '../../test-support/engine-harness';
import { createActivities } from '../activities/create-activities';
import { workflowsPath } from '../worker';

/** Everything an OTLP/HTTP exporter posts, as text (JSON by default for this exporter). */
const received: string[] = [];
const collector = createServer((request: IncomingMessage, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk.toString('latin1');
  });
  request.on('end', () => {
    received.push(body);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
let engine: EngineHarness;

beforeAll(async () => {
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  engine = await createEngineHarness();
}, 120_000);
afterAll(async () => {
  await engine?.close();
  collector.close();
});

describe('tracing', () => {
  it('is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
    expect(startTracing('unionflow-test', {})).toBeUndefined();
  });

  it('exports spans from the client Update, the workflow and its activities', async () => {
    const port = (collector.address() as AddressInfo).port;
    const tracing = startTracing('unionflow-test', {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    });
    if (!tracing) throw new Error('tracing should be on');
    // The harness's own worker gives way to a traced one on the same task queue.
    await engine.stopWorker();
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const worker = await Worker.create({
      connection,
      taskQueue: engine.taskQueue,
      workflowsPath,
      activities: createActivities({ db: engine.db }),
      plugins: [tracing.plugin],
    });
    const running = worker.run();
    try {
      const started = await engine.start(
        definition(`traced-${randomUUID().slice(0, 8)}`, [review('review', 'lina', 'end'), endNode()]),
        { title: '追踪' },
      );
      const [task] = await engine.openTasks(started.caseId);
      const client = new Client({
        connection: engine.client.connection,
        interceptors: { workflow: [tracing.clientInterceptor] },
      });
      const done = await client.workflow
        .getHandle(caseWorkflowId(started.caseId))
        .executeUpdate(decideUpdate, { args: [{ taskId: task!.id, actorId: 'u-lina', action: 'approve' }] });
      expect(done.status).toBe('completed');
    } finally {
      worker.shutdown();
      await running;
      await connection.close();
      await tracing.shutdown();
    }
    const spans = received.flatMap((body) => {
      const parsed = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: { name: string; traceId: string }[] }[] }[];
      };
      return parsed.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((scope) => scope.spans));
    });
    const names = spans.map((span) => span.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'StartWorkflowUpdate:decide',
        'HandleUpdate:decide',
        'RunWorkflow:caseWorkflow',
        'RunActivity:project',
      ]),
    );
  }, 180_000);
});
