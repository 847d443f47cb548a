import type { ApprovalMode, AssigneeRule, SeparationStep } from '@unionflow/process-model/runtime';
import type { StepAssignment } from '../activities';
import type { Effects } from './effects';
import type { Projection, TaskRecord } from './records';

/**
 * Engine revision 2 (ADR 039): an approval step's candidates are looked up by the same local activity
 * that writes the batch opening it, one activity per step instead of two.
 *
 * The workflow first runs the interpreter as a probe: side effects are held back, and the one approval
 * step it opens gets this placeholder as its only candidate. The activity resolves the real candidates
 * and, when they make the step exactly what the probe built (see `fillAssignment`), writes the probe's
 * batch with the placeholder filled in. The workflow then runs the interpreter again with the real
 * candidates, and its batch is the one the activity wrote. Anything else (two lookups, another kind of
 * lookup, a refusal) falls back to the plain path: one activity per lookup, then the projection.
 */
export const PENDING_ASSIGNEE = '\u0000pending-assignee';

/** What the probe knew of the step it opened: enough for the activity to fill in its candidates. */
export interface PendingStep {
  nodeId: string;
  mode: ApprovalMode;
  rule: AssigneeRule;
  previousDeciderId: string | null;
  step?: SeparationStep;
  /** The definition's `skipDuplicateApprover`: a lone candidate who decided the last step is skipped. */
  skipDuplicate: boolean;
}

/** The input of the `assignAndProject` activity; the lookup reads the case's data from the batch. */
export interface AssignAndProjectInput {
  pending: PendingStep;
  applicant: { userId: string; orgId: string };
  batch: Projection;
}

/** The assignment, and whether the activity wrote the batch with it (otherwise the workflow writes). */
export type AssignAndProjectResult = StepAssignment & { projected: boolean };

/**
 * The provisional assignment the probe opens its step with: a fresh one each time, since the worker
 * deep-freezes module-scope values (ADR 035) and the interpreter keeps these arrays in its state.
 */
const pendingAssignment = (): StepAssignment => ({
  candidates: [PENDING_ASSIGNEE],
  userIds: [PENDING_ASSIGNEE],
  onBehalfOf: {},
});

const isPending = (ids: string[]) => ids.length === 1 && ids[0] === PENDING_ASSIGNEE;

/**
 * The probe's batch with the real candidates in place of the placeholder, or null when they make the
 * step differ from what the probe built: the applicant's separation policy applied, nobody found (a
 * fallback or an auto-approval), a delegation (its own timeline entry), a lone candidate skipped as
 * the last decider, or several candidates where the mode opens one task each.
 */
export function fillAssignment(
  batch: Projection,
  pending: PendingStep,
  assignment: StepAssignment,
): Projection | null {
  const users = assignment.userIds;
  if (assignment.separation || users.length === 0 || Object.keys(assignment.onBehalfOf).length > 0)
    return null;
  if (users.length !== assignment.candidates.length || users.some((u, i) => u !== assignment.candidates[i]))
    return null;
  if (pending.skipDuplicate && users.length === 1 && users[0] === pending.previousDeciderId) return null;
  // Every other mode opens one task per candidate: it has the probe's shape only with one candidate.
  if (pending.mode !== 'single' && pending.mode !== 'sequential' && users.length !== 1) return null;
  const first = users[0] as string;
  const taskUsers = pending.mode === 'sequential' ? [first] : users;
  const pendingTasks = batch.tasks.filter((t) => isPending(t.candidateIds));
  if (pendingTasks.length !== 1 || pendingTasks[0]?.nodeId !== pending.nodeId) return null;
  const tasks: TaskRecord[] = batch.tasks.map((t) =>
    isPending(t.candidateIds)
      ? { ...t, candidateIds: taskUsers, assigneeId: taskUsers.length === 1 ? first : null }
      : t,
  );
  return {
    ...batch,
    tasks,
    timeline: batch.timeline.map((e) =>
      e.type === 'step-opened' && e.nodeId === pending.nodeId && isPending(candidateIdsOf(e.data))
        ? { ...e, data: { ...e.data, candidateIds: users } }
        : e,
    ),
    notifications: batch.notifications.map((n) => (isPending(n.userIds) ? { ...n, userIds: taskUsers } : n)),
  };
}

function candidateIdsOf(data: Record<string, unknown>): string[] {
  const ids = data.candidateIds;
  return Array.isArray(ids) ? (ids as string[]) : [];
}

/** Thrown inside the probe when it meets anything it cannot hold back; the plain path runs instead. */
export class ProbeAborted extends Error {}

/** Effects for the probe: pure ones run, timers and work are held, lookups other than one step abort. */
export function probeEffects(fx: Effects): {
  fx: Effects;
  /** The step whose candidates the probe left pending, if it opened one. */
  pending: () => Omit<PendingStep, 'nodeId' | 'mode' | 'skipDuplicate'> | null;
  /** Runs the held side effects, in order, when the probe's run is kept as the real one. */
  commit: () => void;
} {
  const held: (() => void)[] = [];
  let lookup: Omit<PendingStep, 'nodeId' | 'mode' | 'skipDuplicate'> | null = null;
  const abort = (): never => {
    throw new ProbeAborted();
  };
  return {
    fx: {
      resolveAssignees: async () => abort(),
      superiorOf: async () => abort(),
      applyDelegations: async () => abort(),
      fallbackAssignees: async () => abort(),
      compensate: async () => abort(),
      uuid: () => abort(),
      async assignStep(rule, previousDeciderId, step) {
        if (lookup) abort();
        lookup = { rule, previousDeciderId, ...(step ? { step } : {}) };
        return pendingAssignment();
      },
      evaluate: (condition) => fx.evaluate(condition),
      ...(fx.patched ? { patched: fx.patched } : {}),
      startTimer: (timer) => void held.push(() => fx.startTimer(timer)),
      cancelTimer: (timerId) => void held.push(() => fx.cancelTimer(timerId)),
      startService: (token) => void held.push(() => fx.startService(token)),
      startSubprocess: (token, childCaseId, processKey, data) =>
        void held.push(() => fx.startSubprocess(token, childCaseId, processKey, data)),
      cancelWork: (tokenId) => void held.push(() => fx.cancelWork(tokenId)),
    },
    pending: () => lookup,
    commit: () => {
      for (const effect of held) effect();
    },
  };
}

/** The host's effects with the first step lookup answered by the folded activity's assignment. */
export function answeredEffects(fx: Effects, assignment: StepAssignment): Effects {
  let answer: StepAssignment | null = assignment;
  return {
    ...fx,
    async assignStep(rule, previousDeciderId, step) {
      if (answer) {
        const given = answer;
        answer = null;
        return given;
      }
      if (!fx.assignStep) throw new Error('assignStep is not available');
      return fx.assignStep(rule, previousDeciderId, step);
    },
  };
}
