import type { ApprovalNode } from '@unionflow/process-model/runtime';
import type { ClaimInput, DecisionInput, ReassignInput } from '../messages';
import { endCase, moveToken } from './advance';
import type { Effects } from './effects';
import { checkFormData } from './form-data';
import { closeStep, newTask, openTask } from './human-steps';
import type { TaskRecord } from './records';
import { returnTo } from './return';
import { type EngineContext, EngineError } from './runtime';
import { recordSelfDecision } from './segregation';
import type { StepRun } from './state';
import { editsOf, fieldLabel, stepForm } from './step-form';

function findOpenTask(ctx: EngineContext, taskId: string): { task: TaskRecord; run: StepRun } {
  const task = ctx.state.tasks.find((t) => t.id === taskId);
  if (!task)
    throw new EngineError('NotFound', '此案件中没有这项待办 / This task does not exist in the case.');
  if (task.status === 'completed' || task.status === 'cancelled') {
    throw new EngineError(
      'Conflict',
      '此待办已被处理或撤回，请刷新查看案件的最新状态 / This task has already been decided or withdrawn; refresh to see the case as it is now.',
    );
  }
  const run = ctx.state.steps.find((s) => s.taskIds.includes(taskId));
  if (!run) throw new EngineError('Conflict', '此待办已不再有效 / This task is no longer active.');
  return { task, run };
}

function assertHolder(_ctx: EngineContext, task: TaskRecord, actorId: string): void {
  if (!task.candidateIds.includes(actorId))
    throw new EngineError('Forbidden', '你不是这项待办的办理人 / You are not an assignee of this task.');
  if (task.status === 'claimed' && task.assigneeId !== actorId) {
    throw new EngineError('Conflict', '这项待办已被其他审批人认领 / Another reviewer has claimed this task.');
  }
}

/**
 * Accepts a decision's data against the task's form (the step's own fields and those its permissions
 * let its people change) and merges it into the case; a change to a field collected elsewhere is
 * recorded as before → after.
 */
function takeData(
  ctx: EngineContext,
  task: TaskRecord,
  actorId: string,
  data: Record<string, unknown> | undefined,
): void {
  const values = data ?? {};
  const allowed = new Set(task.form.map((f) => f.key));
  const unknown = Object.keys(values).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    // Named as the reader knows them: the forms' labels, not the data keys.
    const zh = unknown.map((k) => fieldLabel(ctx, k).zh).join('、');
    const en = unknown.map((k) => fieldLabel(ctx, k).en).join(', ');
    throw new EngineError(
      'Invalid',
      `此步骤不能填写或修改：${zh} / This step may not fill in or change: ${en}.`,
    );
  }
  const problems = checkFormData(task.form, values, ctx.state.data);
  if (problems.length > 0) throw new EngineError('Invalid', problems.join(' '));
  if (Object.keys(values).length > 0) {
    const node = ctx.node(task.nodeId);
    const edits = editsOf(ctx, node, values);
    if (edits) ctx.record('fields-edited', { node, actorId, data: edits });
    Object.assign(ctx.state.data, values);
    ctx.caseChanged = true;
  }
}

/** Completes the step when enough approvals are in, and moves its token on. */
function completeIfDone(ctx: EngineContext, fx: Effects, run: StepRun, actorId: string | null): void {
  const node = ctx.node(run.nodeId);
  if (run.approvals.length < run.required) {
    if (run.mode === 'sequential' && !ctx.openTasks().some((t) => run.taskIds.includes(t.id))) {
      const nextUser = run.queue[run.approvals.length];
      if (nextUser)
        openTask(
          ctx,
          fx,
          run,
          newTask(
            ctx,
            node,
            'approval',
            [nextUser],
            stepForm(ctx, fx, node),
            (node as ApprovalNode).deadline,
          ),
          (node as ApprovalNode).deadline,
        );
    }
    return;
  }
  closeStep(ctx, fx, run);
  const token = ctx.token(run.tokenId);
  ctx.state.done.push({
    nodeId: node.id,
    scope: token?.scope ?? [],
    kind: node.kind === 'applicant-task' ? 'applicant-task' : 'approval',
    deciderId: actorId,
  });
  ctx.state.lastDeciderId = actorId;
  ctx.record('step-completed', { node });
  if (token && 'next' in node) moveToken(ctx, token, node.next);
}

/** Approves as `actorId`; null means the system (an automatic decision on a deadline). */
export function approve(
  ctx: EngineContext,
  fx: Effects,
  task: TaskRecord,
  run: StepRun,
  actorId: string | null,
  comment?: string,
  data?: Record<string, unknown>,
): void {
  ctx.closeTask(task, 'completed', 'approve');
  const node = ctx.node(run.nodeId);
  ctx.record('approved', {
    node,
    actorId,
    onBehalfOfId: actorId ? (task.onBehalfOf[actorId] ?? null) : null,
    comment: comment ?? null,
    // What the reviewer entered (an award amount, a note) belongs to the decision's record.
    ...(data && Object.keys(data).length > 0 ? { data } : {}),
  });
  if (task.returnTo) {
    // Delegated or signed-before: the original holder still decides.
    openTask(ctx, fx, run, newTask(ctx, node, 'approval', [task.returnTo], task.form, undefined));
    return;
  }
  run.approvals.push(actorId ?? 'system');
  completeIfDone(ctx, fx, run, actorId);
}

