import type { CaseDetailDto, TaskDto, UserRefDto } from '@unionflow/contracts';

/** A step of a case's progress view. */
export interface ProgressStep {
  nodeId: string;
  name: { zh: string; en?: string } | null;
  state: 'done' | 'current' | 'next';
  /** Who decided (done), who holds it (current), or who is expected to (next). */
  people: UserRefDto[];
  at: string | null;
  /** A predicted step's deadline, e.g. `3d`. */
  due?: string;
  /** A running clock's end (a timer such as the 15-day mediation limit): when it fires. */
  until?: string;
}

/** A clock the case is running now: a timer step that started and has not fired. */
export interface RunningClock {
  nodeId: string;
  name: { zh: string; en?: string } | null;
  startedAt: string;
  until: string;
}

/**
 * Timers running now, from the timeline: a `timer-started` event (carrying `fireAt`) with no later
 * `timer-fired` or `wait-ended-early` (a re-check campaign, ADR 024) for its step. They run beside open tasks in a parallel block (the dispute's statutory
 * limit), so the case shows them even while someone holds a task.
 */
export function runningClocks(detail: Pick<CaseDetailDto, 'status' | 'timeline'>): RunningClock[] {
  if (detail.status !== 'running') return [];
  const clocks = new Map<string, RunningClock>();
  for (const e of [...detail.timeline].sort((a, b) => a.at.localeCompare(b.at))) {
    if (!e.nodeId) continue;
    const fireAt = (e.data as { fireAt?: unknown } | null)?.fireAt;
    if (e.type === 'timer-started' && typeof fireAt === 'string')
      clocks.set(e.nodeId, { nodeId: e.nodeId, name: e.stepName, startedAt: e.at, until: fireAt });
    else if (e.type === 'timer-fired' || e.type === 'wait-ended-early') clocks.delete(e.nodeId);
  }
  return [...clocks.values()].sort((a, b) => a.until.localeCompare(b.until));
}

const ACTIVE = new Set(['open', 'claimed']);

/** People holding a task: the assignee once someone has it, otherwise every candidate. */
export function taskHolders(task: Pick<TaskDto, 'assignee' | 'candidates'>): UserRefDto[] {
  return task.assignee ? [task.assignee] : task.candidates;
}

/** Holders as display text, e.g. "李娜、王芳". */
export function holdersOf(task: Pick<TaskDto, 'assignee' | 'candidates'>): string {
  return taskHolders(task)
    .map((u) => u.displayName)
    .join('、');
}

function addPerson(list: UserRefDto[], u: UserRefDto | null | undefined): void {
  if (u && !list.some((p) => p.id === u.id)) list.push(u);
}

/**
 * Done steps from the timeline (in the order they were first reached), the steps open now with their
 * holders, then the predicted remaining path.
 */
export function buildProgress(
  detail: Pick<CaseDetailDto, 'status' | 'tasks' | 'timeline' | 'predictedPath'> &
    Partial<Pick<CaseDetailDto, 'currentNodeIds'>>,
): ProgressStep[] {
  const running = detail.status === 'running';
  const current = new Map<string, ProgressStep>();
  if (running) {
    for (const task of detail.tasks) {
      if (!ACTIVE.has(task.status)) continue;
      const step = current.get(task.nodeId) ?? {
        nodeId: task.nodeId,
        name: task.stepName,
        state: 'current' as const,
        people: [],
        at: task.createdAt,
      };
      for (const u of taskHolders(task)) addPerson(step.people, u);
      current.set(task.nodeId, step);
    }
  }

  const events = [...detail.timeline].sort((a, b) => a.at.localeCompare(b.at));
  // A case waiting without a task (a timer such as the yearly re-verification, a public notice) is
  // at that node now: it is current, not done.
  if (running) {
    for (const nodeId of detail.currentNodeIds ?? []) {
      if (current.has(nodeId)) continue;
      const entered = events.findLast((e) => e.nodeId === nodeId && e.stepName);
      if (entered)
        current.set(nodeId, { nodeId, name: entered.stepName, state: 'current', people: [], at: entered.at });
    }
  }

  for (const clock of runningClocks(detail)) {
    const step = current.get(clock.nodeId);
    if (step) step.until = clock.until;
    else
      current.set(clock.nodeId, {
        nodeId: clock.nodeId,
        name: clock.name,
        state: 'current',
        people: [],
        at: clock.startedAt,
        until: clock.until,
      });
  }

  const done = new Map<string, ProgressStep>();
  for (const e of events) {
    if (!e.nodeId || !e.stepName || current.has(e.nodeId)) continue;
    const step = done.get(e.nodeId) ?? {
      nodeId: e.nodeId,
      name: e.stepName,
      state: 'done' as const,
      people: [],
      at: e.at,
    };
    step.at = e.at;
    addPerson(step.people, e.actor);
    done.set(e.nodeId, step);
  }

  const next: ProgressStep[] = running
    ? detail.predictedPath
        .filter((p) => !current.has(p.nodeId))
        .map((p) => ({
          nodeId: p.nodeId,
          name: p.name,
          state: 'next' as const,
          people: p.assignees,
          at: null,
          due: p.due,
        }))
    : [];

  return [...done.values(), ...current.values(), ...next];
}

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  y: 365 * 86_400_000,
};

/** Milliseconds in a definition duration like `3d`, `4h`, `30m`; null when it is not one. */
export function durationMs(text: string | undefined): number | null {
  const m = /^(\d+)([smhdy])$/.exec(text?.trim() ?? '');
  return m ? Number(m[1]) * (UNIT_MS[m[2] as string] as number) : null;
}
