import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import { inOrgScope } from '../../auth';
import { engineUnavailable } from '../../cases/engine-client';
import {
  createDelegation,
  delegationById,
  findActiveUser,
  moveOpenTasks,
  openEndedDelegation,
  openTasksOf,
} from '../../delegations';
import { notFound, unprocessable } from '../../errors';
import { HandOverRequest, HandOverResult, Username } from './schemas';

/**
 * `POST /api/admin/users/:username/hand-over`: when someone leaves a post (换届), an admin gives their
 * future tasks (an open-ended delegation) and their open tasks (workflow Updates) to a successor.
 */
export const handOverRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/admin/users/:username/hand-over',
    {
      config: { auth: 'user', roles: ['admin'], idempotent: true },
      schema: {
        tags: ['delegations', 'admin'],
        summary: "Hand a user's open and future tasks over to a successor (admin)",
        params: Type.Object({ username: Username }),
        body: HandOverRequest,
        response: {
          200: HandOverResult,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          422: Problem,
          503: Problem,
        },
      },
    },
    async (request) => {
      const admin = request.user;
      const temporal = app.temporal;
      if (!temporal) throw engineUnavailable();
      const from = await findActiveUser(app.db, request.params.username);
      // Users outside the admin's org subtree are as unknown as users that do not exist.
      if (!from || !inOrgScope(admin, from.org_path)) {
        throw notFound(`没有用户 ${request.params.username} / no user "${request.params.username}"`);
      }
      const to = await findActiveUser(app.db, request.body.to);
      if (!to || !inOrgScope(admin, to.org_path)) {
        throw unprocessable(`没有用户 ${request.body.to} / no active user "${request.body.to}"`, [
          { path: 'body.to', message: 'is not a user' },
        ]);
      }
      if (to.id === from.id) {
        throw unprocessable('接任者不能是本人 / the successor must be someone else', [
          { path: 'body.to', message: 'is the same user' },
        ]);
      }
      const delegationId =
        (await openEndedDelegation(app.db, from.id, to.id)) ??
        (await createDelegation(app.db, {
          fromUserId: from.id,
          toUserId: to.id,
          startsAt: new Date(),
          endsAt: null,
          reason: request.body.reason,
          actorId: admin.id,
          auditType: 'hand-over',
        }));
      const tasks = await moveOpenTasks(temporal, request.log, {
        tasks: await openTasksOf(app.db, from.id),
        fromUserId: from.id,
        toUserId: to.id,
        actorId: admin.id,
        reason: request.body.reason,
        delegationId,
      });
      const moved = tasks.filter((t) => t.ok).length;
      return {
        delegation: (await delegationById(app.db, delegationId))!,
        moved,
        failed: tasks.length - moved,
        tasks,
      };
    },
  );
};
