import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, ProcessKeyParam, RetireRequest, RetireResult } from '@unionflow/contracts';
import { Type } from 'typebox';
import { retireDefinition } from '../../admin';
import { ADMIN_WRITE, guardManagedKeys } from './definition-routes';

const KeyParams = Type.Object({ key: ProcessKeyParam });

/** Retiring a process: it leaves 发起申请, its running cases go on. */
export const retireRoutes: FastifyPluginAsyncTypebox = async (app) => {
  guardManagedKeys(app);
  // A retire needs no body; an empty one means no reason given.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'POST' && request.body === undefined) request.body = {};
  });

  app.post(
    '/api/admin/definitions/:key/retire',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Retire a process: nobody may start it any more; running cases go on',
        description:
          'Only admins whose subtree owns the process (404 otherwise). 409 when it was never published or is already retired. Audited as `definition-retired`; publishing a new version brings it back.',
        params: KeyParams,
        body: RetireRequest,
        response: {
          200: RetireResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => retireDefinition(app.db, request.user, request.params.key, request.body.reason),
  );
};
