import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LoginRequest, Me, Problem } from '@unionflow/contracts';
import type { FastifyRequest } from 'fastify';
import {
  type AuthUser,
  clearFailures,
  clearSessionCookie,
  createSession,
  defaultLoginThrottlePolicy,
  deleteSession,
  type LoginThrottlePolicy,
  lockedUntil,
  recordFailure,
  resolveSession,
  SESSION_COOKIE,
  setSessionCookie,
  verifyCredentials,
} from '../../auth';
import { tooManyRequests, unauthorized } from '../../errors';

/** Options for the auth routes. */
export interface AuthRoutesOptions {
  /** Sign-in attempts per IP per minute. */
  loginMax: number;
  throttle?: LoginThrottlePolicy;
}

function toMe(user: AuthUser, csrfToken: string) {
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName },
    org: { id: user.orgId, name: user.orgName },
    roles: user.roles,
    locale: user.locale,
    timeZone: user.timeZone,
    csrfToken,
  };
}

const WRONG_CREDENTIALS = '用户名或密码错误 / wrong username or password';

async function forgetPresentedSession(request: FastifyRequest): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(request.server.db, token);
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
        summary: '登录 / sign in (sets the uf_session cookie)',
        body: LoginRequest,
        response: { 200: Me, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const username = request.body.username.trim().toLowerCase();
      const locked = await lockedUntil(app.db, username);
      if (locked) {
        throw tooManyRequests(
          '登录失败次数过多，请稍后再试 / too many failed sign-ins, try again later',
          (locked.getTime() - Date.now()) / 1000,
        );
      }
      const userId = await verifyCredentials(app.db, username, request.body.password);
      if (!userId) {
        await recordFailure(app.db, username, throttle);
        throw unauthorized(WRONG_CREDENTIALS);
      }
      await clearFailures(app.db, username);
      // A new session id on every sign-in: a cookie planted before sign-in never becomes authenticated.
      await forgetPresentedSession(request);
      const { token, csrfToken } = await createSession(app.db, userId, app.sessionPolicy);
      const session = await resolveSession(app.db, token, app.sessionPolicy);
      if (!session) throw unauthorized(WRONG_CREDENTIALS);
      setSessionCookie(request, reply, token, app.sessionPolicy.absoluteMs);
      return toMe(session.user, csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: '退出登录 / sign out (ends the session)',
        response: { 204: { type: 'null', description: 'Signed out' }, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      await forgetPresentedSession(request);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: '当前用户 / the signed-in user, their org, roles and CSRF token',
        response: { 200: Me, 401: Problem },
      },
    },
    async (request) => toMe(request.user, request.authSession?.csrfToken ?? ''),
  );
};
