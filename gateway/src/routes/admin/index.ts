import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { definitionRoutes } from './definition-routes';
import { migrationRoutes } from './migration-routes';
import { versionRoutes } from './version-routes';

/** `/api/admin/...`: process design, publishing and case migration, for the admin role only. */
export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(definitionRoutes);
  await app.register(versionRoutes);
  await app.register(migrationRoutes);
};
