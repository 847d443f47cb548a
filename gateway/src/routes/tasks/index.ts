import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseDetail, DecisionRequest, Problem } from '@unionflow/contracts';
import type { DecisionInput } from '@unionflow/workflows';
import { Type } from 'typebox';
import type { AuthUser } from '../../auth';
import { visibleCase, visibleRow } from '../../cases/case-lookup';
import { findCaseOfTask } from '../../cases/case-repository';
import { toCaseDetail } from '../../cases/case-view';
import { decisionTarget } from '../../cases/decision-targets';
import { sendClaim, sendDecision } from '../../cases/engine-client';
import { notFound, unprocessable } from '../../errors';

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
        const fresh = await visibleCase(app.db, request.user, row.id);
        return toCaseDetail(app.db, fresh.row, fresh.def, fresh.visibility);
      },
    );
  }

  app.post(
    '/api/tasks/:id/decisions',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['tasks'],
        summary: 'Decide a task: approve, reject, return, transfer, add-signer, delegate',
        description:
          '`to` is a username for transfer, delegate and add-signer, and a step id or "applicant" for return. A second decision on the same task gets 409.',
        params: TaskParams,
        body: DecisionRequest,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (request) => {
      const { row } = await taskCase(request.user, request.params.id);
      const body = request.body;
      const needsUser =
        body.action === 'transfer' || body.action === 'delegate' || body.action === 'add-signer';
      if ((needsUser || body.action === 'return') && !body.to) {
        throw unprocessable(
          body.action === 'return'
            ? '请指定退回到哪一步 / say where to return to ("applicant" or a step id)'
            : '请指定用户 / say which user (to)',
        );
      }
      const input: DecisionInput = {
        taskId: request.params.id,
        actorId: request.user.id,
        action: body.action,
        comment: body.comment,
        data: body.data,
        to: needsUser && body.to ? await decisionTarget(app.db, row, body.to) : body.to,
      };
      await sendDecision(app.temporal, row.id, input, updateId(request.user, request.idempotencyKey));
      const fresh = await visibleCase(app.db, request.user, row.id);
      return toCaseDetail(app.db, fresh.row, fresh.def, fresh.visibility);
    },
  );
};
