import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChainPreview,
  ChainPreviewRequest,
  Problem,
  ProcessKeyParam,
  ProcessSummary,
} from '@unionflow/contracts';
import { Type } from 'typebox';
import { createChainPreview } from '../../cases/chain-preview';
import { startableDefinitions } from '../../cases/definitions';
import { rejectUnknownFields, startableDefinition } from '../../cases/submit-application';

/** `GET /api/processes` and the approval chain preview of one of them. */
export const processesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const previewChain = createChainPreview(app.db);

  app.get(
    '/api/processes',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['cases'],
        summary:
          "Published processes the caller may start (retired ones and those owned outside their org's line are left out)",
        response: { 200: Type.Array(ProcessSummary), 401: Problem },
      },
    },
    async (request) => {
      const defs = await startableDefinitions(app.db, request.user);
      return defs.map((d) => ({
        key: d.key,
        version: d.version,
        name: d.name,
        department: d.department,
        form: d.form,
      }));
    },
  );

  app.post(
    '/api/processes/:key/preview',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['cases'],
        summary:
          'The approval chain a case of this process would take for the caller and the data typed so far (审批流程预览)',
        params: Type.Object({ key: ProcessKeyParam }),
        body: ChainPreviewRequest,
        response: {
          200: ChainPreview,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request) => {
      // Whoever may not start it may not see its route either: the same answers as a start.
      const def = await startableDefinition(app.db, request.user, request.params.key);
      rejectUnknownFields(def, request.body.data);
      return previewChain(def, request.user, request.body.data);
    },
  );
};
