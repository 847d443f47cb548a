import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import { allocateCaseNumber, type createDb } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { caseWorkflowId } from '@unionflow/workflows';
import { sql } from 'kysely';
import { caseIdFor, sendDecision, startCase } from '../../gateway/src/cases/engine-client';
import type { TemporalContext } from '../../gateway/src/plugins/temporal';
import type { BenchUser } from './bench-users';
import { FLOOR_STEPS, floorDecideUpdate, floorReadyUpdate } from './floor/floor-workflow';

type Db = ReturnType<typeof createDb>;

/** Plays case number `n`: its start, then `decisions` approvals, each timed into the player's samples. */
export interface CasePlayer {
  play(n: number, decisions: number): Promise<void>;
  startLatency: number[];
  decideLatency: number[];
  /** Workflow ids of the cases started since the last reset, in order. */
  workflowIds: string[];
  reset(): void;
}

function samples() {
  const player = {
    startLatency: [] as number[],
    decideLatency: [] as number[],
    workflowIds: [] as string[],
    reset() {
      player.startLatency.length = 0;
      player.decideLatency.length = 0;
      player.workflowIds.length = 0;
    },
  };
  return player;
}

/**
 * The engine as the gateway drives it: case number allocated, update-with-start with the `ready`
 * update, then for each step the open task read from the read model and approved with `decide`.
 */
export function enginePlayer(
  db: Db,
  temporal: TemporalContext,
  definition: ProcessDefinition,
  users: { applicants: BenchUser[]; reviewers: BenchUser[] },
): CasePlayer {
  const s = samples();
  return {
    ...s,
    async play(n, decisions) {
      const applicant = users.applicants[n % users.applicants.length]!;
      const reviewers = [0, 1, 2].map((k) => users.reviewers[(n * 7 + k * 13) % users.reviewers.length]!);
      const caseId = caseIdFor(applicant.id, `engine-${n}`);
      let t = performance.now();
      await startCase(temporal, {
        caseId,
        caseNumber: await allocateCaseNumber(db),
        title: `引擎压测 ${n}`,
        definition,
        applicant: { userId: applicant.id, orgId: 'org-steel' },
        data: {
          title: `引擎压测 ${n}`,
          r1: reviewers[0]!.username,
          r2: reviewers[1]!.username,
          r3: reviewers[2]!.username,
        },
      });
      s.startLatency.push(performance.now() - t);
      s.workflowIds.push(caseWorkflowId(caseId));
      for (let k = 0; k < decisions; k++) {
        const task = await db
          .selectFrom('tasks')
          .select('id')
          .where('case_id', '=', caseId)
          .where('status', '=', 'open')
          .executeTakeFirstOrThrow();
        t = performance.now();
        await sendDecision(temporal, caseId, {
          taskId: task.id,
          actorId: reviewers[k]!.id,
          action: 'approve',
        });
        s.decideLatency.push(performance.now() - t);
      }
    },
  };
}

/**
 * The floor, driven the same way: update-with-start with `ready`, then per step the open step read
 * from PostgreSQL (one select, as the engine's generator reads the open task) and approved by Update.
 */
export function floorPlayer(db: Db, client: Client, taskQueue: string, run: string): CasePlayer {
  const s = samples();
  return {
    ...s,
    async play(n, decisions) {
      const caseId = `floor-${run}-${n}`;
      const startWorkflowOperation = new WithStartWorkflowOperation('floorWorkflow', {
        workflowId: caseId,
        taskQueue,
        args: [caseId],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      let t = performance.now();
      await client.workflow.executeUpdateWithStart(floorReadyUpdate, {
        startWorkflowOperation,
        updateId: `ready-${caseId}`,
      });
      s.startLatency.push(performance.now() - t);
      s.workflowIds.push(caseId);
      const handle = client.workflow.getHandle(caseId);
      for (let k = 0; k < Math.min(decisions, FLOOR_STEPS); k++) {
        const { rows } = await sql<{ step: number }>`
          select max(step) as step from bench_floor_steps where case_id = ${caseId}`.execute(db);
        t = performance.now();
        await handle.executeUpdate(floorDecideUpdate, { args: [rows[0]!.step] });
        s.decideLatency.push(performance.now() - t);
      }
    },
  };
}
