import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from '@unionflow/db';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Kysely } from 'kysely';
import {
  defaultLoginThrottlePolicy,
  defaultSessionPolicy,
  type LoginThrottlePolicy,
  type SessionPolicy,
} from './auth';
import { eventsPlugin } from './events';
import { metricsPlugin, requestContextPlugin } from './observability';
import { authPlugin } from './plugins/auth';
import { dbPlugin } from './plugins/db';
import { errorsPlugin, sendProblem } from './plugins/errors';
import { housekeepingPlugin } from './plugins/housekeeping';
import { idempotencyPlugin } from './plugins/idempotency';
import { inputHygienePlugin } from './plugins/input-hygiene';
import { DOCS_PREFIX, openapiPlugin } from './plugins/openapi';
import {
  defaultPressure,
  defaultRateLimit,
  type PressureOptions,
  type RateLimitOptions,
  securityPlugin,
} from './plugins/security';
import { type TemporalContext, temporalPlugin } from './plugins/temporal';
import { authRoutes } from './routes/auth';
import { domainRoutes } from './routes/domain-routes';
import { federationRoutes } from './routes/federation';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { staticRoutes } from './routes/static';

/** Everything the app needs from outside; TTLs and limits are options so tests can shrink them. */
export interface BuildAppOptions {
  db: Kysely<Database>;
  /** The URL `db` connects to; live updates LISTEN on the same database. Default: DATABASE_URL. */
  databaseUrl?: string;
  /** Null runs the app without Temporal (routes that need it must answer 503). */
  temporal: TemporalContext | null;
  logger?: FastifyServerOptions['logger'];
  /** The repository's `apps/` directory (shell and remotes are served from `<name>/dist`). */
  staticRoot?: string;
  sessionTtl?: Partial<SessionPolicy>;
  loginThrottle?: Partial<LoginThrottlePolicy>;
  /** `false` disables rate limiting. */
  rateLimit?: Partial<RateLimitOptions> | false;
  pressure?: Partial<PressureOptions>;
  /** Trust X-Forwarded-* (behind a reverse proxy: client IP for rate limits, https for Secure cookies). */
  trustProxy?: boolean;
  /** Register the domain route plugins (routes/cases, inbox, ...); default true. */
  domainRoutes?: boolean;
  /** Abandoned idempotency reservations older than this may be taken over. */
  idempotencyStaleAfterMs?: number;
  /** How often expired idempotency keys, sessions and sign-in counters are purged (`false`: never). */
  purgeEveryMs?: number | false;
  /** Bearer token for scraping `/metrics` from another host (METRICS_TOKEN); unset: loopback only. */
  metricsToken?: string;
}

/** The gateway's Fastify instance, typed for TypeBox route schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

const BODY_LIMIT = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the gateway without listening: external plugins, application plugins, then routes. */
export function buildApp(opts: BuildAppOptions): App {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: opts.trustProxy ?? false,
    requestIdHeader: false,
    // Router-level failures (over-long params, broken %-encoding) answer problem+json like every error.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const detail =
        status === 414 ? 'A path parameter is too long.' : `The URL is malformed: ${error.message}`;
      sendProblem(request, reply, status, status === 414 ? 'uri-too-long' : 'bad-url', detail);
    },
    // Reuse the caller's id so one request can be followed across proxies and services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  const rateLimit = opts.rateLimit === false ? false : { ...defaultRateLimit, ...opts.rateLimit };

  // 1. External plugins.
  app.register(securityPlugin, { rateLimit, pressure: { ...defaultPressure, ...opts.pressure } });
  app.register(openapiPlugin);
  app.register(cookie);

  // 2. Application plugins (shared services, fastify-plugin wrapped).
  app.register(metricsPlugin);
  app.register(dbPlugin, { db: opts.db });
  app.register(temporalPlugin, { temporal: opts.temporal });
  app.register(errorsPlugin);
  app.register(inputHygienePlugin);
  app.register(authPlugin, {
    session: { ...defaultSessionPolicy, ...opts.sessionTtl },
    publicPrefixes: [DOCS_PREFIX],
  });
  app.register(idempotencyPlugin, { staleAfterMs: opts.idempotencyStaleAfterMs });
  const throttle = { ...defaultLoginThrottlePolicy, ...opts.loginThrottle };
  app.register(housekeepingPlugin, {
    everyMs: opts.purgeEveryMs,
    loginThrottleForgetMs: throttle.forgetAfterMs,
  });
  app.register(requestContextPlugin);
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) app.register(eventsPlugin, { databaseUrl });
  else app.log.warn('no database URL given: live updates (/api/events) are off');

  // 3. Routes. Every route declares config.auth ('public' | 'user'); see plugins/auth.ts.
  app.register(healthRoutes);
  app.register(metricsRoutes, { token: opts.metricsToken });
  app.register(authRoutes, {
    loginMax: rateLimit ? rateLimit.loginMax : Number.MAX_SAFE_INTEGER,
    throttle,
  });
  app.register(federationRoutes, { appsRoot: opts.staticRoot });

  // ── Domain routes (cases, inbox, tasks, processes, admin) ──────────────────────────────
  // Loaded from routes/<name>/index.ts when present; each exports `<name>Routes`.
  if (opts.domainRoutes !== false) app.register(domainRoutes);
  // ─────────────────────────────────────────────────────────────────────────────────────────

  // Last: the SPA fallback matches every GET path no other route claims.
  app.register(staticRoutes, { appsRoot: opts.staticRoot });

  return app;
}
