import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdminUser,
  CreateUserRequest,
  Problem,
  UpdateUserRequest,
  UserListQuery,
  UserPage,
  UserStatusRequest,
  UserStatusResult,
} from '@unionflow/contracts';
import { Type } from 'typebox';
import { closeStreams } from '../../events/stream-closing';
import { createUser, listUsers, setUserActive, updateUser } from '../../org';
import { ADMIN, ADMIN_WRITE } from './definition-routes';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const UserParams = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
});

/** `/api/admin/users`: the users of the admin's subtree; create, edit, deactivate and reactivate. */
export const userAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/users',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: '用户 / users the admin manages, by username, with their unit and roles',
        querystring: UserListQuery,
        response: { 200: UserPage, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => listUsers(app.db, request.user, request.query),
  );

  app.post(
    '/api/admin/users',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Create a user with an initial password (a taken username is refused with 409)',
        description:
          'The password needs at least 12 characters and must not be a common one (422 otherwise); the user must change it at first sign-in.',
        body: CreateUserRequest,
        response: { 201: AdminUser, ...errors },
      },
    },
    async (request, reply) => {
      const user = await createUser(app.db, request.user, request.body);
      reply.code(201);
      return user;
    },
  );

  app.patch(
    '/api/admin/users/:username',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: "Change a user's display name, org unit and/or roles",
        description:
          'Send the `version` you loaded: if someone changed the user in between, the answer is 409 and nothing changes.',
        params: UserParams,
        body: UpdateUserRequest,
        response: { 200: AdminUser, ...errors },
      },
    },
    async (request) => updateUser(app.db, request.user, request.params.username, request.body),
  );

  app.post(
    '/api/admin/users/:username/deactivate',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Deactivate a user: signed out now, cannot sign in, assigned nothing new',
        description: 'The answer counts the open tasks still waiting on them; hand those over.',
        params: UserParams,
        body: UserStatusRequest,
        response: { 200: UserStatusResult, ...errors },
      },
    },
    async (request) => {
      const result = await setUserActive(
        app.db,
        request.user,
        request.params.username,
        request.body.version,
        false,
      );
      // Their sessions are gone; their open live-update streams here end now, elsewhere at the next check.
      closeStreams(app, { userId: result.user.id });
      return result;
    },
  );

  app.post(
    '/api/admin/users/:username/reactivate',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Reactivate a deactivated user',
        params: UserParams,
        body: UserStatusRequest,
        response: { 200: UserStatusResult, ...errors },
      },
    },
    async (request) =>
      setUserActive(app.db, request.user, request.params.username, request.body.version, true),
  );
};