export function reject(
  ctx: EngineContext,
  fx: Effects,
  task: TaskRecord,
  run: StepRun,
  actorId: string | null,
  comment?: string,
): void {
  const node = ctx.node(run.nodeId);
  ctx.closeTask(task, 'completed', 'reject');
  ctx.record('rejected', {
    node,
    actorId,
    onBehalfOfId: actorId ? (task.onBehalfOf[actorId] ?? null) : null,
    comment: comment ?? null,
  });
  if (task.returnTo) {
    openTask(ctx, fx, run, newTask(ctx, node, 'approval', [task.returnTo], task.form, undefined));
    return;
  }
  closeStep(ctx, fx, run);
  ctx.state.lastDeciderId = actorId;
  const token = ctx.token(run.tokenId);
  if (node.kind === 'approval' && node.onReject && token) moveToken(ctx, token, node.onReject);
  else endCase(ctx, fx, 'rejected', node);
}

function reassign(
  ctx: EngineContext,
  task: TaskRecord,
  from: string,
  to: string,
  returnTo: string | null,
): TaskRecord {
  const candidateIds =
    task.candidateIds.length > 1 ? [to] : task.candidateIds.map((c) => (c === from ? to : c));
  const updated = { ...task, candidateIds, assigneeId: to, status: 'open' as const, returnTo };
  ctx.saveTask(updated);
  ctx.notify([to], 'task-assigned', { zh: `待办：${ctx.state.title}`, en: `To do: ${ctx.state.title}` });
  return updated;
}

/**
 * Puts an added signer right after the one who added them, so a sequential (依次) step asks them next,
 * not after everyone else. Cases that added a signer at the end before this change keep doing so on
 * replay; the marker is only asked where the two orders differ.
 */
function insertSigner(fx: Effects, run: StepRun, adderId: string, target: string): void {
  const at = run.queue.indexOf(adderId) + 1;
  if (
    at > 0 &&
    at < run.queue.length &&
    run.mode === 'sequential' &&
    (fx.patched?.('vocab-signer-order') ?? true)
  )
    run.queue.splice(at, 0, target);
  else run.queue.push(target);
}

/** Applies a reviewer's decision; throws EngineError when it cannot apply, leaving the case unchanged. */
export async function decide(ctx: EngineContext, fx: Effects, input: DecisionInput): Promise<void> {
  const { task, run } = findOpenTask(ctx, input.taskId);
  assertHolder(ctx, task, input.actorId);
  const node = ctx.node(run.nodeId);
  if (task.kind !== 'approval')
    throw new EngineError(
      'Invalid',
      '这是申请人的待办，由申请人补充材料后完成 / This is an applicant task; the applicant completes it by supplementing.',
    );
  ctx.state.firstDecisionAt ??= ctx.now().getTime();
  recordSelfDecision(ctx, node, input);
  const target = input.to;
  switch (input.action) {
    case 'approve':
      takeData(ctx, task, input.actorId, input.data);
      approve(ctx, fx, task, run, input.actorId, input.comment, input.data);
      return;
    case 'reject':
      reject(ctx, fx, task, run, input.actorId, input.comment);
      return;
    case 'return':
      if (!target)
        throw new EngineError(
          'Invalid',
          '请选择退回到哪里：申请人或之前的某个步骤 / Say where to return the case: "applicant" or an earlier step.',
        );
      await returnTo(ctx, fx, run, target, input.actorId, input.comment);
      return;
    case 'comment':
      ctx.record('commented', { node, actorId: input.actorId, comment: input.comment ?? '' });
      return;
    case 'transfer':
    case 'delegate': {
      if (!target)
        throw new EngineError('Invalid', '请选择由谁接手这项待办 / Say who should take the task over.');
      if (target === input.actorId)
        throw new EngineError('Invalid', '不能把待办交给自己 / You cannot hand a task to yourself.');
      reassign(ctx, task, input.actorId, target, input.action === 'delegate' ? input.actorId : task.returnTo);
      const qi = run.queue.indexOf(input.actorId);
      if (input.action === 'transfer' && qi >= 0) run.queue[qi] = target;
      ctx.record(input.action === 'transfer' ? 'transferred' : 'delegated', {
        node,
        actorId: input.actorId,
        comment: input.comment ?? null,
        data: { to: target },
      });
      return;
    }
    case 'add-signer': {
      if (!target) throw new EngineError('Invalid', '请选择加签人 / Say who should also sign.');
      if (run.queue.includes(target) || task.candidateIds.includes(target))
        throw new EngineError('Conflict', '此人已是本步骤的审批人 / That person already signs this step.');
      ctx.record('signer-added', {
        node,
        actorId: input.actorId,
        comment: input.comment ?? null,
        data: { to: target, position: input.position ?? 'after' },
      });
      if (input.position === 'before') {
        // The new signer decides first; then the task comes back to the one who added them.
        reassign(ctx, task, input.actorId, target, input.actorId);
        return;
      }
      insertSigner(fx, run, task.onBehalfOf[input.actorId] ?? input.actorId, target);
      run.required += 1;
      if (run.mode !== 'sequential')
        openTask(
          ctx,
          fx,
          run,
          newTask(ctx, node, 'approval', [target], task.form, (node as ApprovalNode).deadline),
          (node as ApprovalNode).deadline,
        );
      takeData(ctx, task, input.actorId, input.data);
      approve(ctx, fx, task, run, input.actorId, input.comment, input.data);
      return;
    }
    case 'remove-signer': {
      if (!target)
        throw new EngineError('Invalid', '请选择要减签的审批人 / Say which pending signer to remove.');
      const pending = ctx
        .openTasks()
        .find((t) => run.taskIds.includes(t.id) && t.candidateIds.includes(target) && t.id !== task.id);
      const queued = run.queue.indexOf(target) >= run.approvals.length;
      if (!pending && !queued)
        throw new EngineError(
          'Conflict',
          '此人在本步骤没有待审批的签字 / That person has no pending signature on this step.',
        );
      if (run.required - 1 < 1)
        throw new EngineError('Invalid', '每个步骤至少需要一名审批人 / A step needs at least one signer.');
      if (pending) ctx.closeTask(pending, 'cancelled', 'removed');
      run.queue = run.queue.filter((u) => u !== target);
      run.required -= 1;
      ctx.record('signer-removed', {
        node,
        actorId: input.actorId,
        comment: input.comment ?? null,
        data: { to: target },
      });
      completeIfDone(ctx, fx, run, input.actorId);
      return;
    }
    default: {
      // A catalog action without a handler does not compile: `action` is `never` here.
      const unhandled: never = input.action;
      throw new EngineError(
        'Invalid',
        `未知的操作：${String(unhandled)} / Unknown action: ${String(unhandled)}.`,
      );
    }
  }
}

