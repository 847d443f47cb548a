import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { attentionRoutes } from './attention-routes';
import { definitionRoutes } from './definition-routes';
import { migrationRoutes } from './migration-routes';
import { orgUnitRoutes } from './org-unit-routes';
import { retireRoutes } from './retire-routes';
import { roleRoutes } from './role-routes';
import { userAdminRoutes } from './user-admin-routes';
import { versionRoutes } from './version-routes';

/** `/api/admin/...`: process design, publishing, retiring, case migration, org units, users and roles (admin role only). */
export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(definitionRoutes);
  await app.register(versionRoutes);
  await app.register(retireRoutes);
  await app.register(migrationRoutes);
  await app.register(attentionRoutes);
  await app.register(orgUnitRoutes);
  await app.register(userAdminRoutes);
  await app.register(roleRoutes);
};
