import { moveToken } from './advance';
import { approve, reject } from './decisions';
import type { Effects } from './effects';
import type { EngineContext, EngineEvent } from './runtime';

/** Applies a fired timer or a finished service call. Events for tokens that are gone are ignored. */
export async function handleEvent(ctx: EngineContext, fx: Effects, event: EngineEvent): Promise<void> {
  const state = ctx.state;
  if (event.kind === 'timer') {
    const timer = state.timers.find((t) => t.id === event.timerId);
    if (!timer) return;
    state.timers = state.timers.filter((t) => t.id !== timer.id);
    const token = ctx.token(timer.tokenId);
    if (!token) return;
    const node = ctx.node(token.nodeId);
    if (timer.purpose === 'timer' || timer.purpose === 'notice') {
      ctx.record(timer.purpose === 'notice' ? 'notice-ended' : 'timer-fired', { node });
      if ('next' in node) moveToken(ctx, token, node.next);
      return;
    }
    const task = state.tasks.find((t) => t.id === timer.taskId);
    if (!task || (task.status !== 'open' && task.status !== 'claimed')) return;
    const holders = task.assigneeId ? [task.assigneeId] : task.candidateIds;
    if (timer.purpose === 'remind') {
      ctx.notify(holders, 'due-soon', { zh: `即将到期：${state.title}`, en: `Due soon: ${state.title}` });
      ctx.record('reminded', { node, data: { userIds: holders } });
      return;
    }
    const policy = node.kind === 'approval' ? (node.deadline?.onOverdue ?? 'remind') : 'remind';
    ctx.record('overdue', { node, data: { policy } });
    const run = state.steps.find((s) => s.taskIds.includes(task.id));
    if (policy === 'auto-approve' && run)
      return approve(ctx, fx, task, run, null, '超时自动通过 / approved automatically on the deadline');
    if (policy === 'auto-reject' && run)
      return reject(ctx, fx, task, run, null, '超时自动驳回 / rejected automatically on the deadline');
    if (policy === 'escalate-to-superior') {
      // Never escalated to the applicant (ADR 011): without another superior the holders are only
      // told the task is overdue. A filter, no new command: replay-safe without a patch.
      const superiors = [...new Set((await Promise.all(holders.map((h) => fx.superiorOf(h)))).flat())].filter(
        (u) => u !== state.applicant.userId,
      );
      if (superiors.length > 0) {
        ctx.saveTask({
          ...task,
          candidateIds: superiors,
          assigneeId: superiors.length === 1 ? (superiors[0] ?? null) : null,
          status: 'open',
        });
        ctx.notify(superiors, 'escalated', {
          zh: `已升级给您：${state.title}`,
          en: `Escalated to you: ${state.title}`,
        });
        ctx.record('escalated', { node, data: { from: holders, to: superiors } });
        return;
      }
    }
    ctx.notify(holders, 'overdue', { zh: `已超时：${state.title}`, en: `Overdue: ${state.title}` });
    return;
  }
  const token = ctx.token(event.tokenId);
  const pending = state.services[event.tokenId];
  if (!token || !pending) return;
  const node = ctx.node(pending.nodeId);
  if (event.kind === 'subprocess-done' && node.kind === 'subprocess') {
    delete state.services[event.tokenId];
    if (node.resultKey) {
      state.data[node.resultKey] = event.outcome;
      ctx.caseChanged = true;
    }
    ctx.record('subprocess-completed', {
      node,
      data: { childCaseId: pending.childCaseId ?? null, outcome: event.outcome },
    });
    moveToken(ctx, token, node.next);
    return;
  }
  if (event.kind === 'service-failed') {
    delete state.services[event.tokenId];
    state.failedServices = {
      ...state.failedServices,
      [event.tokenId]: { nodeId: node.id, message: event.message },
    };
    ctx.record('service-failed', { node, data: { message: event.message } });
    return;
  }
  if (node.kind !== 'service' || event.kind !== 'service-done') return;
  delete state.services[event.tokenId];
  if (node.resultKey) {
    state.data[node.resultKey] = event.result;
    ctx.caseChanged = true;
  }
  state.done.push({
    nodeId: node.id,
    scope: token.scope,
    kind: 'service',
    deciderId: null,
    compensation: node.compensation,
    params: node.params,
    result: event.result,
  });
  ctx.record('service-completed', { node, data: { action: node.action } });
  moveToken(ctx, token, node.next);
}
