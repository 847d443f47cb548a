import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InboxPage, PageQuery, Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor } from '../../cases/cursor';
import { inboxCounts, inboxPage } from '../../cases/inbox-repository';

const InboxQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    process: Type.Optional(Type.String({ maxLength: 100 })),
    department: Type.Optional(Type.String({ maxLength: 50 })),
    due: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('soon')])),
    claimed: Type.Optional(Type.Literal('me')),
    delegated: Type.Optional(Type.Boolean()),
  }),
]);

/** `GET /api/inbox`: the caller's open tasks from every department, soonest due first. */
export const inboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/inbox',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['inbox'],
        summary: 'My open tasks (keyset paginated) with counts per filter',
        querystring: InboxQuery,
        response: { 200: InboxPage, 400: Problem, 401: Problem },
      },
    },
    async (request) => {
      const q = request.query;
      const after = decodeCursor(q.cursor, ['time', 'time', 'key']);
      const filters = {
        process: q.process,
        department: q.department,
        due: q.due,
        claimed: q.claimed === 'me',
        delegated: q.delegated,
      };
      const [{ items, next }, counts] = await Promise.all([
        inboxPage(app.db, request.user.id, filters, q.limit ?? 20, after),
        inboxCounts(app.db, request.user.id),
      ]);
      return { items, nextCursor: next ? encodeCursor(next) : null, counts };
    },
  );
};
