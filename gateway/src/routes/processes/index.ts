import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, ProcessSummary } from '@unionflow/contracts';
import { Type } from 'typebox';
import { startableDefinitions } from '../../cases/definitions';

/** `GET /api/processes`: the published processes the caller may start, with their start forms. */
export const processesRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
};
