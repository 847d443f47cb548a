import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import {
  type AttentionRow,
  attentionItem,
  attentionItems,
  parkedOrKnownCase,
} from '../../cases/attention-repository';
import { sendAttention } from '../../cases/engine-client';
import { notFound } from '../../errors';
import { ADMIN, ADMIN_WRITE } from './definition-routes';
import { CaseParams, caseActionErrors } from './migration-routes';

const AttentionItem = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  processKey: Type.Union([Type.String(), Type.Null()]),
  /** Why the case's records could not be written (the database's reason). */
  message: Type.String(),
  since: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
const Resolved = Type.Object({ caseId: Type.String(), status: Type.String() });

/**
 * Cases parked because PostgreSQL refused their records for good (ADR 013): the list, and the two
 * ways out — write the held records again after fixing the cause, or end the case.
 */
export const attentionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const toItem = (r: AttentionRow) => ({
    caseId: r.case_id,
    caseNumber: r.number,
    title: r.title,
    processKey: r.process_key,
    message: r.message,
    since: new Date(r.since).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  });

  app.get(
    '/api/admin/attention',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: 'Cases that need an administrator: their records could not be written (oldest first)',
        response: { 200: Type.Object({ items: Type.Array(AttentionItem) }), 401: Problem, 403: Problem },
      },
    },
    async () => ({ items: (await attentionItems(app.db, 500)).map(toItem) }),
  );

  app.get(
    '/api/admin/attention/:id',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: 'Why one case needs an administrator',
        params: CaseParams,
        response: { 200: AttentionItem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const row = await attentionItem(app.db, request.params.id);
      if (!row) throw notFound('此案件无需处理 / this case does not need an administrator');
      return toItem(row);
    },
  );

  for (const action of ['retry', 'terminate'] as const) {
    app.post(
      `/api/admin/cases/:id/attention/${action}`,
      {
        config: ADMIN_WRITE,
        // The body is optional: an admin with no reason to give may send none at all.
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: {
          tags: ['admin'],
          summary:
            action === 'retry'
              ? "Write a parked case's held records again (after fixing the cause)"
              : 'End a parked case: terminated, its open tasks cancelled',
          description: '409 when the case is not parked, or (retry) when the database refuses again.',
          params: CaseParams,
          body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) })),
          response: { 200: Resolved, ...caseActionErrors },
        },
      },
      async (request) => {
        const { id } = request.params;
        const known = await parkedOrKnownCase(app.db, id);
        if (!known) throw notFound(`找不到案件 ${id} / no case ${id}`);
        const key = request.idempotencyKey;
        const view = await sendAttention(
          app.temporal,
          id,
          { action, actorId: request.user.id, reason: request.body?.reason },
          key ? `${request.user.id}:${key}` : undefined,
        );
        return { caseId: id, status: view.status };
      },
    );
  }
};
