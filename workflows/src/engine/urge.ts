import { type EngineContext, EngineError } from './runtime';

/** The change id that moved urging from once an hour to once per step per day (ADR 021). */
export const URGE_PER_STEP_PATCH = 'urge-once-per-step-a-day';

const DAY = 86_400_000;

/**
 * 催办: reminds the people holding the case's open steps, other than the applicant (a case waiting on
 * the applicant's own task has nobody to urge). A step is urged at most once a day; when the case
 * moves on to another step, its holders may be urged at once.
 */
export function urgeOncePerStepADay(ctx: EngineContext, actorId: string, comment: string | null): void {
  const state = ctx.state;
  const open = ctx.openTasks().filter((t) => t.kind !== 'applicant-task');
  const holders = [...new Set(open.flatMap((t) => (t.assigneeId ? [t.assigneeId] : t.candidateIds)))].filter(
    (id) => id !== state.applicant.userId,
  );
  if (holders.length === 0)
    throw new EngineError(
      'Conflict',
      '没有其他人在办理此案件，无需催办 / Nobody else holds the case right now, so there is no one to urge.',
    );
  const steps = [...new Set(open.map((t) => t.nodeId))].sort().join(',');
  const now = ctx.now().getTime();
  const last = state.lastUrge;
  if (last && last.steps === steps && now - last.at < DAY) {
    const hours = Math.ceil((DAY - (now - last.at)) / 3_600_000);
    throw new EngineError(
      'Conflict',
      `当前步骤今天已催办过，${hours} 小时后可再次催办 / This step was urged in the last day; you can urge again in ${hours} hours.`,
    );
  }
  state.lastUrgeAt = now;
  state.lastUrge = { at: now, steps };
  ctx.notify(holders, 'urged', {
    zh: `催办：${state.title}`,
    en: `Reminder from the applicant: ${state.title}`,
  });
  const node = open[0] ? ctx.node(open[0].nodeId) : undefined;
  ctx.record('urged', { node, actorId, comment, data: { userIds: holders } });
}
