import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseDetail, CaseList, CaseStatus, PageQuery, Problem, StartCaseRequest } from '@unionflow/contracts';
import { APPLICANT_ACTION_NAMES, APPLICANT_ACTIONS } from '@unionflow/process-model';
import { Type } from 'typebox';
import { caseListPage } from '../../cases/case-list';
import { visibleCase } from '../../cases/case-lookup';
import { openApplicantForm } from '../../cases/case-repository';
import { caseDetailFor } from '../../cases/case-reread';
import { decodeCursor, encodeCursor } from '../../cases/cursor';
import { sendApplicantAction } from '../../cases/engine-client';
import { requireKnownFieldValues } from '../../cases/field-values';
import { requireOwnUploads } from '../../cases/file-ownership';
import { refuseMaskedEcho } from '../../cases/reveal';
import { startableDefinition, submitApplication } from '../../cases/submit-application';
import { forbidden } from '../../errors';
import { caseListExport } from '../../exports/case-export';
import { exportLanguage, sendXlsx } from '../../exports/xlsx-stream';
import { approvalFormRoutes } from './approval-form-route';
import { revealRoutes } from './reveal-route';

const CaseParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ApplicantActionBody = Type.Object({
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  data: Type.Optional(Type.Record(Type.String(), Type.Any())),
});
const errors = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
  503: Problem,
};

/** Cases: start, list, read, and the applicant's own actions. */
export const casesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(revealRoutes);
  await app.register(approvalFormRoutes);
  app.post(
    '/api/cases',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['cases'],
        summary: 'Start a case',
        body: StartCaseRequest,
        response: { 201: CaseDetail, ...errors },
      },
    },
    async (request, reply) => {
      const def = await startableDefinition(app.db, request.user, request.body.processKey);
      const detail = await submitApplication(
        app,
        request.user,
        def,
        request.body.data,
        request.idempotencyKey,
      );
      reply.code(201);
      return detail;
    },
  );

  app.get(
    '/api/cases',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['cases'],
        summary: "My cases, or my departments' cases in my org scope (newest first, keyset paginated)",
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('department')])),
            status: Type.Optional(CaseStatus),
            process: Type.Optional(Type.String({ maxLength: 100 })),
            department: Type.Optional(Type.String({ maxLength: 50 })),
          }),
        ]),
        response: { 200: CaseList, 400: Problem, 401: Problem },
      },
    },
    async (request) => {
      const { scope = 'mine', status, process, department } = request.query;
      const cursor = decodeCursor(request.query.cursor, ['time', 'key']);
      const { items, next } = await caseListPage(
        app.db,
        request.user,
        { scope, status, process, department },
        request.query.limit ?? 20,
        cursor,
      );
      return { items, nextCursor: next ? encodeCursor(next) : null };
    },
  );

  app.get(
    '/api/cases/export',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['cases'],
        summary: '导出 Excel / my cases, or my departments’ cases, as an .xlsx with the list’s filters',
        description:
          'The cases `GET /api/cases` lists for the same `scope`, `status` and `process`, streamed page by page. Titles and amounts are masked as the list and the case page mask them; money in yuan, times in Beijing time, headers in `lang`.',
        querystring: Type.Object({
          scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('department')])),
          status: Type.Optional(CaseStatus),
          process: Type.Optional(Type.String({ maxLength: 100 })),
          department: Type.Optional(Type.String({ maxLength: 50 })),
          lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')])),
        }),
        response: { 400: Problem, 401: Problem },
      },
    },
    async (request, reply) => {
      const { scope = 'mine', status, process, department } = request.query;
      const lang = exportLanguage(request.query, request.headers['accept-language']);
      const filters = { scope, status, process, department };
      return sendXlsx(reply, lang, caseListExport(app.db, request.user, filters, lang));
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['cases'],
        summary: 'A case with its timeline, current tasks and predicted remaining path',
        params: CaseParams,
        response: { 200: CaseDetail, 401: Problem, 404: Problem },
      },
    },
    async (request) => caseDetailFor(app.db, request.user, request.params.id),
  );

  for (const action of APPLICANT_ACTION_NAMES) {
    app.post(
      `/api/cases/:id/${action}`,
      {
        config: { auth: 'user', idempotent: true },
        // The body is optional: an action with nothing to say may send none at all.
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: {
          tags: ['cases'],
          summary: {
            withdraw: 'Withdraw my case (until the first decision)',
            urge: 'Remind the people holding the current step (once per step a day; never the applicant)',
            supplement: 'Supply the information a reviewer asked for',
            object: 'Object to a case under public notice',
          }[action],
          params: CaseParams,
          body: Type.Optional(ApplicantActionBody),
          response: { 200: CaseDetail, ...errors },
        },
      },
      async (request) => {
        const user = request.user;
        const { row, def } = await visibleCase(app.db, user, request.params.id);
        if (action !== 'object' && row.applicant_id !== user.id)
          throw forbidden('只有申请人可以执行此操作 / only the applicant can do this');
        const body = request.body ?? {};
        refuseMaskedEcho(def, row.data, body.data);
        await requireOwnUploads(app.db, def, body.data, user.id);
        if (APPLICANT_ACTIONS[action].carriesData && body.data)
          await requireKnownFieldValues(app.db, await openApplicantForm(app.db, row.id), body.data, row.data);
        await sendApplicantAction(
          app.temporal,
          row.id,
          { actorId: user.id, action, comment: body.comment, data: body.data },
          request.idempotencyKey ? `${user.id}:${request.idempotencyKey}` : undefined,
        );
        return caseDetailFor(app.db, user, row.id);
      },
    );
  }
};
