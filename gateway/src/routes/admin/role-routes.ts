import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem, RoleInfo } from '@unionflow/contracts';
import { Type } from 'typebox';
import { listRoles } from '../../org';
import { ADMIN } from './definition-routes';

/** `GET /api/admin/roles`: the roles an admin may grant, with labels and member counts. */
export const roleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/roles',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: '角色 / the roles the platform knows, with how many active users hold each',
        response: { 200: Type.Array(RoleInfo), 401: Problem, 403: Problem },
      },
    },
    async (request) => listRoles(app.db, request.user),
  );
};
