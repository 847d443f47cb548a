import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  Client,
  Connection,
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFloorActivities, FLOOR_TABLE_DDL } from './floor-activities';
import { floorDecideUpdate, floorReadyUpdate } from './floor-workflow';

// The floor is only a fair yardstick if it does the work a three-step approval must do: this checks
// that work (a row per step, an Update per step, a stale step refused, the case closed), not its speed.
let pool: pg.Pool;
let nativeConnection: NativeConnection;
let connection: Connection;
let client: Client;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `floor-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
  await pool.query(FLOOR_TABLE_DDL);
  nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
  worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowsPath: fileURLToPath(new URL('./floor-workflow.ts', import.meta.url)),
    activities: createFloorActivities(pool),
  });
  running = worker.run();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection });
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await connection?.close();
  await nativeConnection?.close();
  await pool?.end();
});

const steps = async (caseId: string) =>
  (
    await pool.query<{ step: number }>(
      'select step from bench_floor_steps where case_id = $1 order by step',
      [caseId],
    )
  ).rows.map((r) => r.step);

describe('the Temporal floor of the engine benchmark', () => {
  it('opens the first step on start, writes one row per approval and closes after the third', async () => {
    const caseId = `floor-test-${randomUUID()}`;
    const opened = await client.workflow.executeUpdateWithStart(floorReadyUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation('floorWorkflow', {
        workflowId: caseId,
        taskQueue,
        args: [caseId],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    expect(opened).toBe(1);
    expect(await steps(caseId)).toEqual([1]);
    const handle = client.workflow.getHandle(caseId);
    const stale = await handle.executeUpdate(floorDecideUpdate, { args: [2] }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((stale as WorkflowUpdateFailedError).cause?.message).toMatch(/step 2 is not open/);
    for (const step of [1, 2, 3]) {
      expect(await handle.executeUpdate(floorDecideUpdate, { args: [step] })).toBe(step + 1);
    }
    expect(await handle.result()).toBe(4);
    expect(await steps(caseId)).toEqual([1, 2, 3, 4]);
  });
});
