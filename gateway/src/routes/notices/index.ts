import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoticeList, ObjectionReceipt, ObjectionRequest, Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import { definitionVersion } from '../../cases/definitions';
import { isOnNotice, toNoticeItem } from '../../notices/notice-board';
import { publishedNoticesInOrg } from '../../notices/notice-repository';
import { objectToNotice } from '../../notices/objection';

const NoticeParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** 公示: the notice board of the caller's own unit, and objections to what is on it (ADR 019). */
export const noticesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/notices',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['notices'],
        summary: 'Cases on public notice in my own unit, with only the fields their notice makes public',
        response: { 200: NoticeList, 401: Problem },
      },
    },
    async (request) => {
      const now = new Date();
      const rows = (await publishedNoticesInOrg(app.db, request.user.orgId)).filter((r) =>
        isOnNotice(r, now),
      );
      const items = await Promise.all(
        rows.map(async (r) =>
          toNoticeItem(r, await definitionVersion(app.db, r.process_key, r.process_version)),
        ),
      );
      return { items: items.flatMap((i) => (i ? [i] : [])).sort((a, b) => a.endsAt.localeCompare(b.endsAt)) };
    },
  );

  app.post(
    '/api/notices/:id/objections',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['notices'],
        summary: 'Object to a case on notice in my unit, by name or anonymously (during the notice period)',
        params: NoticeParams,
        body: ObjectionRequest,
        response: {
          201: ObjectionReceipt,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          503: Problem,
        },
      },
    },
    async (request, reply) => {
      const receipt = await objectToNotice(
        app,
        request.user,
        request.params.id,
        request.body,
        request.idempotencyKey,
      );
      reply.code(201);
      return receipt;
    },
  );
};
