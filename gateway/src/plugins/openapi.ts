import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE } from '../auth/session-cookie';

/** Where the docs live; the JSON document is at `${DOCS_PREFIX}/json`. */
export const DOCS_PREFIX = '/docs';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** OpenAPI 3 generated from route schemas, with Swagger UI at /docs. */
export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'UnionFlow API',
          description:
            '工会业务流程平台 API / workflow and approval API. Errors are application/problem+json.',
          version: '0.1.0',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
            csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          },
        },
      },
      // Security requirements follow each route's `config.auth`, so the docs cannot drift from the guard.
      transform: ({ schema, url, route }) => {
        const config = (route.config ?? {}) as { auth?: string };
        if (config.auth !== 'user') return { schema, url };
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        const write = methods.some((m) => !SAFE_METHODS.has(m));
        const security = [write ? { session: [], csrf: [] } : { session: [] }];
        return { schema: { ...schema, security } as typeof schema, url };
      },
    });
    await app.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      staticCSP: true,
      // Over plain http (a LAN deployment) upgrading would break the page's own scripts.
      transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
    });
  },
  { name: 'openapi', fastify: '5.x' },
);
