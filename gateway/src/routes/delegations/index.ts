import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { handOverRoutes } from './hand-over-route';
import { meDelegationRoutes } from './me-routes';

/** Standing delegations (`/api/me/delegations`) and the admin hand-over of a user's tasks. */
export const delegationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(meDelegationRoutes);
  await app.register(handOverRoutes);
};
