import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery, Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import { listAuditEvents } from '../../audit-log';
import { auditExport } from '../../exports/audit-export';
import { exportLanguage, sendXlsx } from '../../exports/xlsx-stream';

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

  app.get(
    '/api/audit/export',
    {
      config: { auth: 'user', roles: AUDIT_READERS },
      schema: {
        tags: ['audit'],
        summary: '导出 Excel / the audit log as an .xlsx, with the same filters and masking (admin, auditor)',
        description:
          'The events `GET /api/audit` lists for the same filters, streamed page by page; household data masked as the reader sees it; times in Beijing time; headers in `lang`.',
        querystring: Type.Intersect([
          Type.Omit(AuditQuery, ['cursor', 'limit']),
          Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')])) }),
        ]),
        response: { 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const { lang: _lang, ...filters } = request.query;
      const lang = exportLanguage(request.query, request.headers['accept-language']);
      return sendXlsx(reply, lang, auditExport(app.db, request.user, filters, lang));
    },
  );
};
