import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { serviceUnavailable, tooManyRequests } from '../errors';

/** Request limits; `false` turns rate limiting off (some tests). */
export interface RateLimitOptions {
  /** Requests per IP per minute across the API. */
  max: number;
  /** Sign-in attempts per IP per minute. */
  loginMax: number;
}

/** Generous for normal use; login is strict on top of the per-username lockout. */
export const defaultRateLimit: RateLimitOptions = { max: 1200, loginMax: 20 };

/** Load shedding thresholds for under-pressure. */
export interface PressureOptions {
  maxEventLoopDelayMs: number;
  maxEventLoopUtilization: number;
}

export const defaultPressure: PressureOptions = { maxEventLoopDelayMs: 1000, maxEventLoopUtilization: 0.98 };

/** Security headers (CSP for the apps' own scripts and styles, no-store on the API), rate limits and load shedding. */
export const securityPlugin = fp(
  async (app: FastifyInstance, opts: { rateLimit: RateLimitOptions | false; pressure: PressureOptions }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // React and the federated apps set style attributes and inject <style> tags.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    });

    // API answers are personal (cases, household data): no browser or proxy may keep a copy (ASVS V8.2.1).
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
      return payload;
    });

    if (opts.rateLimit) {
      await app.register(rateLimit, {
        global: true,
        max: opts.rateLimit.max,
        timeWindow: '1 minute',
        errorResponseBuilder: (_request, context) =>
          tooManyRequests(
            `请求过于频繁，请 ${context.after} 后再试 / too many requests, retry in ${context.after}`,
            context.ttl / 1000,
          ),
      });
    }

    await app.register(underPressure, {
      maxEventLoopDelay: opts.pressure.maxEventLoopDelayMs,
      maxEventLoopUtilization: opts.pressure.maxEventLoopUtilization,
      retryAfter: 10,
      // Rejecting (rather than throwing) lets under-pressure pass the error on to the problem renderer.
      pressureHandler: async (_request, _reply, type) => {
        throw serviceUnavailable(`服务繁忙，请稍后再试 / the server is overloaded (${type}), retry shortly`);
      },
    });
  },
  { name: 'security', fastify: '5.x' },
);
