import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseDetail, CaseList, CaseStatus, PageQuery, Problem, StartCaseRequest } from '@unionflow/contracts';
import { APPLICANT_ACTION_NAMES, APPLICANT_ACTIONS } from '@unionflow/process-model';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { visibleCase } from '../../cases/case-lookup';
import { caseQuery, openApplicantForm } from '../../cases/case-repository';
import { toCaseDetail, toCaseSummary } from '../../cases/case-view';
import { decodeCursor, encodeCursor } from '../../cases/cursor';
import { departmentCases } from '../../cases/department-scope';
import { sendApplicantAction } from '../../cases/engine-client';
import { requireKnownFieldValues } from '../../cases/field-values';
import { requireOwnUploads } from '../../cases/file-ownership';
import { refuseMaskedEcho } from '../../cases/reveal';
import { startableDefinition, submitApplication } from '../../cases/submit-application';
import { forbidden } from '../../errors';
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
          }),
        ]),
        response: { 200: CaseList, 400: Problem, 401: Problem },
      },
    },
    async (request) => {
      const user = request.user;
      const { scope = 'mine', status, process } = request.query;
      const limit = request.query.limit ?? 20;
      const cursor = decodeCursor(request.query.cursor, ['time', 'key']);
      let q = caseQuery(app.db);
      if (scope === 'mine') {
        q = q.where('c.applicant_id', '=', user.id);
      } else {
        const department = departmentCases(q, user);
        if (!department) return { items: [], nextCursor: null };
        q = department;
      }
      if (status) q = q.where('c.status', '=', status);
      if (process) q = q.where('c.process_key', '=', process);
      if (cursor) q = q.where(sql<boolean>`(c.created_at, c.id) < (${cursor[0]}::timestamptz, ${cursor[1]})`);
      const rows = await q
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toCaseSummary),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor([new Date(last.created_at).toISOString(), last.id])
            : null,
      };
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
    async (request) => {
      const { row, def, visibility } = await visibleCase(app.db, request.user, request.params.id);
      return toCaseDetail(app.db, row, def, visibility, request.user.id);
    },
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
        const fresh = await visibleCase(app.db, user, row.id);
        return toCaseDetail(app.db, fresh.row, fresh.def, fresh.visibility, user.id);
      },
    );
  }
};
