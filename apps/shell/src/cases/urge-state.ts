import type { CaseDetailDto } from '@unionflow/contracts';
import { isOpenTask } from '@unionflow/contracts/vocabulary';

const DAY_MS = 86_400_000;

/**
 * What the 催办 button may do, mirroring the engine's rule: someone other than the applicant must hold
 * an open step, and a step is urged at most once a day (a new step may be urged at once).
 * `hidden`: nobody else to urge; `urged`: this step was urged in the last day, with when it may be
 * urged again; `ready`: offer it.
 */
export type UrgeState = { kind: 'hidden' } | { kind: 'urged'; againAt: Date } | { kind: 'ready' };

export function urgeState(
  detail: Pick<CaseDetailDto, 'status' | 'tasks' | 'timeline' | 'applicant'>,
  now: Date = new Date(),
): UrgeState {
  if (detail.status !== 'running') return { kind: 'hidden' };
  const open = detail.tasks.filter((t) => isOpenTask(t) && t.kind !== 'applicant-task');
  const others = open
    .flatMap((t) => (t.assignee ? [t.assignee] : t.candidates))
    .filter((u) => u.id !== detail.applicant.id);
  if (others.length === 0) return { kind: 'hidden' };
  const steps = new Set(open.map((t) => t.nodeId));
  const lastUrge = detail.timeline
    .filter((e) => e.type === 'urged' && e.nodeId !== null && steps.has(e.nodeId))
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  if (lastUrge) {
    const againAt = new Date(Date.parse(lastUrge.at) + DAY_MS);
    if (againAt > now) return { kind: 'urged', againAt };
  }
  return { kind: 'ready' };
}
