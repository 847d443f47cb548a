import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseDetail, DecisionRequest, Problem } from '@unionflow/contracts';
import {
  type FormField,
  REVIEWER_ACTION_NAMES,
  REVIEWER_ACTIONS,
  targetsUser,
} from '@unionflow/process-model';
import type { DecisionInput } from '@unionflow/workflows';
import { Type } from 'typebox';
import type { AuthUser } from '../../auth';
import { visibleRow } from '../../cases/case-lookup';
import { findCaseOfTask, findTaskWithCase } from '../../cases/case-repository';
import { caseDetailFor } from '../../cases/case-reread';
import { closedTaskConflict, findTaskState, isClosed, type TaskState } from '../../cases/closed-task';
import { decisionTarget } from '../../cases/decision-targets';
import { sendClaim, sendDecision } from '../../cases/engine-client';
import { requireChangeableFields } from '../../cases/field-permissions';
import { requireKnownFieldValues } from '../../cases/field-values';
import { requireOwnUploads } from '../../cases/file-ownership';
import { AppError, notFound, unprocessable } from '../../errors';

const TaskParams = Type.Object({ id: Type.String({ maxLength: 200 }) });
const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
  503: Problem,
};

/** Tasks: claim, release and decide. Every decision goes to the case workflow as an Update. */
export const tasksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The task's case, if the caller may see it; otherwise the same 404 as an unknown task. */
  async function taskCase(user: AuthUser, taskId: string) {
    const missing = notFound(`找不到任务 ${taskId} / no task ${taskId}`);
    const row = await findCaseOfTask(app.db, taskId);
    if (!row) throw missing;
    return visibleRow(app.db, user, row, missing);
  }

  /**
   * Sends a decision. A task the engine no longer has was closed (decided, or cancelled by a return)
   * while the request was on its way: that is a conflict to explain, not an unknown task.
   */
  async function decideOn(task: TaskState, input: DecisionInput, updateId: string | undefined) {
    try {
      return await sendDecision(app.temporal, task.case_id, input, updateId);
    } catch (err) {
      // A task the engine no longer has (or a case that has ended) lost a race: say who won it.
      if (!(err instanceof AppError) || (err.status !== 404 && err.status !== 409)) throw err;
      const now = await findTaskState(app.db, task.id);
      if (now && isClosed(now)) throw await closedTaskConflict(app.db, now);
      if (err.status === 404) throw await closedTaskConflict(app.db, task);
      throw err;
    }
  }

  const updateId = (user: AuthUser, key: string | undefined) => (key ? `${user.id}:${key}` : undefined);

  for (const release of [false, true]) {
    app.post(
      `/api/tasks/:id/${release ? 'release' : 'claim'}`,
      {
        config: { auth: 'user', idempotent: true },
        schema: {
          tags: ['tasks'],
          summary: release ? 'Put a claimed group task back' : 'Claim a group task',
          params: TaskParams,
          response: { 200: CaseDetail, ...errors },
        },
      },
      async (request) => {
        const { row } = await taskCase(request.user, request.params.id);
        await sendClaim(
          app.temporal,
          row.id,
          { taskId: request.params.id, actorId: request.user.id, release },
          updateId(request.user, request.idempotencyKey),
        );
        return caseDetailFor(app.db, request.user, row.id);
      },
    );
  }

  app.post(
    '/api/tasks/:id/decisions',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['tasks'],
        summary: `Decide a task: ${REVIEWER_ACTION_NAMES.join(', ')}`,
        description:
          '`to` is a username for the actions aimed at a person (transfer, delegate, add-signer, remove-signer) and a step id or "applicant" for return; `position: "before"` adds a signer right before you (前加签), the default right after. `comment` records a comment without deciding and needs text. A decision on a task already decided, or cancelled by a return, gets 409 saying who decided it and when.',
        params: TaskParams,
        body: DecisionRequest,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (request) => {
      const missing = notFound(`找不到任务 ${request.params.id} / no task ${request.params.id}`);
      const found = await findTaskWithCase(app.db, request.params.id);
      if (!found) throw missing;
      const { task } = found;
      const { row, def } = await visibleRow(app.db, request.user, found.row, missing);
      const body = request.body;
      if (isClosed(task)) throw await closedTaskConflict(app.db, task);
      const spec = REVIEWER_ACTIONS[body.action];
      if (spec.target !== 'none' && !body.to) {
        throw unprocessable(
          spec.target === 'step'
            ? '请指定退回到哪一步 / say where to return to ("applicant" or a step id)'
            : '请指定用户 / say which user (to)',
        );
      }
      if (spec.comment === 'required' && !body.comment?.trim())
        throw unprocessable(`请填写${spec.label.zh}内容 / a ${spec.label.en.toLowerCase()} needs text`);
      if (body.position && !spec.positioned)
        throw unprocessable(
          `${spec.label.zh}不能指定前后位置 / ${spec.label.en.toLowerCase()} takes no position`,
        );
      if (spec.carriesData && body.data) {
        requireChangeableFields(def, task, body.data);
        await requireKnownFieldValues(app.db, task.form as FormField[], body.data, row.data);
        await requireOwnUploads(app.db, def, body.data, request.user.id);
      }
      const input: DecisionInput = {
        taskId: request.params.id,
        actorId: request.user.id,
        action: body.action,
        comment: body.comment,
        data: body.data,
        to: targetsUser(body.action) && body.to ? await decisionTarget(app.db, row, body.to) : body.to,
        ...(body.position ? { position: body.position } : {}),
      };
      await decideOn(task, input, updateId(request.user, request.idempotencyKey));
      return caseDetailFor(app.db, request.user, row.id);
    },
  );
};
