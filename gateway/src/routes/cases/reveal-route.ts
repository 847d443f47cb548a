import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, RevealRequest, RevealResult } from '@unionflow/contracts';
import { Type } from 'typebox';
import { revealField } from '../../cases/reveal';

const CaseParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** `POST /api/cases/:id/reveal`: click-to-reveal of an ID number, one audit event per reveal. */
export const revealRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/cases/:id/reveal',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['cases'],
        summary: 'Show the whole value of a field masked even for full viewers (an ID number), audited',
        description:
          'Only readers who see the case unmasked may reveal (others 403, or 404 when the case is not theirs to see); each reveal writes a field-revealed audit event with who, which field and when.',
        params: CaseParams,
        body: RevealRequest,
        response: {
          200: RevealResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          422: Problem,
        },
      },
    },
    async (request) => revealField(app.db, request.user, request.params.id, request.body.field),
  );
};