/** An admin moves a user's share of an open task to someone else (hand-over when staff leave or after 换届). */
export function handOver(ctx: EngineContext, input: ReassignInput): void {
  const { task, run } = findOpenTask(ctx, input.taskId);
  if (!task.candidateIds.includes(input.fromUserId))
    throw new EngineError('Conflict', '此用户不持有这项待办 / That user does not hold this task.');
  if (task.candidateIds.includes(input.toUserId))
    throw new EngineError('Conflict', '新的办理人已持有这项待办 / The new holder already holds this task.');
  const candidateIds = task.candidateIds.map((c) => (c === input.fromUserId ? input.toUserId : c));
  const original = task.onBehalfOf[input.fromUserId] ?? input.fromUserId;
  const onBehalfOf = { ...task.onBehalfOf, [input.toUserId]: original };
  delete onBehalfOf[input.fromUserId];
  const assigneeId =
    task.assigneeId === input.fromUserId || candidateIds.length === 1 ? input.toUserId : task.assigneeId;
  ctx.saveTask({ ...task, candidateIds, assigneeId, onBehalfOf });
  const qi = run.queue.indexOf(input.fromUserId);
  if (qi >= 0) run.queue[qi] = input.toUserId;
  ctx.notify([input.toUserId], 'task-assigned', {
    zh: `待办：${ctx.state.title}`,
    en: `To do: ${ctx.state.title}`,
  });
  ctx.record('reassigned', {
    node: ctx.node(run.nodeId),
    actorId: input.actorId,
    comment: input.reason ?? null,
    data: { from: input.fromUserId, to: input.toUserId },
  });
}

export function claim(ctx: EngineContext, input: ClaimInput): void {
  const { task, run } = findOpenTask(ctx, input.taskId);
  if (!task.candidateIds.includes(input.actorId))
    throw new EngineError('Forbidden', '你不是这项待办的候选办理人 / You are not a candidate for this task.');
  const node = ctx.node(run.nodeId);
  if (input.release) {
    if (task.assigneeId !== input.actorId || task.status !== 'claimed')
      throw new EngineError('Conflict', '你尚未认领这项待办 / You have not claimed this task.');
    ctx.saveTask({ ...task, status: 'open', assigneeId: null });
    ctx.record('released', { node, actorId: input.actorId });
    return;
  }
  if (task.status === 'claimed') {
    if (task.assigneeId === input.actorId) return;
    throw new EngineError(
      'Conflict',
      '这项待办已被其他审批人认领 / Another reviewer has already claimed this task.',
    );
  }
  ctx.saveTask({ ...task, status: 'claimed', assigneeId: input.actorId });
  ctx.record('claimed', { node, actorId: input.actorId });
}
