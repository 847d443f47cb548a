import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery, Problem } from '@unionflow/contracts';
import { listAuditEvents } from '../../audit-log';

/** Who may read the audit log: admins and auditors, each within their own org subtree. */
export const AUDIT_READERS = ['admin', 'auditor'] as const;

/** `GET /api/audit`: the audit log, filtered and keyset paged, newest first. */
export const auditListRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { auth: 'user', roles: AUDIT_READERS },
      schema: {
        tags: ['audit'],
        summary: '审计日志 / the audit log of the caller’s org subtree, newest first (admin, auditor)',
        description:
          'Filters combine: `caseId` (a case id or number), `actor` (username), `type`, and the time range `from` (inclusive) to `to` (exclusive). Household data in payloads is masked.',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => listAuditEvents(app.db, request.user, request.query),
  );
};
