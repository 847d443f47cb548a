import type { ApplicantActionInput } from '../messages';
import { endCase, moveToken } from './advance';
import type { Effects } from './effects';
import { checkFormData } from './form-data';
import { closeStep } from './human-steps';
import { compensateSteps } from './return';
import { APPLICANT_STEP, type EngineContext, EngineError } from './runtime';
import { editsOf, fieldLabel } from './step-form';
import { URGE_PER_STEP_PATCH, urgeOncePerStepADay } from './urge';

const HOUR = 3_600_000;

/** Withdraw (until the first decision), urge (once an hour), supplement (an open applicant task), object (during a notice). */
export async function applicantAction(
  ctx: EngineContext,
  fx: Effects,
  input: ApplicantActionInput,
): Promise<void> {
  const state = ctx.state;
  if (state.status !== 'running')
    throw new EngineError('Conflict', '此案件已结束 / The case has already ended.');
  const isApplicant = input.actorId === state.applicant.userId;
  if (input.action !== 'object' && !isApplicant)
    throw new EngineError('Forbidden', '只有申请人可以这样做 / Only the applicant can do this.');
  switch (input.action) {
    case 'withdraw': {
      if (state.firstDecisionAt !== null)
        throw new EngineError(
          'Conflict',
          '已有审批人处理过此案件，不能再撤回 / A reviewer has already decided on this case; it can no longer be withdrawn.',
        );
      await compensateSteps(ctx, fx, () => false);
      ctx.record('withdrawn', { actorId: input.actorId, comment: input.comment ?? null });
      endCase(ctx, fx, 'withdrawn', null);
      return;
    }
    case 'urge': {
      // Once per step per day, and only someone other than the applicant is urged (ADR 021).
      if (fx.patched?.(URGE_PER_STEP_PATCH) ?? true) {
        urgeOncePerStepADay(ctx, input.actorId, input.comment ?? null);
        return;
      }
      const now = ctx.now().getTime();
      if (state.lastUrgeAt !== null && now - state.lastUrgeAt < HOUR) {
        const minutes = Math.ceil((HOUR - (now - state.lastUrgeAt)) / 60_000);
        throw new EngineError(
          'Conflict',
          `每小时只能催办一次，请 ${minutes} 分钟后再试 / You can urge once an hour; try again in ${minutes} minutes.`,
        );
      }
      const holders = ctx.openTasks().flatMap((t) => (t.assigneeId ? [t.assigneeId] : t.candidateIds));
      if (holders.length === 0)
        throw new EngineError(
          'Conflict',
          '当前没有人在办理此案件，无需催办 / Nobody holds the case right now, so there is no one to urge.',
        );
      state.lastUrgeAt = now;
      ctx.notify(holders, 'urged', {
        zh: `催办：${state.title}`,
        en: `Reminder from the applicant: ${state.title}`,
      });
      ctx.record('urged', {
        actorId: input.actorId,
        comment: input.comment ?? null,
        data: { userIds: holders },
      });
      return;
    }
    case 'supplement': {
      const task = ctx
        .openTasks()
        .find((t) => t.kind === 'applicant-task' && t.candidateIds.includes(input.actorId));
      if (!task)
        throw new EngineError(
          'Conflict',
          '此案件没有在等你补充材料 / There is nothing to supplement: the case is not waiting for you.',
        );
      const run = state.steps.find((s) => s.taskIds.includes(task.id));
      const token = run ? ctx.token(run.tokenId) : undefined;
      if (!run || !token)
        throw new EngineError('Conflict', '此待办已不再有效 / This task is no longer active.');
      const values = input.data ?? {};
      const node = ctx.node(run.nodeId);
      // A step with field permissions (ADR 032) takes only its form: its own fields and those it lets
      // the applicant change. Steps without them keep their old, looser rule.
      const governed = node.kind === 'applicant-task' && node.fieldPermissions !== undefined;
      const allowed = new Set(task.form.map((f) => f.key));
      const unknown = governed ? Object.keys(values).filter((k) => !allowed.has(k)) : [];
      if (unknown.length > 0)
        throw new EngineError(
          'Invalid',
          `此步骤不能填写或修改：${unknown.map((k) => fieldLabel(ctx, k).zh).join('、')} / This step may not fill in or change: ${unknown.map((k) => fieldLabel(ctx, k).en).join(', ')}.`,
        );
      const problems = checkFormData(task.form, values, state.data);
      if (problems.length > 0) throw new EngineError('Invalid', problems.join(' '));
      const edits = governed ? editsOf(ctx, node, values) : null;
      if (edits) ctx.record('fields-edited', { node, actorId: input.actorId, data: edits });
      Object.assign(state.data, values);
      ctx.caseChanged = true;
      ctx.closeTask(task, 'completed', 'supplement');
      ctx.record('supplemented', {
        node,
        actorId: input.actorId,
        comment: input.comment ?? null,
        data: { fields: Object.keys(values) },
      });
      closeStep(ctx, fx, run);
      if (run.nodeId === APPLICANT_STEP) {
        // A resubmission starts the review over.
        state.firstDecisionAt = null;
        moveToken(ctx, token, state.definition.start);
      } else {
        state.done.push({
          nodeId: run.nodeId,
          scope: token.scope,
          kind: 'applicant-task',
          deciderId: input.actorId,
        });
        if ('next' in node) moveToken(ctx, token, node.next);
      }
      return;
    }
    case 'object': {
      const token = state.tokens.find((t) => ctx.node(t.nodeId).kind === 'notice' && t.phase === 'waiting');
      const node = token ? ctx.node(token.nodeId) : undefined;
      if (!token || node?.kind !== 'notice')
        throw new EngineError('Conflict', '此案件不在公示期内 / The case is not under public notice.');
      for (const timer of state.timers.filter((t) => t.tokenId === token.id)) fx.cancelTimer(timer.id);
      state.timers = state.timers.filter((t) => t.tokenId !== token.id);
      // An anonymous objection names nobody on the timeline; the gateway keeps who it was in the audit log.
      const anonymous = input.anonymous === true && (fx.patched?.('anonymous-objection') ?? true);
      ctx.record('objection', {
        node,
        actorId: anonymous ? null : input.actorId,
        comment: input.comment ?? null,
        ...(anonymous ? { data: { anonymous: true } } : {}),
      });
      moveToken(ctx, token, node.onObjection);
      return;
    }
  }
}
