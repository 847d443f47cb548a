import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AnalyticsOverview,
  AnalyticsQuery,
  DisputeAnalytics,
  HardshipAnalytics,
  InnovationAnalytics,
  Problem,
  ProcessAnalytics,
} from '@unionflow/contracts';
import { Type } from 'typebox';
import {
  ANY_ANALYTICS_ROLES,
  DISPUTE_ANALYTICS_ROLES,
  HARDSHIP_ANALYTICS_ROLES,
  INNOVATION_ANALYTICS_ROLES,
  mayAnalyse,
} from '../../analytics/analytics-access';
import { analyticsRange } from '../../analytics/analytics-range';
import {
  disputeBoard,
  hardshipBoard,
  innovationBoard,
  overviewBoard,
  processBoard,
} from '../../analytics/boards';
import { latestDefinition } from '../../cases/definitions';
import { forbidden, notFound } from '../../errors';

const errors = { 400: Problem, 401: Problem, 403: Problem };
const ProcessParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }) });

/**
 * 看板 (ADR 029): aggregates computed in PostgreSQL over the caller's org subtree, never rows. Each
 * board is for the staff of its department; the hardship board only for the assistance department's.
 */
export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/analytics/overview',
    {
      config: { auth: 'user', roles: ANY_ANALYTICS_ROLES },
      schema: {
        tags: ['analytics'],
        summary: 'The federation board: every process I may analyse, started, ended, open and overdue',
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsOverview, ...errors },
      },
    },
    async (request) => overviewBoard(app.db, request.user, analyticsRange(request.query)),
  );

  app.get(
    '/api/analytics/processes/:key',
    {
      config: { auth: 'user', roles: ANY_ANALYTICS_ROLES },
      schema: {
        tags: ['analytics'],
        summary: "One process's flow: weekly starts and ends, step times, waiting steps, deadlines, returns",
        params: ProcessParams,
        querystring: AnalyticsQuery,
        response: { 200: ProcessAnalytics, 404: Problem, ...errors },
      },
    },
    async (request) => {
      const range = analyticsRange(request.query);
      const def = await latestDefinition(app.db, request.params.key);
      if (!def) throw notFound(`没有流程 ${request.params.key} / no process "${request.params.key}"`);
      if (!mayAnalyse(request.user, def.department))
        throw forbidden('无权查看该流程的看板 / you may not see the board of this process');
      return processBoard(app.db, request.user, def, range);
    },
  );

  app.get(
    '/api/analytics/innovation',
    {
      config: { auth: 'user', roles: INNOVATION_ANALYTICS_ROLES },
      schema: {
        tags: ['analytics'],
        summary: 'Proposals by tier and unit, participation, awards paid by quarter',
        querystring: AnalyticsQuery,
        response: { 200: InnovationAnalytics, ...errors },
      },
    },
    async (request) => innovationBoard(app.db, request.user, analyticsRange(request.query)),
  );

  app.get(
    '/api/analytics/hardship',
    {
      config: { auth: 'user', roles: HARDSHIP_ANALYTICS_ROLES },
      schema: {
        tags: ['analytics'],
        summary: 'The hardship file in numbers (assistance staff only): levels, movements, aid by kind',
        querystring: AnalyticsQuery,
        response: { 200: HardshipAnalytics, ...errors },
      },
    },
    async (request) => hardshipBoard(app.db, request.user, analyticsRange(request.query)),
  );

  app.get(
    '/api/analytics/disputes',
    {
      config: { auth: 'user', roles: DISPUTE_ANALYTICS_ROLES },
      schema: {
        tags: ['analytics'],
        summary: 'Disputes filed, mediated, settled, referred; amounts settled; share settled in 15 days',
        querystring: AnalyticsQuery,
        response: { 200: DisputeAnalytics, ...errors },
      },
    },
    async (request) => disputeBoard(app.db, request.user, analyticsRange(request.query)),
  );
};
