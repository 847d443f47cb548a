import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { listRemotes } from '../static/find-apps';

/** A federated remote the shell can load. */
export const RemoteEntry = Type.Object({
  name: Type.String(),
  /** URL of the remote's Module Federation manifest. */
  entry: Type.String(),
});

/** Tells the shell which remotes are deployed, so adding a department app needs no shell rebuild. */
export const federationRoutes: FastifyPluginAsyncTypebox<{ appsRoot: string | undefined }> = async (
  app,
  opts,
) => {
  app.get(
    '/api/federation/remotes',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['federation'],
        summary: '已部署的前端远程应用 / the federated remotes that are built and served',
        response: { 200: Type.Array(RemoteEntry) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      const names = await listRemotes(opts.appsRoot);
      return names.map((name) => ({ name, entry: `/apps/${name}/mf-manifest.json` }));
    },
  );
};
