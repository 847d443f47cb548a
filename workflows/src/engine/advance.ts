import {
  type ApprovalNode,
  type CcNode,
  type ProcessNode,
  parseDuration,
} from '@unionflow/process-model/runtime';
import type { Effects } from './effects';
import { openApplicantStep, openApprovalStep } from './human-steps';
import { type EngineContext, EngineError } from './runtime';
import { applySeparation, separationStep } from './segregation';
import type { Token } from './state';

/** Key of a join's bookkeeping: the split it closes within the scope that holds the split. */
export function joinKey(parentScope: string[], splitId: string): string {
  return `${parentScope.join('/')}|${splitId}`;
}

/** Moves a token along an edge; it runs on the next `advance`. */
export function moveToken(_ctx: EngineContext, token: Token, nodeId: string): void {
  token.nodeId = nodeId;
  token.phase = 'enter';
}

function removeToken(ctx: EngineContext, tokenId: string): void {
  ctx.state.tokens = ctx.state.tokens.filter((t) => t.id !== tokenId);
}

/** Runs every token that has just entered a node until all of them wait (or the case ends). */
export async function advance(ctx: EngineContext, fx: Effects): Promise<void> {
  // A definition with a loop and no wait would spin forever; the validator forbids it, this guards it.
  for (let guard = 0; guard < 10_000; guard++) {
    if (ctx.state.status !== 'running') return;
    const token = ctx.state.tokens.find((t) => t.phase === 'enter');
    if (!token) return;
    await enterNode(ctx, fx, token, ctx.node(token.nodeId));
  }
  throw new EngineError(
    'Invalid',
    '流程在没有任何人办理的情况下循环，请检查流程设计 / The process loops without waiting for anyone; check the definition.',
  );
}

async function enterNode(ctx: EngineContext, fx: Effects, token: Token, node: ProcessNode): Promise<void> {
  switch (node.kind) {
    case 'approval':
      return enterApproval(ctx, fx, token, node);
    case 'applicant-task':
      token.phase = 'waiting';
      openApplicantStep(ctx, fx, token, node);
      return;
    case 'cc':
      return enterCc(ctx, fx, token, node);
    case 'timer': {
      token.phase = 'waiting';
      const timer = {
        id: ctx.newId('timer'),
        tokenId: token.id,
        fireAt: ctx.now().getTime() + parseDuration(node.duration),
        purpose: 'timer' as const,
      };
      ctx.state.timers.push(timer);
      fx.startTimer(timer);
      ctx.record('timer-started', { node, data: { fireAt: new Date(timer.fireAt).toISOString() } });
      return;
    }
    case 'notice': {
      token.phase = 'waiting';
      const timer = {
        id: ctx.newId('timer'),
        tokenId: token.id,
        fireAt: ctx.now().getTime() + parseDuration(node.duration),
        purpose: 'notice' as const,
      };
      ctx.state.timers.push(timer);
      fx.startTimer(timer);
      ctx.record('notice-published', { node, data: { until: new Date(timer.fireAt).toISOString() } });
      return;
    }
    case 'service':
      token.phase = 'waiting';
      ctx.state.services[token.id] = { nodeId: node.id, startedAt: ctx.now().getTime() };
      fx.startService(token);
      return;
    case 'exclusive': {
      const branch = node.branches.find((b) => fx.evaluate(b.condition));
      const target = branch ? branch.next : node.default;
      ctx.record('branch-taken', { node, data: { to: target } });
      moveToken(ctx, token, target);
      return;
    }
    case 'parallel': {
      removeToken(ctx, token.id);
      ctx.state.joins[joinKey(token.scope, node.id)] = [];
      node.branches.forEach((first, index) => {
        ctx.state.tokens.push({
          id: ctx.newId('t'),
          nodeId: first,
          scope: [...token.scope, `${node.id}#${index}`],
          phase: 'enter',
        });
      });
      return;
    }
    case 'join':
      return enterJoin(ctx, token, node.id, node.next);
    case 'subprocess': {
      token.phase = 'waiting';
      const childCaseId = fx.uuid();
      const data = Object.fromEntries(
        Object.entries(node.inputs ?? {}).map(([child, parent]) => [child, ctx.state.data[parent]]),
      );
      ctx.state.services[token.id] = { nodeId: node.id, startedAt: ctx.now().getTime(), childCaseId };
      ctx.record('subprocess-started', { node, data: { childCaseId, processKey: node.processKey } });
      fx.startSubprocess(token, childCaseId, node.processKey, data);
      return;
    }
    case 'end':
      endCase(ctx, fx, node.outcome, node);
      return;
  }
}

