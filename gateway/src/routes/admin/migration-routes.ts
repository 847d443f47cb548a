import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MigrateRequest, MigrateResult, Problem } from '@unionflow/contracts';
import type { ProcessDefinition } from '@unionflow/process-model';
import { Type } from 'typebox';
import { publishedDocument, requireManagedKey } from '../../admin';
import { adminCase } from '../../cases/admin-case';
import { sendMigration, sendServiceRetry } from '../../cases/engine-client';
import { conflict, notFound } from '../../errors';
import { ADMIN_WRITE } from './definition-routes';

/** `:id` of an admin case action, and the problems such an action may answer. */
export const CaseParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const caseActionErrors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
  503: Problem,
};

/** Moving a running case to another published version of its process: an explicit admin action. */
export const migrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/admin/cases/:id/migrate',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Move a running case to another published version of its process',
        description:
          'The engine refuses (409) when a step the case is at, or has done, has no step of the same kind in the target; the case is then unchanged.',
        params: CaseParams,
        body: MigrateRequest,
        response: { 200: MigrateResult, ...caseActionErrors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { version } = request.body;
      const row = await adminCase(app.db, request.user, id);
      // Moving a case rewrites the process it runs: only the process's own admins may.
      await requireManagedKey(app.db, request.user, row.process_key);
      const target = await publishedDocument(app.db, row.process_key, version);
      if (!target) {
        throw notFound(
          `流程 ${row.process_key} 没有第 ${version} 版 / process "${row.process_key}" has no version ${version}`,
        );
      }
      if (row.status !== 'running') {
        throw conflict(`案件已结束，不能迁移 / the case is ${row.status} and cannot be moved`);
      }
      const key = request.idempotencyKey;
      const view = await sendMigration(
        app.temporal,
        id,
        { actorId: request.user.id, definition: target.document as unknown as ProcessDefinition },
        key ? `${request.user.id}:${key}` : undefined,
      );
      return {
        caseId: id,
        fromVersion: row.process_version,
        toVersion: version,
        status: view.status,
        activeNodeIds: view.activeNodeIds,
      };
    },
  );

  app.post(
    '/api/admin/cases/:id/retry',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Run the failed automatic steps of a case again',
        description:
          'After a service step failed past its retries (the timeline shows service-failed), an admin fixes the cause and runs it again; 409 when nothing failed.',
        params: CaseParams,
        response: { 200: Type.Object({ caseId: Type.String(), status: Type.String() }), ...caseActionErrors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const row = await adminCase(app.db, request.user, id);
      if (row.status !== 'running') throw conflict(`案件已结束 / the case is ${row.status}`);
      const key = request.idempotencyKey;
      const view = await sendServiceRetry(
        app.temporal,
        id,
        { actorId: request.user.id },
        key ? `${request.user.id}:${key}` : undefined,
      );
      return { caseId: id, status: view.status };
    },
  );
};
