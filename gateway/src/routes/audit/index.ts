import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { verifyAuditChain } from '@unionflow/db';
import { Type } from 'typebox';
import { AUDIT_READERS, auditListRoute } from './audit-list-route';

/** The result of walking the audit hash chain. */
export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Type.Union([
    Type.Object({ id: Type.String(), eventKey: Type.String(), reason: Type.String() }),
    Type.Null(),
  ]),
});

/** `GET /api/audit` (the log) and `GET /api/audit/verify`: admins and auditors check that no event was changed or removed. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(auditListRoute);
  app.get(
    '/api/audit/verify',
    {
      config: { auth: 'user', roles: AUDIT_READERS },
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit hash chain (admin, auditor)',
        response: { 200: AuditVerification, 401: Problem, 403: Problem },
      },
    },
    async () => verifyAuditChain(app.db),
  );
};
