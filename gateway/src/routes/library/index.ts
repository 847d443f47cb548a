import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor } from '../../cases/cursor';
import { notFound } from '../../errors';
import { escapeLike } from '../../sql-text';

const LibraryEntry = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  processKey: Type.String(),
  title: Type.String(),
  kind: Type.Union([Type.String(), Type.Null()]),
  tier: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  author: Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() }),
  orgName: Type.String(),
  awardFen: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: Type.String({ format: 'date-time' }),
});

const LibraryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the title or summary' })),
  tier: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

/** `%`, `_` and `\` are literal in a member's search words. */
function likePattern(words: string): string {
  return `%${escapeLike(words)}%`;
}

function baseQuery(app: Parameters<FastifyPluginAsyncTypebox>[0]) {
  return app.db
    .selectFrom('library_entries as l')
    .innerJoin('users as u', 'u.id', 'l.author_id')
    .leftJoin('orgs as o', 'o.id', 'l.org_id')
    .select([
      'l.case_id',
      'l.case_number',
      'l.process_key',
      'l.title',
      'l.kind',
      'l.tier',
      'l.summary',
      'l.award_fen',
      'l.published_at',
      'u.id as author_id',
      'u.username',
      'u.display_name',
      'o.name as org_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toEntry(r: Row) {
  return {
    caseId: r.case_id,
    caseNumber: r.case_number,
    processKey: r.process_key,
    title: r.title,
    kind: r.kind,
    tier: r.tier,
    summary: r.summary,
    author: { id: r.author_id, username: r.username, displayName: r.display_name },
    orgName: r.org_name ?? '',
    awardFen: r.award_fen === null ? null : Number(r.award_fen),
    publishedAt: new Date(r.published_at).toISOString(),
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
      let query = baseQuery(app);
      for (const word of (q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
        const pattern = likePattern(word);
        query = query.where((eb) =>
          eb.or([eb('l.title', 'ilike', pattern), eb('l.summary', 'ilike', pattern)]),
        );
      }
      if (tier) query = query.where('l.tier', '=', tier);
      if (kind) query = query.where('l.kind', '=', kind);
      if (cursor)
        query = query.where(
          sql<boolean>`(l.published_at, l.case_id) < (${cursor[0]}::timestamptz, ${cursor[1]})`,
        );
      const rows = await query
        .orderBy('l.published_at', 'desc')
        .orderBy('l.case_id', 'desc')
        .limit(limit + 1)
        .execute();
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
      const row = await baseQuery(app).where('l.case_id', '=', request.params.caseId).executeTakeFirst();
      if (!row) throw notFound('成果库中没有这条记录 / no such library entry');
      return toEntry(row);
    },
  );
};
