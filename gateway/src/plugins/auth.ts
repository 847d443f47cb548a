import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { type AuthUser, hasAnyRole } from '../auth/auth-user';
import { clearSessionCookie, sessionTokenOf } from '../auth/session-cookie';
import type { SessionPolicy } from '../auth/session-policy';
import { forgetCachedSessions, resolveSessionCached } from '../auth/session-store';
import { AppError, forbidden, unauthorized } from '../errors';

/** Who may call a route: anyone, or a signed-in user (optionally holding any of `roles`). */
export type RouteAuth = 'public' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: 'public' or 'user'. Routes without it are refused at startup. */
    auth?: RouteAuth;
    /** With auth 'user': the caller needs at least one of these roles. */
    roles?: readonly string[];
    /** With auth 'user': reachable before an admin-set password is replaced (me, logout, change it). */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    /** The caller; set on every `auth: 'user'` route (null on public routes). */
    user: AuthUser;
    /** The caller's session id and CSRF token; null on public routes. */
    authSession: { id: string; csrfToken: string; mustChangePassword: boolean } | null;
  }
  interface FastifyInstance {
    /** Session lifetimes in force (the login route needs them to set the cookie). */
    sessionPolicy: SessionPolicy;
  }
}

/** Options for the auth plugin. */
export interface AuthPluginOptions {
  session: SessionPolicy;
  /** Routes under these prefixes (registered by third-party plugins) default to public. */
  publicPrefixes?: string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Where the routes live that change sessions (sign-in, sign-out, passwords) or the org directory. */
const CHANGES_SESSIONS = ['/api/auth/', '/api/me', '/api/admin/'];

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The one place where routes are guarded: session → request.user, CSRF on writes, roles. */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: AuthPluginOptions) => {
    const publicPrefixes = opts.publicPrefixes ?? [];
    app.decorate('sessionPolicy', opts.session);
    app.decorateRequest('user', null as unknown as AuthUser);
    app.decorateRequest('authSession', null);

    app.addHook('onRoute', (route: RouteOptions) => {
      const config = (route.config ?? {}) as { auth?: unknown; roles?: unknown };
      const where = `${String(route.method)} ${route.url}`;
      if (config.auth === undefined && publicPrefixes.some((p) => route.url.startsWith(p))) {
        route.config = { ...route.config, auth: 'public' };
        return;
      }
      if (config.auth !== 'public' && config.auth !== 'user') {
        throw new Error(`Route ${where} must declare config.auth ('public' or 'user')`);
      }
      if (config.roles !== undefined && (config.auth !== 'user' || !Array.isArray(config.roles))) {
        throw new Error(`Route ${where}: config.roles needs auth 'user' and an array of roles`);
      }
    });

    // Writes that may change sessions, people, roles or orgs forget this process's cached sessions
    // before they answer, so the caller's next request sees the change (ADR 040).
    app.addHook('onSend', async (request, _reply, payload) => {
      if (!SAFE_METHODS.has(request.method) && CHANGES_SESSIONS.some((p) => request.url.startsWith(p)))
        forgetCachedSessions(app.db);
      return payload;
    });

    app.addHook('onRequest', async (request, reply) => {
      const config = request.routeOptions.config;
      if (config.auth !== 'user') return;
      const token = sessionTokenOf(request);
      const session = token ? await resolveSessionCached(app.db, token, opts.session) : null;
      if (!session) {
        if (token) clearSessionCookie(request, reply);
        throw unauthorized();
      }
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
          throw forbidden('missing or wrong CSRF token / 缺少或错误的 CSRF 令牌');
        }
      }
      if (session.mustChangePassword && !config.beforePasswordChange) {
        throw new AppError(
          403,
          'password-change-required',
          '请先修改管理员为您设置的初始密码 / change the initial password an administrator set for you first',
        );
      }
      if (config.roles && config.roles.length > 0 && !hasAnyRole(session.user, config.roles)) {
        throw forbidden();
      }
      request.user = session.user;
      request.authSession = {
        id: session.id,
        csrfToken: session.csrfToken,
        mustChangePassword: session.mustChangePassword,
      };
    });
  },
  { name: 'auth', fastify: '5.x', dependencies: ['db', '@fastify/cookie'] },
);
