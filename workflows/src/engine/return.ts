import type { Effects } from './effects';
import { openApplicantStep } from './human-steps';
import { APPLICANT_STEP, type EngineContext, EngineError } from './runtime';
import type { StepRun } from './state';

function startsWith(scope: string[], prefix: string[]): boolean {
  return prefix.every((p, i) => scope[i] === p);
}

function commonPrefix(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i] as string);
  return out;
}

/** Undoes completed service steps (saga), newest first, and records each compensation. */
export async function compensateSteps(
  ctx: EngineContext,
  fx: Effects,
  keep: (index: number) => boolean,
): Promise<void> {
  for (let i = ctx.state.done.length - 1; i >= 0; i--) {
    const step = ctx.state.done[i];
    if (!step || keep(i)) continue;
    if (step.kind === 'service' && step.compensation) {
      await fx.compensate(step);
      ctx.record('compensated', { node: ctx.node(step.nodeId), data: { action: step.compensation } });
    }
  }
  ctx.state.done = ctx.state.done.filter((_, i) => keep(i));
}

/** Cancels every token, step, timer and pending join inside `scope` (all of it when empty). */
function clearScope(ctx: EngineContext, fx: Effects, scope: string[]): void {
  const doomed = new Set(ctx.state.tokens.filter((t) => startsWith(t.scope, scope)).map((t) => t.id));
  for (const run of ctx.state.steps.filter((s) => doomed.has(s.tokenId))) {
    for (const id of run.taskIds) {
      const task = ctx.state.tasks.find((t) => t.id === id);
      if (task && (task.status === 'open' || task.status === 'claimed'))
        ctx.closeTask(task, 'cancelled', 'returned');
    }
  }
  ctx.state.steps = ctx.state.steps.filter((s) => !doomed.has(s.tokenId));
  for (const timer of ctx.state.timers.filter((t) => doomed.has(t.tokenId))) fx.cancelTimer(timer.id);
  ctx.state.timers = ctx.state.timers.filter((t) => !doomed.has(t.tokenId));
  for (const id of doomed) {
    if (ctx.state.services[id]) fx.cancelWork(id);
    delete ctx.state.services[id];
  }
  ctx.state.tokens = ctx.state.tokens.filter((t) => !doomed.has(t.id));
  const prefix = scope.join('/');
  for (const key of Object.keys(ctx.state.joins)) {
    const parent = key.split('|')[0] ?? '';
    if (scope.length === 0 || parent === prefix || parent.startsWith(`${prefix}/`))
      delete ctx.state.joins[key];
  }
}

/**
 * Returns the case from the step `run` to an earlier human step or to the applicant. Everything started
 * since the target inside the smallest enclosing parallel scope is cancelled, including other countersign
 * tasks and sibling branches; branches of parallel blocks that completed before the target count as arrived.
 */
export async function returnTo(
  ctx: EngineContext,
  fx: Effects,
  run: StepRun,
  target: string,
  actorId: string,
  comment?: string,
): Promise<void> {
  const current = ctx.token(run.tokenId);
  const fromNode = ctx.node(run.nodeId);
  if (!current) throw new EngineError('Conflict', '此步骤已不再有效 / This step is no longer active.');
  if (target === 'applicant' || target === APPLICANT_STEP) {
    clearScope(ctx, fx, []);
    await compensateSteps(ctx, fx, () => false);
    ctx.record('returned', { node: fromNode, actorId, comment: comment ?? null, data: { to: 'applicant' } });
    const token = { id: ctx.newId('t'), nodeId: APPLICANT_STEP, scope: [], phase: 'waiting' as const };
    ctx.state.tokens.push(token);
    const node = ctx.node(APPLICANT_STEP);
    if (node.kind === 'applicant-task') openApplicantStep(ctx, fx, token, node);
    ctx.caseChanged = true;
    return;
  }
  let index = -1;
  for (let i = ctx.state.done.length - 1; i >= 0; i--) {
    const step = ctx.state.done[i];
    // Only steps on the way here: in an enclosing scope, or inside a parallel block that already joined.
    const shared = step ? commonPrefix(current.scope, step.scope).length : -1;
    if (
      step &&
      step.nodeId === target &&
      step.kind !== 'service' &&
      (shared === step.scope.length || shared === current.scope.length)
    ) {
      index = i;
      break;
    }
  }
  const targetStep = ctx.state.done[index];
  if (!targetStep)
    throw new EngineError(
      'Invalid',
      `只能退回到案件已经过的步骤，「${ctx.state.definition.nodes.find((n) => n.id === target)?.name.zh ?? target}」不是 / The case can only go back to a step it has already passed; "${target}" is not one.`,
    );
  const common = commonPrefix(current.scope, targetStep.scope);
  clearScope(ctx, fx, common);
  await compensateSteps(ctx, fx, (i) => i < index || !startsWith(ctx.state.done[i]?.scope ?? [], common));
  // Parallel blocks between the common scope and the target: their other branches already arrived.
  for (let level = common.length; level < targetStep.scope.length; level++) {
    const [splitId, branch] = (targetStep.scope[level] as string).split('#') as [string, string];
    const split = ctx.node(splitId);
    if (split.kind !== 'parallel') continue;
    const parent = targetStep.scope.slice(0, level);
    ctx.state.joins[`${parent.join('/')}|${splitId}`] = split.branches
      .map((_, i) => `${splitId}#${i}`)
      .filter((b) => b !== `${splitId}#${branch}`);
  }
  ctx.record('returned', { node: fromNode, actorId, comment: comment ?? null, data: { to: target } });
  ctx.state.tokens.push({ id: ctx.newId('t'), nodeId: target, scope: targetStep.scope, phase: 'enter' });
  ctx.caseChanged = true;
}
