import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { httpDuration, httpRequests } from './metrics';

/** Route label for requests no route matched: one series, not one per probed URL. */
const UNMATCHED = '(unmatched)';

/** Counts every answered request and its latency by route template (see metrics.ts). */
export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? UNMATCHED;
      const method = request.method;
      httpRequests.inc({ method, route, status_class: `${Math.floor(reply.statusCode / 100)}xx` });
      httpDuration.observe({ method, route }, reply.elapsedTime / 1000);
      done();
    });
  },
  { name: 'metrics', fastify: '5.x' },
);
