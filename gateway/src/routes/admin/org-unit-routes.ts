import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateOrgUnitRequest,
  OrgTree,
  OrgUnit,
  OrgUnitId,
  Problem,
  UpdateOrgUnitRequest,
} from '@unionflow/contracts';
import { Type } from 'typebox';
import { createOrgUnit, listOrgTree, updateOrgUnit } from '../../org';
import { ADMIN, ADMIN_WRITE } from './definition-routes';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };

/** `/api/admin/org-units`: the org tree of the admin's unit, and adding, renaming and moving units. */
export const orgUnitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/org-units',
    {
      config: ADMIN,
      schema: {
        tags: ['admin'],
        summary: '组织架构 / the org units the admin manages (their own and every unit below)',
        response: { 200: OrgTree, 401: Problem, 403: Problem },
      },
    },
    async (request) => listOrgTree(app.db, request.user),
  );

  app.post(
    '/api/admin/org-units',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Add an org unit under one the admin manages',
        body: CreateOrgUnitRequest,
        response: { 201: OrgUnit, ...errors },
      },
    },
    async (request, reply) => {
      const unit = await createOrgUnit(app.db, request.user, request.body);
      reply.code(201);
      return unit;
    },
  );

  app.patch(
    '/api/admin/org-units/:id',
    {
      config: ADMIN_WRITE,
      schema: {
        tags: ['admin'],
        summary: 'Rename an org unit and/or move it under another parent',
        description:
          'Send the `version` you loaded: if someone changed the unit in between, the answer is 409 and nothing changes.',
        params: Type.Object({ id: OrgUnitId }),
        body: UpdateOrgUnitRequest,
        response: { 200: OrgUnit, ...errors },
      },
    },
    async (request) => updateOrgUnit(app.db, request.user, request.params.id, request.body),
  );
};
