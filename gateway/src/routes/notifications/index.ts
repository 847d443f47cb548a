import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LocalText, PageQuery, Problem, Timestamp } from '@unionflow/contracts';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor } from '../../cases/cursor';
import {
  markNotificationsRead,
  notificationsPage,
  unreadCount,
} from '../../notifications/notification-repository';

const NotificationId = Type.String({ pattern: '^[0-9]{1,18}$' });

/** One notification of the caller. */
export const NotificationItem = Type.Object({
  id: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  type: Type.String(),
  message: LocalText,
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});

/** A page of notifications (newest first) with the unread count. */
export const NotificationPage = Type.Object({
  items: Type.Array(NotificationItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unread: Type.Integer(),
});

const ListQuery = Type.Intersect([PageQuery, Type.Object({ unread: Type.Optional(Type.Boolean()) })]);

const ReadBody = Type.Union([
  Type.Object(
    { ids: Type.Array(NotificationId, { minItems: 1, maxItems: 500 }) },
    { additionalProperties: false },
  ),
  Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
]);

const ReadResult = Type.Object({ updated: Type.Integer(), unread: Type.Integer() });

/** `/api/notifications`: the caller's notifications and marking them read. */
export const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first (keyset paginated), with the unread count',
        querystring: ListQuery,
        response: { 200: NotificationPage, 400: Problem, 401: Problem },
      },
    },
    async (request) => {
      const userId = request.user.id;
      const limit = request.query.limit ?? 20;
      const cursor = decodeCursor(request.query.cursor, ['serial']);
      const before = cursor?.[0];
      const [rows, unread] = await Promise.all([
        notificationsPage(app.db, userId, { unreadOnly: request.query.unread, before, limit: limit + 1 }),
        unreadCount(app.db, userId),
      ]);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => ({
          id: String(r.id),
          caseId: r.case_id,
          type: r.type,
          message: r.message,
          createdAt: new Date(r.created_at).toISOString(),
          readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor([String(last.id)]) : null,
        unread,
      };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['notifications'],
        summary: 'Mark some ({ ids }) or all ({ all: true }) of my notifications read',
        body: ReadBody,
        response: { 200: ReadResult, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const userId = request.user.id;
      const body = request.body;
      const updated = await markNotificationsRead(app.db, userId, 'ids' in body ? body.ids : null);
      return { updated, unread: await unreadCount(app.db, userId) };
    },
  );
};
