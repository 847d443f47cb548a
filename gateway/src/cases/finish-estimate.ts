import type { CaseEstimateDto } from '@unionflow/contracts';
import { tryParseDuration } from '@unionflow/process-model';

/** A step the case is waiting on without a task: a timer or a public notice, and when it ends. */
export interface RunningWait {
  nodeId: string;
  name: { zh: string; en?: string } | null;
  until: string;
}

/** What the estimate reads: only stored times, never the clock, so it does not move between loads. */
export interface EstimateInput {
  status: string;
  /** The open tasks' steps, when they opened and their deadlines. */
  open: { nodeId: string; name: { zh: string; en?: string }; createdAt: string; dueAt: string | null }[];
  waits: RunningWait[];
  /** The predicted remaining path after the open steps. */
  predicted: { nodeId: string; kind: string; name: { zh: string; en?: string }; due?: string }[];
  /** Measured median duration (ms) of each step that has enough finished tasks. */
  medians: ReadonlyMap<string, number>;
  /** Today in Beijing (YYYY-MM-DD): an estimate is never before it. */
  today: string;
}

/** Steps whose own duration counts towards the finish. */
const TIMED = new Set(['approval', 'applicant-task', 'timer', 'notice']);
const HUMAN = new Set(['approval', 'applicant-task']);

/** The Beijing calendar day of an instant. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * 预计办结: the open steps end at their measured median after they opened (or at their deadline), each
 * later step adds its median (or its time limit), and the day is never before today. When the case
 * waits on a timer or a notice, or a step has neither history nor a time limit, there is no date but
 * the reason. Read from stored times only, so reloading the page gives the same day.
 */
export function estimateFinish(input: EstimateInput): CaseEstimateDto {
  if (input.status !== 'running') return { finishDay: null };
  let usedHistory = false;
  const stepMs = (nodeId: string, due: string | undefined): number | null => {
    const median = input.medians.get(nodeId);
    if (median !== undefined) {
      usedHistory = true;
      return median;
    }
    return due ? (tryParseDuration(due) ?? null) : null;
  };

  if (input.open.length === 0) {
    const wait = [...input.waits].sort((a, b) => a.until.localeCompare(b.until))[0];
    return wait ? { finishDay: null, waiting: { step: wait.name, until: wait.until } } : { finishDay: null };
  }
  // An open step past its expected end can end today at the earliest: the later steps count from then,
  // not from a day already gone (which would read "today" until the step moved).
  const todayStart = Date.parse(`${input.today}T00:00:00+08:00`);
  let at = 0;
  let late: EstimateInput['open'][number]['name'] | undefined;
  for (const task of input.open) {
    const median = input.medians.get(task.nodeId);
    if (median !== undefined) usedHistory = true;
    const end =
      median !== undefined ? Date.parse(task.createdAt) + median : task.dueAt ? Date.parse(task.dueAt) : null;
    if (end === null) return { finishDay: null, unknownStep: task.name };
    if (end < todayStart) late ??= task.name;
    at = Math.max(at, end, todayStart);
  }
  for (const step of input.predicted) {
    if (!TIMED.has(step.kind)) continue;
    const ms = stepMs(step.nodeId, step.due);
    if (ms === null) {
      if (HUMAN.has(step.kind)) return { finishDay: null, unknownStep: step.name };
      continue;
    }
    at += ms;
  }
  return {
    finishDay: beijingDay(new Date(at)),
    basis: usedHistory ? 'history' : 'deadlines',
    ...(late ? { lateStep: late } : {}),
  };
}

/** Timers and notices running now, from the timeline: started (with their end) and not yet over. */
export function runningWaits(
  timeline: {
    type: string;
    node_id: string | null;
    step_name: { zh: string; en?: string } | null;
    data: unknown;
  }[],
): RunningWait[] {
  const waits = new Map<string, RunningWait>();
  for (const e of timeline) {
    if (!e.node_id) continue;
    const data = (e.data ?? {}) as { fireAt?: unknown; until?: unknown };
    const until =
      e.type === 'timer-started' ? data.fireAt : e.type === 'notice-published' ? data.until : undefined;
    if (typeof until === 'string') waits.set(e.node_id, { nodeId: e.node_id, name: e.step_name, until });
    else if (e.type === 'timer-fired' || e.type === 'notice-ended') waits.delete(e.node_id);
  }
  return [...waits.values()];
}
