import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Problem,
  RecheckCampaign,
  RecheckCampaignList,
  StartRecheckCampaignRequest,
} from '@unionflow/contracts';
import { Type } from 'typebox';
import { notFound } from '../../errors';
import { campaignProgress, campaignSummary } from '../../recheck/campaign-progress';
import {
  campaignCases,
  campaignInScope,
  campaignsInScope,
  filesInScope,
} from '../../recheck/campaign-repository';
import { createCampaignRunner } from '../../recheck/campaign-runner';
import { recordCampaign } from '../../recheck/campaign-start';

/** Household data: only the assistance centre runs and watches the yearly campaign (ADR 024). */
const CENTRE = ['assistance-centre'] as const;
const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };
/** How often an unfinished campaign (engine away, gateway restarted) is picked up again. */
const RESUME_EVERY_MS = 60_000;
const FIRST_RESUME_AFTER_MS = 5_000;

const currentYear = (now = new Date()) =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));

/** 年度清理复核: the yearly re-check of the hardship file as one campaign per year and scope. */
export const recheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const runner = createCampaignRunner({ db: app.db, temporal: app.temporal, log: app.log });
  const resume = () =>
    runner.resume().catch((err) => app.log.warn({ err }, 're-check campaigns could not be resumed'));
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    if (!app.temporal) return;
    // Not at once: a gateway coming up has its own start-up to do, and a campaign can wait seconds.
    setTimeout(resume, FIRST_RESUME_AFTER_MS).unref();
    timer = setInterval(resume, RESUME_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await runner.close();
  });

  app.get(
    '/api/hardship/recheck-campaigns',
    {
      config: { auth: 'user', roles: CENTRE },
      schema: {
        tags: ['hardship'],
        summary: 'Re-check campaigns of my scope, and how many files a campaign started now would reach',
        response: { 200: RecheckCampaignList, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const now = new Date();
      const [campaigns, files] = await Promise.all([
        campaignsInScope(app.db, request.user),
        filesInScope(app.db, request.user),
      ]);
      const items = await Promise.all(
        campaigns.map(async (c) => campaignSummary(c, await campaignCases(app.db, c.id, c.started_at), now)),
      );
      return {
        items,
        eligible: files.filter((f) => f.waiting).length,
        currentYear: currentYear(now),
        scope: request.user.orgName,
      };
    },
  );

  app.post(
    '/api/hardship/recheck-campaigns',
    {
      config: { auth: 'user', roles: CENTRE, idempotent: true },
      schema: {
        tags: ['hardship'],
        summary: "Start the year's re-check of every household file in my scope (once per year)",
        body: StartRecheckCampaignRequest,
        response: { 202: RecheckCampaign, ...errors },
      },
    },
    async (request, reply) => {
      const started = await recordCampaign(app.db, request.user, request.body.year);
      const campaign = await campaignInScope(app.db, started.id, request.user);
      if (!campaign) throw notFound('没有这次复核 / no such campaign');
      // The engine is reached in the background; the page follows progress from the read model.
      if (app.temporal) runner.kick(campaign);
      reply.code(202);
      return campaignProgress(
        campaign,
        await campaignCases(app.db, campaign.id, campaign.started_at),
        new Date(),
      );
    },
  );

  app.get(
    '/api/hardship/recheck-campaigns/:id',
    {
      config: { auth: 'user', roles: CENTRE },
      schema: {
        tags: ['hardship'],
        summary: 'A re-check campaign: progress by unit, outcome counts, households pending or overdue',
        params: Params,
        response: { 200: RecheckCampaign, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const campaign = await campaignInScope(app.db, request.params.id, request.user);
      if (!campaign) throw notFound('没有这次复核 / no such campaign');
      return campaignProgress(
        campaign,
        await campaignCases(app.db, campaign.id, campaign.started_at),
        new Date(),
      );
    },
  );
};
