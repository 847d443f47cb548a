// The Temporal floor (issue #17): the least a three-step approval must ask of Temporal. Started by
// update-with-start like a case, three approvals by Update, one PostgreSQL row per step through a
// local activity. No definition, no interpreter, no search attributes: what is left is Temporal's cost.
import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { FloorActivities } from './floor-activities';

/** Waits until the first step's row is written, like the engine's `ready` update. */
export const floorReadyUpdate = defineUpdate<number>('ready');
/** Approves the open step; resolves once the next step's row (or the closing row) is written. */
export const floorDecideUpdate = defineUpdate<number, [number]>('decide');

export const FLOOR_STEPS = 3;

const { writeStep } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '10s' });

export async function floorWorkflow(caseId: string): Promise<number> {
  // Step n's row means "step n is open"; row FLOOR_STEPS + 1 closes the case.
  let open = 0;
  let writing = false;
  setHandler(floorReadyUpdate, async () => {
    await condition(() => open >= 1);
    return open;
  });
  setHandler(
    floorDecideUpdate,
    async (step) => {
      writing = true;
      await writeStep(caseId, step + 1);
      open = step + 1;
      writing = false;
      return open;
    },
    {
      validator: (step) => {
        if (writing || step !== open || open > FLOOR_STEPS) throw new Error(`step ${step} is not open`);
      },
    },
  );
  await writeStep(caseId, 1);
  open = 1;
  await condition(() => open > FLOOR_STEPS && !writing);
  return open;
}
