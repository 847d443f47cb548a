import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { verifyAuditChain } from '@unionflow/db';
import { Type } from 'typebox';

/** The result of walking the audit hash chain. */
export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Type.Union([
    Type.Object({ id: Type.String(), eventKey: Type.String(), reason: Type.String() }),
    Type.Null(),
  ]),
});

/** `GET /api/audit/verify`: admins check that no audit event was changed or removed. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit/verify',
    {
      config: { auth: 'user', roles: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit hash chain (admin)',
        response: { 200: AuditVerification, 401: Problem, 403: Problem },
      },
    },
    async () => verifyAuditChain(app.db),
  );
};
