import {
  type ApplicantTaskNode,
  type ApprovalNode,
  type Deadline,
  type FormField,
  type ProcessNode,
  parseDuration,
  resolveFieldOptions,
} from '@unionflow/process-model/runtime';
import type { Effects } from './effects';
import type { TaskRecord } from './records';
import type { EngineContext } from './runtime';
import type { StepRun, TimerRecord, Token } from './state';
import { stepForm } from './step-form';

/** How many approvals complete a step in each mode. */
function requiredApprovals(node: ApprovalNode, candidates: string[]): number {
  switch (node.mode) {
    case 'all':
    case 'sequential':
      return candidates.length;
    case 'quorum':
      return Math.min(Math.max(node.quorum ?? 1, 1), candidates.length);
    default:
      return 1;
  }
}

export function newTask(
  ctx: EngineContext,
  node: ProcessNode,
  kind: TaskRecord['kind'],
  candidateIds: string[],
  form: FormField[],
  deadline: Deadline | undefined,
): TaskRecord {
  const now = ctx.now();
  return {
    id: ctx.newId('task'),
    nodeId: node.id,
    stepName: node.name,
    kind,
    status: 'open',
    candidateIds,
    assigneeId: candidateIds.length === 1 ? (candidateIds[0] ?? null) : null,
    onBehalfOf: {},
    returnTo: null,
    // Options read from the data (`optionsFrom`) are fixed when the task opens, so the reviewer picks
    // from, and is checked against, the same list.
    form: resolveFieldOptions(form, ctx.state.data),
    createdAt: now.toISOString(),
    dueAt: deadline ? new Date(now.getTime() + parseDuration(deadline.due)).toISOString() : null,
    completedAt: null,
    decision: null,
  };
}

/** Opens a task and arms its deadline timers. */
export function openTask(
  ctx: EngineContext,
  fx: Effects,
  run: StepRun,
  task: TaskRecord,
  deadline?: Deadline,
): void {
  ctx.saveTask(task);
  run.taskIds.push(task.id);
  ctx.notify(task.candidateIds, 'task-assigned', {
    zh: `待办：${ctx.state.title}`,
    en: `To do: ${ctx.state.title}`,
  });
  if (!deadline || !task.dueAt) return;
  const due = new Date(task.dueAt).getTime();
  const timers: TimerRecord[] = [
    { id: ctx.newId('timer'), tokenId: run.tokenId, fireAt: due, purpose: 'overdue', taskId: task.id },
  ];
  if (deadline.remindBefore) {
    const at = due - parseDuration(deadline.remindBefore);
    if (at > ctx.now().getTime())
      timers.push({
        id: ctx.newId('timer'),
        tokenId: run.tokenId,
        fireAt: at,
        purpose: 'remind' as const,
        taskId: task.id,
      });
  }
  for (const timer of timers) {
    ctx.state.timers.push(timer);
    fx.startTimer(timer);
  }
}

export function openApprovalStep(
  ctx: EngineContext,
  fx: Effects,
  token: Token,
  node: ApprovalNode,
  candidates: string[],
  onBehalfOf: Record<string, string> = {},
): void {
  const mode = node.mode;
  const run: StepRun = {
    tokenId: token.id,
    nodeId: node.id,
    mode,
    queue: candidates,
    required: requiredApprovals(node, candidates),
    approvals: [],
    taskIds: [],
  };
  ctx.state.steps.push(run);
  ctx.record('step-opened', { node, data: { candidateIds: candidates, mode } });
  const form = stepForm(ctx, fx, node);
  const task = (users: string[]) => {
    const t = newTask(ctx, node, 'approval', users, form, node.deadline);
    t.onBehalfOf = Object.fromEntries(
      users.filter((u) => onBehalfOf[u]).map((u) => [u, onBehalfOf[u] as string]),
    );
    return t;
  };
  if (mode === 'single') openTask(ctx, fx, run, task(candidates), node.deadline);
  else if (mode === 'sequential') openTask(ctx, fx, run, task(candidates.slice(0, 1)), node.deadline);
  else for (const user of candidates) openTask(ctx, fx, run, task([user]), node.deadline);
  ctx.caseChanged = true;
}

export function openApplicantStep(
  ctx: EngineContext,
  fx: Effects,
  token: Token,
  node: ApplicantTaskNode,
): void {
  const run: StepRun = {
    tokenId: token.id,
    nodeId: node.id,
    mode: 'applicant',
    queue: [ctx.state.applicant.userId],
    required: 1,
    approvals: [],
    taskIds: [],
  };
  ctx.state.steps.push(run);
  ctx.record('step-opened', { node, data: { candidateIds: run.queue, mode: 'applicant' } });
  openTask(
    ctx,
    fx,
    run,
    newTask(ctx, node, 'applicant-task', run.queue, stepForm(ctx, fx, node), node.deadline),
    node.deadline,
  );
  ctx.caseChanged = true;
}

/** Cancels a step's open tasks and timers and forgets the step. */
export function closeStep(ctx: EngineContext, fx: Effects, run: StepRun): void {
  for (const id of run.taskIds) {
    const task = ctx.state.tasks.find((t) => t.id === id);
    if (task && (task.status === 'open' || task.status === 'claimed')) ctx.closeTask(task, 'cancelled', null);
  }
  const timers = ctx.state.timers.filter((t) => t.tokenId === run.tokenId);
  for (const timer of timers) fx.cancelTimer(timer.id);
  ctx.state.timers = ctx.state.timers.filter((t) => t.tokenId !== run.tokenId);
  ctx.state.steps = ctx.state.steps.filter((s) => s !== run);
}
