import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { INNOVATION_TIER_LABELS } from '@unionflow/domain';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor } from '../../cases/cursor';
import { conflict, notFound, unprocessable } from '../../errors';
import { type LibraryRow, libraryEntry, recordReuse, searchLibrary } from '../../library/library-repository';

const LibraryEntry = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  processKey: Type.String(),
  title: Type.String(),
  kind: Type.Union([Type.String(), Type.Null()]),
  tier: Type.Union([Type.String(), Type.Null()]),
  /** The tier as people read it (攻关项目…); null for a tier code the vocabulary does not know. */
  tierName: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
  summary: Type.String(),
  author: Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() }),
  orgName: Type.String(),
  awardFen: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: Type.String({ format: 'date-time' }),
  /** Members who recorded that their team reused this result (借鉴共享). */
  reuses: Type.Integer({ minimum: 0 }),
  /** Whether the caller has recorded a reuse of it. */
  reusedByMe: Type.Boolean(),
});

const ReuseBody = Type.Object({
  note: Type.Optional(
    Type.String({ maxLength: 500, description: 'Where and how the result was put to use (optional)' }),
  ),
});

const LibraryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the title or summary' })),
  tier: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

const tierName = (tier: string | null) =>
  tier && Object.hasOwn(INNOVATION_TIER_LABELS, tier)
    ? INNOVATION_TIER_LABELS[tier as keyof typeof INNOVATION_TIER_LABELS]
    : null;

function toEntry(r: LibraryRow) {
  return {
    caseId: r.case_id,
    caseNumber: r.case_number,
    processKey: r.process_key,
    title: r.title,
    kind: r.kind,
    tier: r.tier,
    tierName: tierName(r.tier),
    summary: r.summary,
    author: { id: r.author_id, username: r.username, displayName: r.display_name },
    orgName: r.org_name ?? '',
    awardFen: r.award_fen === null ? null : Number(r.award_fen),
    publishedAt: new Date(r.published_at).toISOString(),
    reuses: r.reuses,
    reusedByMe: r.reused_by_me,
  };
}

/** 借鉴共享: every signed-in member searches the published innovation results. */
export const libraryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/library',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['library'],
        summary: 'Search the shared library of published results (newest first, keyset paginated)',
        querystring: LibraryQuery,
        response: {
          200: Type.Object({
            items: Type.Array(LibraryEntry),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          400: Problem,
          401: Problem,
        },
      },
    },
    async (request) => {
      const { q, tier, kind } = request.query;
      const limit = request.query.limit ?? 20;
      const cursor = decodeCursor(request.query.cursor, ['time', 'key']);
      const rows = await searchLibrary(app.db, request.user.id, {
        words: (q ?? '').split(/\s+/).filter(Boolean).slice(0, 5),
        tier,
        kind,
        after: cursor,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toEntry),
        nextCursor:
          rows.length > limit && last
            ? encodeCursor([new Date(last.published_at).toISOString(), last.case_id])
            : null,
      };
    },
  );

  app.get(
    '/api/library/:caseId',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['library'],
        summary: 'One published result',
        params: Type.Object({ caseId: Type.String({ maxLength: 64 }) }),
        response: { 200: LibraryEntry, 401: Problem, 404: Problem },
      },
    },
    async (request) => {
      const row = await libraryEntry(app.db, request.user.id, request.params.caseId);
      if (!row) throw notFound('成果库中没有这条记录 / no such library entry');
      return toEntry(row);
    },
  );

  app.post(
    '/api/library/:caseId/reuses',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['library'],
        summary: 'Record that my team put a published result to use (借鉴共享); once per member and result',
        params: Type.Object({ caseId: Type.String({ maxLength: 64 }) }),
        body: ReuseBody,
        response: { 201: LibraryEntry, 400: Problem, 401: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const entry = await libraryEntry(app.db, request.user.id, caseId);
      if (!entry) throw notFound('成果库中没有这条记录 / no such library entry');
      if (entry.author_id === request.user.id)
        throw unprocessable('不能登记借鉴自己的成果 / you cannot record reusing your own result');
      const note = request.body.note?.trim() || null;
      const recorded = await recordReuse(app.db, {
        caseId,
        userId: request.user.id,
        orgId: request.user.orgId,
        note,
        at: new Date(),
      });
      if (!recorded) throw conflict('您已登记借鉴过这项成果 / you have already recorded reusing this result');
      reply.code(201);
      return toEntry((await libraryEntry(app.db, request.user.id, caseId))!);
    },
  );
};
