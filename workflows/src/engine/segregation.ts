import type { ApprovalNode, ProcessNode, SeparationStep } from '@unionflow/process-model/runtime';
import type { StepAssignment } from '../activities';
import type { DecisionInput, ReassignInput } from '../messages';
import { moveToken } from './advance';
import type { EngineContext } from './runtime';
import type { EngineState, Token } from './state';

/** What the assignment lookup needs of a step to keep its applicant from approving (ADR 011). */
export function separationStep(node: ApprovalNode): SeparationStep {
  return {
    assignee: node.assignee,
    mode: node.mode,
    emptyAssignee: node.emptyAssignee,
    applicantIsApprover: node.applicantIsApprover,
  };
}

/**
 * Records how the lookup handled an applicant among the step's approvers; true when the step passed
 * without a task (`skip`), its token already moved on. Only results that carry `separation` reach
 * here, which results recorded before it existed never do, so replays take the old path.
 */
export function applySeparation(
  ctx: EngineContext,
  token: Token,
  node: ApprovalNode,
  separation: NonNullable<StepAssignment['separation']>,
): boolean {
  const data = { outcome: separation.outcome, policy: separation.policy };
  if (separation.outcome !== 'skipped') {
    ctx.record('applicant-is-approver', { node, comment: separation.note, data });
    return false;
  }
  ctx.record('auto-approved', {
    node,
    onBehalfOfId: ctx.state.applicant.userId,
    comment: separation.note,
    data,
  });
  moveToken(ctx, token, node.next);
  return true;
}

function isSelfApprovalStep(node: ProcessNode | undefined): boolean {
  return node?.kind === 'approval' && node.applicantIsApprover === 'self';
}

/**
 * Why the applicant may not take this decision on their own case, or null when they may (or it is
 * not theirs). Checked in the Update validator, which does not run on replay, so cases whose history
 * holds an earlier self-approval replay unchanged.
 */
export function ownCaseRefusal(state: EngineState, input: DecisionInput): string | null {
  if (input.actorId !== state.applicant.userId) return null;
  const task = state.tasks.find((t) => t.id === input.taskId);
  if (!task || task.kind !== 'approval') return null;
  if (isSelfApprovalStep(state.definition.nodes.find((n) => n.id === task.nodeId))) return null;
  return '申请人不能处理本人申请的审批任务（本步骤不允许本人审批） / applicants cannot decide on their own case: this step does not allow self-approval';
}

/** Why an admin hand-over may not move this task to its new holder: never to the case's applicant. */
export function handOverRefusal(state: EngineState, input: ReassignInput): string | null {
  if (input.toUserId !== state.applicant.userId) return null;
  return '不能交给申请人本人：申请人不能审批自己的申请 / the task cannot go to the applicant: applicants do not decide on their own case';
}

/** A decision the applicant takes on their own case (a `self` step) is marked as such on the timeline and audit. */
export function recordSelfDecision(ctx: EngineContext, node: ProcessNode, input: DecisionInput): void {
  if (input.actorId !== ctx.state.applicant.userId || input.action === 'comment') return;
  ctx.record('self-approval', { node, actorId: input.actorId, data: { action: input.action } });
}