async function enterApproval(
  ctx: EngineContext,
  fx: Effects,
  token: Token,
  node: ApprovalNode,
): Promise<void> {
  token.phase = 'waiting';
  const assigned = fx.assignStep
    ? await fx.assignStep(node.assignee, ctx.state.lastDeciderId, separationStep(node))
    : null;
  if (assigned?.separation && applySeparation(ctx, token, node, assigned.separation)) return;
  let candidates = assigned
    ? assigned.candidates
    : await fx.resolveAssignees(node.assignee, ctx.state.lastDeciderId);
  if (candidates.length === 0) {
    const policy = node.emptyAssignee ?? 'admin-queue';
    ctx.record('assignee-empty', { node, data: { policy } });
    if (policy === 'auto-approve') {
      ctx.record('auto-approved', { node });
      moveToken(ctx, token, node.next);
      return;
    }
    candidates = await fx.fallbackAssignees(policy);
  }
  const skip =
    ctx.state.definition.settings?.skipDuplicateApprover &&
    candidates.length === 1 &&
    candidates[0] === ctx.state.lastDeciderId;
  if (skip) {
    ctx.record('duplicate-approver-skipped', { node, actorId: candidates[0] ?? null });
    ctx.state.done.push({
      nodeId: node.id,
      scope: token.scope,
      kind: 'approval',
      deciderId: candidates[0] ?? null,
    });
    moveToken(ctx, token, node.next);
    return;
  }
  // The combined lookup already applied delegations, unless the fallback replaced its candidates.
  const delegated =
    assigned && candidates === assigned.candidates ? assigned : await fx.applyDelegations(candidates);
  if (Object.keys(delegated.onBehalfOf).length > 0)
    ctx.record('delegation-applied', { node, data: { onBehalfOf: delegated.onBehalfOf } });
  openApprovalStep(ctx, fx, token, node, delegated.userIds, delegated.onBehalfOf);
  if (node.cc && node.cc.length > 0) {
    const ccUsers: string[] = [];
    for (const rule of node.cc) ccUsers.push(...(await fx.resolveAssignees(rule, ctx.state.lastDeciderId)));
    ctx.notify(ccUsers, 'cc', { zh: `抄送：${ctx.state.title}`, en: `CC: ${ctx.state.title}` });
    ctx.record('cc', { node, data: { userIds: ccUsers } });
  }
}

/** The patch marking cases that may reach a 抄送 node (ADR 032); older code had no such node. */
export const CC_NODE_PATCH = 'cc-node';

/**
 * 抄送 as a step of its own: the recipients are copied (a `cc` notification, which lets them read the
 * case, masked) and the case moves on at once. Recorded like a step's own copy, so the timeline reads
 * the same either way.
 */
async function enterCc(ctx: EngineContext, fx: Effects, token: Token, node: CcNode): Promise<void> {
  if (!(fx.patched?.(CC_NODE_PATCH) ?? true))
    throw new EngineError(
      'Invalid',
      `此版本的流程引擎不支持抄送节点「${node.name.zh}」 / This engine version has no 抄送 step "${node.name.en ?? node.name.zh}".`,
    );
  const users: string[] = [];
  for (const rule of node.recipients)
    for (const user of await fx.resolveAssignees(rule, ctx.state.lastDeciderId))
      if (!users.includes(user)) users.push(user);
  ctx.notify(users, 'cc', { zh: `抄送：${ctx.state.title}`, en: `CC: ${ctx.state.title}` });
  ctx.record('cc', { node, data: { userIds: users } });
  moveToken(ctx, token, node.next);
}

function enterJoin(ctx: EngineContext, token: Token, joinId: string, next: string): void {
  const branchScope = token.scope[token.scope.length - 1];
  if (!branchScope)
    throw new EngineError(
      'Invalid',
      `汇合节点「${joinId}」不在并行分支内 / Join "${joinId}" reached outside a parallel block.`,
    );
  const [splitId] = branchScope.split('#') as [string];
  const parentScope = token.scope.slice(0, -1);
  const split = ctx.node(splitId);
  if (split.kind !== 'parallel')
    throw new EngineError(
      'Invalid',
      `汇合节点「${joinId}」没有对应的并行分支 / Join "${joinId}" has no parallel split.`,
    );
  const key = joinKey(parentScope, splitId);
  const arrived = ctx.state.joins[key] ?? [];
  if (!arrived.includes(branchScope)) arrived.push(branchScope);
  ctx.state.joins[key] = arrived;
  removeToken(ctx, token.id);
  if (arrived.length >= split.branches.length) {
    delete ctx.state.joins[key];
    ctx.state.tokens.push({ id: ctx.newId('t'), nodeId: next, scope: parentScope, phase: 'enter' });
  }
}

/** Ends the case: every open task, timer and token goes away. */
export function endCase(ctx: EngineContext, fx: Effects, outcome: string, node: ProcessNode | null): void {
  for (const task of ctx.openTasks()) ctx.closeTask(task, 'cancelled', null);
  for (const timer of ctx.state.timers) fx.cancelTimer(timer.id);
  for (const tokenId of Object.keys(ctx.state.services)) fx.cancelWork(tokenId);
  ctx.state.services = {};
  ctx.state.timers = [];
  ctx.state.tokens = [];
  ctx.state.steps = [];
  ctx.state.joins = {};
  ctx.state.outcome = outcome;
  ctx.state.status =
    outcome === 'rejected' ? 'rejected' : outcome === 'withdrawn' ? 'withdrawn' : 'completed';
  ctx.caseChanged = true;
  ctx.record('case-ended', { node: node ?? undefined, data: { outcome } });
}
