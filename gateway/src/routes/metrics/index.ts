import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { forbidden } from '../../errors';
import { metricsRegistry } from '../../observability/metrics';

/** Options for {@link metricsRoutes}. */
export interface MetricsRoutesOptions {
  /** Bearer token a scraper from another host must send; unset: loopback only. */
  token?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
// Any of these means a proxy relayed the request: its socket is local but the caller is not.
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

function fromLoopback(request: FastifyRequest): boolean {
  if (FORWARDED.some((header) => request.headers[header] !== undefined)) return false;
  return LOOPBACK.has(request.socket.remoteAddress ?? '');
}

function hasToken(request: FastifyRequest, token: string | undefined): boolean {
  const header = request.headers.authorization;
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * `GET /metrics` in the Prometheus text format, for a scraper on the same host or one holding
 * the ops token. Route names and latencies tell an outsider too much to serve them publicly.
 */
export const metricsRoutes: FastifyPluginAsync<MetricsRoutesOptions> = async (app, opts) => {
  app.get(
    '/metrics',
    {
      // Guarded here rather than by a session: scrapers have no session; not part of the public API.
      config: { auth: 'public', rateLimit: false },
      schema: { hide: true },
    },
    async (request, reply) => {
      if (!fromLoopback(request) && !hasToken(request, opts.token)) {
        throw forbidden(
          '指标仅对本机或持有运维令牌的抓取开放 / metrics are served to this host or with the ops token only',
        );
      }
      reply.header('content-type', metricsRegistry.contentType);
      return metricsRegistry.metrics();
    },
  );
};
