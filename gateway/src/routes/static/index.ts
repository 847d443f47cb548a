import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../errors';
import { cacheControlFor } from './cache-control';
import { fileInside, remoteDist, shellDist } from './find-apps';
import { NOT_BUILT_PAGE } from './not-built-page';

/** Options for static serving. */
export interface StaticRoutesOptions {
  /** The repository's `apps/` directory; undefined serves only the "not built" page. */
  appsRoot: string | undefined;
}

/** Paths owned by the API and the docs: an unknown one there is a 404, never the SPA. */
const NOT_SPA = /^\/(api|docs)(\/|$)/;

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

function sendFrom(reply: FastifyReply, root: string, file: string) {
  reply.header('cache-control', cacheControlFor(file));
  return reply.sendFile(path.relative(root, file), root, { cacheControl: false });
}

/** The shell at `/` (with SPA fallback) and each built remote at `/apps/<name>/`. */
export const staticRoutes: FastifyPluginAsyncTypebox<StaticRoutesOptions> = async (app, opts) => {
  await app.register(fastifyStatic, { serve: false });

  app.get(
    '/apps/:name/*',
    {
      config: { auth: 'public' },
      schema: { hide: true, params: Type.Object({ name: Type.String(), '*': Type.String() }) },
    },
    async (request, reply) => {
      const dist = await remoteDist(opts.appsRoot, request.params.name);
      const file = dist ? await fileInside(dist, request.params['*']) : null;
      if (!dist || !file) throw notFound(`No file ${request.url.split('?')[0]}`);
      return sendFrom(reply, dist, file);
    },
  );

  app.get(
    '/*',
    { config: { auth: 'public' }, schema: { hide: true, params: Type.Object({ '*': Type.String() }) } },
    async (request, reply) => {
      const urlPath = request.url.split('?')[0] ?? '/';
      if (NOT_SPA.test(urlPath)) throw notFound(`No route ${request.method} ${urlPath}`);
      const dist = await shellDist(opts.appsRoot);
      const wanted = request.params['*'];
      if (!dist) {
        if (wanted === '' || acceptsHtml(request)) {
          return reply
            .header('cache-control', 'no-cache')
            .type('text/html; charset=utf-8')
            .send(NOT_BUILT_PAGE);
        }
        throw notFound(`No file ${urlPath}`);
      }
      const file = wanted === '' ? null : await fileInside(dist, wanted);
      if (file) return sendFrom(reply, dist, file);
      if (wanted === '' || acceptsHtml(request)) return sendFrom(reply, dist, path.join(dist, 'index.html'));
      throw notFound(`No file ${urlPath}`);
    },
  );
};
