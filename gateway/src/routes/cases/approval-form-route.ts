import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApprovalForm, ApprovalFormQuery, Problem } from '@unionflow/contracts';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { buildApprovalForm } from '../../approval-form/approval-form-model';
import { renderApprovalFormPdf } from '../../approval-form/approval-form-pdf';
import { loadCjkFont } from '../../approval-form/cjk-font';

const CaseParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/**
 * The shell's public origin, which the QR code links under: `PUBLIC_URL` when set (behind a proxy that
 * rewrites hosts), else the origin the request came to.
 */
function publicOrigin(request: FastifyRequest): string {
  return process.env.PUBLIC_URL || `${request.protocol}://${request.host}`;
}

/**
 * The printable approval form (审批单) of a case: the model the shell's print page draws, and the
 * same model as a server-side A4 PDF. Whoever may open the case may print it, masked as they see it.
 */
export const approvalFormRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/cases/:id/approval-form',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['cases'],
        summary:
          'The approval form of a case as the print page draws it (masked as the caller sees the case)',
        params: CaseParams,
        querystring: ApprovalFormQuery,
        response: { 200: ApprovalForm, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) =>
      buildApprovalForm(app.db, request.user, request.params.id, {
        lang: request.query.lang ?? 'zh',
        origin: publicOrigin(request),
      }),
  );

  app.get(
    '/api/cases/:id/approval-form.pdf',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['cases'],
        summary: 'The approval form of a case as an A4 PDF (needs a CJK font on the server: PDF_CJK_FONT)',
        params: CaseParams,
        querystring: ApprovalFormQuery,
        response: {
          // Raw bytes: fastify sends a Buffer as it is, this schema only documents it.
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }),
          400: Problem,
          401: Problem,
          404: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const form = await buildApprovalForm(app.db, request.user, request.params.id, {
        lang: request.query.lang ?? 'zh',
        origin: publicOrigin(request),
      });
      const pdf = await renderApprovalFormPdf(form, loadCjkFont());
      const filename = `approval-form-${form.caseNumber}.pdf`;
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `inline; filename="${filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(`审批单-${form.caseNumber}.pdf`)}`,
        )
        .send(pdf);
    },
  );
};
