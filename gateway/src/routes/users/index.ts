import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, UserRef } from '@unionflow/contracts';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { escapeLike } from '../../sql-text';

const Query = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 50 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })),
});
const Found = Type.Array(Type.Object({ ...UserRef.properties, orgName: Type.String() }));

/**
 * `GET /api/users?q=`: people to hand a task to or add as a signer, by username or name. Staff and
 * members alike may search, but only active users are listed and only names, never contact data.
 */
export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/users',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['users'],
        summary: 'Find users by username or name (for pickers)',
        querystring: Query,
        response: { 200: Found, 400: Problem, 401: Problem },
      },
    },
    async (request) => {
      const term = escapeLike(request.query.q);
      const rows = await app.db
        .selectFrom('users')
        .innerJoin('orgs', 'orgs.id', 'users.org_id')
        .select(['users.id', 'users.username', 'users.display_name', 'orgs.name as org_name'])
        .where('users.disabled', '=', false)
        .where((eb) =>
          eb.or([eb('users.username', 'ilike', `${term}%`), eb('users.display_name', 'like', `%${term}%`)]),
        )
        .orderBy(sql`users.username = ${request.query.q}`, 'desc')
        .orderBy('users.username')
        .limit(request.query.limit ?? 10)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        orgName: r.org_name,
      }));
    },
  );
};
