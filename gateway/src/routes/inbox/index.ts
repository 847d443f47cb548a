import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BoxPage,
  CcReadRequest,
  CcReadResult,
  INBOX_BOX_NAMES,
  InboxBox,
  InboxPage,
  PageQuery,
  Problem,
} from '@unionflow/contracts';
import { Type } from 'typebox';
import { checkDateRange } from '../../cases/box-filters';
import { boxCounts, boxPage, markCopiesRead } from '../../cases/box-repository';
import { decodeCursor, encodeCursor } from '../../cases/cursor';
import { inboxCounts } from '../../cases/inbox-counts';
import { inboxPage } from '../../cases/inbox-repository';
import { badRequest } from '../../errors';
import { boxExport, todoExport } from '../../exports/inbox-export';
import { exportLanguage, sendXlsx } from '../../exports/xlsx-stream';

const Day = Type.String({ maxLength: 10, description: 'A calendar day in Beijing time, YYYY-MM-DD' });

const BoxFilterQuery = Type.Object({
  box: Type.Optional(InboxBox),
  process: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  overdue: Type.Optional(Type.Boolean()),
  // The to-do box's own views.
  department: Type.Optional(Type.String({ maxLength: 50 })),
  due: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('soon')])),
  claimed: Type.Optional(Type.Literal('me')),
  delegated: Type.Optional(Type.Boolean()),
});
const InboxQuery = Type.Intersect([PageQuery, BoxFilterQuery]);
const ExportQuery = Type.Intersect([
  BoxFilterQuery,
  Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')])) }),
]);

/** Names an unknown box in both languages, before the schema's own check. */
async function knownBox(request: { query: unknown }) {
  const { box } = request.query as { box?: unknown };
  if (box !== undefined && !(INBOX_BOX_NAMES as readonly unknown[]).includes(box))
    throw badRequest(
      `没有名为 ${String(box).slice(0, 20)} 的收件箱，可选 ${INBOX_BOX_NAMES.join('、')} / no inbox box named ${String(box).slice(0, 20)}; use one of ${INBOX_BOX_NAMES.join(', ')}`,
    );
}

/**
 * `GET /api/inbox`: one of four boxes (ADR 018). `todo` (default) lists my open tasks, soonest due
 * first; `done`, `started` and `cc` list cases newest first, only those the caller may read.
 * `POST /api/inbox/cc/read` marks copies read.
 */
export const inboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/inbox',
    {
      config: { auth: 'user' },
      // Before the schema's check, so an unknown box is named in both languages, as other input errors are.
      preValidation: knownBox,
      schema: {
        tags: ['inbox'],
        summary: 'One box of my inbox (keyset paginated): to do, done, started by me, or copied to me',
        querystring: InboxQuery,
        response: { 200: Type.Union([InboxPage, BoxPage]), 400: Problem, 401: Problem },
      },
    },
    async (request) => {
      const q = request.query;
      const user = request.user;
      checkDateRange(q.from, q.to);
      const box = q.box ?? 'todo';
      const limit = q.limit ?? 20;
      const shared = { process: q.process, from: q.from, to: q.to, q: q.q };
      if (box === 'todo') {
        const after = decodeCursor(q.cursor, ['time', 'time', 'key']);
        const filters = {
          ...shared,
          department: q.department,
          due: q.overdue ? ('overdue' as const) : q.due,
          claimed: q.claimed === 'me',
          delegated: q.delegated,
        };
        const [{ items, next }, { todo, boxes }] = await Promise.all([
          inboxPage(app.db, user, filters, limit, after),
          inboxCounts(app.db, user),
        ]);
        return {
          box,
          items,
          nextCursor: next ? encodeCursor(next) : null,
          counts: todo,
          boxes: { todo: todo.all, ...boxes },
        };
      }
      const after = decodeCursor(q.cursor, ['time', box === 'done' ? 'serial' : 'key']);
      const [{ items, next }, { todo, boxes }] = await Promise.all([
        boxPage(app.db, user, box, { ...shared, overdue: q.overdue }, limit, after),
        inboxCounts(app.db, user),
      ]);
      return {
        box,
        items,
        nextCursor: next ? encodeCursor(next) : null,
        boxes: { todo: todo.all, ...boxes },
      };
    },
  );

  app.get(
    '/api/inbox/export',
    {
      config: { auth: 'user' },
      preValidation: knownBox,
      schema: {
        tags: ['inbox'],
        summary: '导出 Excel / one box of my inbox as an .xlsx, with the same filters as GET /api/inbox',
        description:
          'Streamed page by page, so any number of rows can be exported. Headers in `lang` (default: Accept-Language, else Chinese); times in Beijing time.',
        querystring: ExportQuery,
        response: { 400: Problem, 401: Problem },
      },
    },
    async (request, reply) => {
      const q = request.query;
      checkDateRange(q.from, q.to);
      const lang = exportLanguage(q, request.headers['accept-language']);
      const box = q.box ?? 'todo';
      const shared = { process: q.process, from: q.from, to: q.to, q: q.q };
      if (box === 'todo') {
        const filters = {
          ...shared,
          department: q.department,
          due: q.overdue ? ('overdue' as const) : q.due,
          claimed: q.claimed === 'me',
          delegated: q.delegated,
        };
        return sendXlsx(reply, lang, todoExport(app.db, request.user, filters, lang));
      }
      return sendXlsx(
        reply,
        lang,
        boxExport(app.db, request.user, box, { ...shared, overdue: q.overdue }, lang),
      );
    },
  );

  app.post(
    '/api/inbox/cc/read',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['inbox'],
        summary: 'Mark my copies (抄送) of these cases read',
        body: CcReadRequest,
        response: { 200: CcReadResult, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const updated = await markCopiesRead(app.db, request.user.id, request.body.caseIds);
      const { ccUnread } = await boxCounts(app.db, request.user);
      return { updated, ccUnread };
    },
  );
};
