import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, UserRef } from '@unionflow/contracts';
import { Type } from 'typebox';
import { inOrgScope } from '../../auth';
import { findActiveUser } from '../../delegations';
import { conflict, notFound, unprocessable } from '../../errors';
import { activeMentorships, registerMentorship } from '../../mentorships/mentorship-repository';

/** Innovation staff register mentor pairs (导师带徒), so a winning apprentice's mentor is rewarded too. */
const STAFF = ['innovation-reviewer', 'innovation-committee', 'admin'];
const Mentorship = Type.Object({ apprentice: UserRef, mentor: UserRef, registeredAt: Type.String() });
const Body = Type.Object({
  apprentice: Type.String({ minLength: 1, maxLength: 64 }),
  mentor: Type.String({ minLength: 1, maxLength: 64 }),
});
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export const mentorshipsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** A user in the caller's org subtree, by username; others are 404 like unknown ones. */
  async function userInScope(orgPath: string, username: string) {
    const user = await findActiveUser(app.db, username);
    if (!user || !inOrgScope({ orgPath }, user.org_path))
      throw notFound(`没有用户 ${username} / no user "${username}"`);
    return { id: user.id, username: user.username, displayName: user.display_name };
  }

  app.get(
    '/api/mentorships',
    {
      config: { auth: 'user', roles: STAFF },
      schema: {
        tags: ['innovation'],
        summary: 'Active mentor pairs in my org scope',
        response: { 200: Type.Array(Mentorship), ...errors },
      },
    },
    async (request) => {
      const rows = await activeMentorships(app.db, request.user);
      return rows.map((r) => ({
        apprentice: { id: r.aid, username: r.auser, displayName: r.aname },
        mentor: { id: r.tid, username: r.tuser, displayName: r.tname },
        registeredAt: new Date(r.registered_at).toISOString(),
      }));
    },
  );

  app.post(
    '/api/mentorships',
    {
      config: { auth: 'user', roles: STAFF, idempotent: true },
      schema: {
        tags: ['innovation'],
        summary: 'Register a mentor for an apprentice',
        body: Body,
        response: { 201: Mentorship, ...errors },
      },
    },
    async (request, reply) => {
      const apprentice = await userInScope(request.user.orgPath, request.body.apprentice);
      const mentor = await userInScope(request.user.orgPath, request.body.mentor);
      if (apprentice.id === mentor.id)
        throw unprocessable('导师和徒弟不能是同一人 / the mentor and the apprentice must differ');
      const registeredAt = new Date();
      const inserted = await registerMentorship(app.db, apprentice.id, mentor.id, registeredAt);
      if (!inserted) throw conflict('该师徒关系已登记 / this pair is already registered');
      reply.code(201);
      return { apprentice, mentor, registeredAt: registeredAt.toISOString() };
    },
  );
};
