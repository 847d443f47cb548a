import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import { onOrgLine } from '../../cases/org-boundary';
import {
  createDelegation,
  delegationById,
  deleteOwnDelegation,
  findActiveUser,
  listDelegations,
} from '../../delegations';
import { notFound, unprocessable } from '../../errors';
import { CreateDelegationRequest, Delegation, DelegationList } from './schemas';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const MAX_SPAN_MS = 5 * 366 * 24 * 3600_000;
const FIELD_LABELS: Record<string, string> = { startsAt: '开始时间', endsAt: '结束时间' };

function parseTime(value: string | undefined | null, field: string): Date | null {
  if (value === undefined || value === null) return null;
  const t = new Date(value);
  if (Number.isNaN(t.getTime()))
    throw unprocessable(`${FIELD_LABELS[field] ?? field}不是有效的时间 / ${field} is not a valid time`, [
      { path: `body.${field}`, message: 'is not a valid time' },
    ]);
  return t;
}

/** `/api/me/delegations`: my standing delegations (out of office, secondment). */
export const meDelegationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me/delegations',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['delegations'],
        summary: 'Delegations I gave and received',
        response: { 200: DelegationList, 401: Problem },
      },
    },
    async (request) => listDelegations(app.db, request.user.id),
  );

  app.post(
    '/api/me/delegations',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['delegations'],
        summary: 'Delegate my new tasks to someone for a period',
        body: CreateDelegationRequest,
        response: { 201: Delegation, 400: Problem, 401: Problem, 403: Problem, 409: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const me = request.user;
      const body = request.body;
      if (body.to === me.username) {
        throw unprocessable('不能委托给自己 / you cannot delegate to yourself', [
          { path: 'body.to', message: 'is yourself' },
        ]);
      }
      const to = await findActiveUser(app.db, body.to);
      if (!to) {
        throw unprocessable(`没有用户 ${body.to} / no active user "${body.to}"`, [
          { path: 'body.to', message: 'is not a user' },
        ]);
      }
      if (!onOrgLine(to.org_path, me.orgPath)) {
        // A delegate on another branch of the org tree would receive, and read, cases they may not see.
        throw unprocessable(
          `${body.to} 不在您的组织范围内，不能委托 / ${body.to} is outside your organisation; delegate within it`,
          [{ path: 'body.to', message: 'is outside your organisation' }],
        );
      }
      const now = new Date();
      const startsAt = parseTime(body.startsAt, 'startsAt') ?? now;
      const endsAt = parseTime(body.endsAt, 'endsAt');
      if (endsAt && endsAt <= startsAt) {
        throw unprocessable('结束时间须晚于开始时间 / endsAt must be after startsAt', [
          { path: 'body.endsAt', message: 'is not after startsAt' },
        ]);
      }
      if (endsAt && endsAt <= now) {
        throw unprocessable('结束时间已过 / endsAt is in the past', [
          { path: 'body.endsAt', message: 'is in the past' },
        ]);
      }
      if (
        Math.abs(startsAt.getTime() - now.getTime()) > MAX_SPAN_MS ||
        (endsAt && endsAt.getTime() - now.getTime() > MAX_SPAN_MS)
      ) {
        throw unprocessable('时间超出范围 / times must be within five years of now');
      }
      const id = await createDelegation(app.db, {
        fromUserId: me.id,
        toUserId: to.id,
        startsAt,
        endsAt,
        reason: body.reason,
        actorId: me.id,
        auditType: 'delegation-created',
      });
      const view = await delegationById(app.db, id);
      reply.code(201);
      return view!;
    },
  );

  app.delete(
    '/api/me/delegations/:id',
    {
      config: { auth: 'user', idempotent: true },
      schema: {
        tags: ['delegations'],
        summary: 'Withdraw one of my delegations',
        params: IdParams,
        response: { 204: Type.Null(), 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      if (!(await deleteOwnDelegation(app.db, request.user.id, request.params.id))) {
        throw notFound(`没有委托 ${request.params.id} / no delegation "${request.params.id}"`);
      }
      reply.code(204);
    },
  );
};
