import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ChangePasswordRequest, LoginRequest, Me, Problem } from '@unionflow/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type AuthUser,
  changePassword,
  clearFailures,
  clearSessionCookie,
  createSession,
  defaultLoginThrottlePolicy,
  deleteSession,
  deleteUserSessions,
  type LoginThrottlePolicy,
  recordFailure,
  resolveSession,
  retryAt,
  sessionTokenOf,
  setSessionCookie,
  verifyCredentials,
} from '../../auth';
import { tooManyRequests, unauthorized, unprocessable } from '../../errors';
import { closeStreams } from '../../events/stream-closing';

/** Options for the auth routes. */
export interface AuthRoutesOptions {
  /** Sign-in attempts per IP per minute. */
  loginMax: number;
  throttle?: LoginThrottlePolicy;
}

function toMe(user: AuthUser, csrfToken: string, mustChangePassword: boolean) {
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName },
    org: { id: user.orgId, name: user.orgName },
    roles: user.roles,
    locale: user.locale,
    timeZone: user.timeZone,
    csrfToken,
    mustChangePassword,
  };
}

const WRONG_CREDENTIALS = '用户名或密码错误 / wrong username or password';

async function forgetPresentedSession(request: FastifyRequest): Promise<void> {
  const token = sessionTokenOf(request);
  if (token) await deleteSession(request.server.db, token);
}

/** Refuses with 429 while this (username, source address) pair must wait after failed attempts. */
async function waitIfThrottled(app: FastifyInstance, username: string, source: string): Promise<void> {
  const at = await retryAt(app.db, username, source);
  if (at) {
    throw tooManyRequests(
      '尝试次数过多，请稍后再试 / too many failed attempts, try again later',
      (at.getTime() - Date.now()) / 1000,
    );
  }
}

/** Sign-in, sign-out and the current user. */
export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, opts) => {
  const throttle = opts.throttle ?? defaultLoginThrottlePolicy;

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: opts.loginMax, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录 / sign in (sets the uf_session cookie, __Host-uf_session over https)',
        body: LoginRequest,
        response: { 200: Me, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const username = request.body.username.trim().toLowerCase();
      // Unknown usernames are throttled the same way, so the answers reveal nothing.
      await waitIfThrottled(app, username, request.ip);
      const userId = await verifyCredentials(app.db, username, request.body.password);
      if (!userId) {
        await recordFailure(app.db, username, request.ip, throttle);
        throw unauthorized(WRONG_CREDENTIALS);
      }
      await clearFailures(app.db, username, request.ip);
      // A new session id on every sign-in: a cookie planted before sign-in never becomes authenticated.
      await forgetPresentedSession(request);
      const { token, csrfToken } = await createSession(app.db, userId, app.sessionPolicy);
      const session = await resolveSession(app.db, token, app.sessionPolicy);
      if (!session) throw unauthorized(WRONG_CREDENTIALS);
      setSessionCookie(request, reply, token, app.sessionPolicy.absoluteMs);
      return toMe(session.user, csrfToken, session.mustChangePassword);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'user', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '退出登录 / sign out (ends the session and its live-update streams)',
        response: { 204: { type: 'null', description: 'Signed out' }, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      await forgetPresentedSession(request);
      if (request.authSession) closeStreams(app, { sessionId: request.authSession.id });
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { auth: 'user', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码 / change my password (other sessions are signed out)',
        description:
          'The new password needs at least 12 characters and must not be a common one (422 otherwise). A wrong current password answers 422 and counts as a failed sign-in.',
        body: ChangePasswordRequest,
        response: { 200: Me, 400: Problem, 401: Problem, 403: Problem, 422: Problem, 429: Problem },
      },
    },
    async (request) => {
      const { user } = request;
      const session = request.authSession!;
      await waitIfThrottled(app, user.username, request.ip);
      const { currentPassword, newPassword } = request.body;
      if (!(await changePassword(app.db, user.id, currentPassword, newPassword))) {
        await recordFailure(app.db, user.username, request.ip, throttle);
        throw unprocessable('当前密码不正确 / the current password is wrong');
      }
      await clearFailures(app.db, user.username, request.ip);
      // Whoever else knew the old password (the admin who set it, a stolen device) is signed out.
      await deleteUserSessions(app.db, user.id, session.id);
      closeStreams(app, { userId: user.id, exceptSessionId: session.id });
      return toMe(user, session.csrfToken, false);
    },
  );

  app.get(
    '/api/me',
    {
      config: { auth: 'user', beforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '当前用户 / the signed-in user, their org, roles and CSRF token',
        response: { 200: Me, 401: Problem },
      },
    },
    async (request) =>
      toMe(
        request.user,
        request.authSession?.csrfToken ?? '',
        request.authSession?.mustChangePassword ?? false,
      ),
  );
};
