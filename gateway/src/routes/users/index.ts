import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, UserRef } from '@unionflow/contracts';
import { Type } from 'typebox';
import { visibleCase } from '../../cases/case-lookup';
import { findUsersInScopes } from '../../org/user-repository';
import { escapeLike } from '../../sql-text';

const Query = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 50 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })),
  /** The case a transfer or added signer is picked for: the people its task may go to are offered too. */
  caseId: Type.Optional(Type.String({ maxLength: 64 })),
  /** A standing delegation is picked: the caller's own org line is offered (where it may go, ADR 011). */
  purpose: Type.Optional(Type.Literal('delegation')),
});
const Found = Type.Array(Type.Object({ ...UserRef.properties, orgName: Type.String() }));

/**
 * `GET /api/users?q=`: people to hand a task to or add as a signer, by username or name. Staff and
 * members alike may search, but only active users of the caller's org subtree (and, with `caseId`, of
 * the case's org line: its org, the federations above it and its subtree, exactly the people a task of
 * the case may go to, ADR 011) are listed, and only names, never contact data.
 */
export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/users',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['users'],
        summary: 'Find users by username or name in my org subtree, or the case’s (for pickers)',
        description:
          'With caseId, a case the caller may see (else 404), users on the case’s org line (its org, the federations above it and its subtree) are listed too: the people its task may be transferred to.',
        querystring: Query,
        response: { 200: Found, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { q, caseId } = request.query;
      const caseOrg = caseId ? (await visibleCase(app.db, request.user, caseId)).row : null;
      const term = escapeLike(q);
      const lines = [
        ...(caseOrg ? [caseOrg.org_path] : []),
        ...(request.query.purpose === 'delegation' ? [request.user.orgPath] : []),
      ];
      const rows = await findUsersInScopes(app.db, [request.user], lines, q, term, request.query.limit ?? 10);
      return rows.map((r) => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        orgName: r.org_name,
      }));
    },
  );
};
