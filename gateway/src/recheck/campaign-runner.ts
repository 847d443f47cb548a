import type { Database } from '@unionflow/db';
import { RECHECK_CAMPAIGN } from '@unionflow/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { sendEndWait } from '../cases/engine-client';
import { AppError } from '../errors';
import type { TemporalContext } from '../plugins/temporal';
import {
  finishCampaign,
  markCampaignCase,
  pendingCampaignCases,
  unfinishedCampaigns,
} from './campaign-repository';

/** Cases sent to the engine at once: enough to finish a few hundred in seconds, few enough to share. */
const PARALLEL = 4;

export interface CampaignRunner {
  /** Works through a campaign's pending cases in the background (no-op if already running here). */
  kick(campaign: { id: string; reason: string; started_by: string }): void;
  /** Picks up campaigns left unfinished (a restart, the engine away). */
  resume(): Promise<void>;
  /** Waits for the loops running in this process. */
  close(): Promise<void>;
}

/**
 * Sends each covered case the `endWait` Update, a few at a time, and records per case what happened:
 * started, skipped (the engine says the case is not waiting: a 409) or failed. Progress lives in
 * PostgreSQL, so the page shows it while the loop runs and any gateway can resume it. The Update id
 * is derived from the campaign and the case, so a resumed loop never ends a wait twice.
 */
export function createCampaignRunner(deps: {
  db: Kysely<Database>;
  temporal: TemporalContext | null;
  log: FastifyBaseLogger;
}): CampaignRunner {
  const running = new Map<string, Promise<void>>();
  let closed = false;

  async function reach(campaign: { id: string; reason: string; started_by: string }, caseId: string) {
    try {
      await sendEndWait(
        deps.temporal,
        caseId,
        {
          actorId: campaign.started_by,
          nodeId: RECHECK_CAMPAIGN.waitNodeId,
          reason: campaign.reason,
          campaignId: campaign.id,
        },
        `recheck-${campaign.id}-${caseId}`,
      );
      await markCampaignCase(deps.db, campaign.id, caseId, 'started', null);
    } catch (err) {
      if (err instanceof AppError && err.status === 503) throw err; // the engine is away: resume later
      const skipped = err instanceof AppError && err.status === 409;
      const detail = err instanceof Error ? err.message : String(err);
      await markCampaignCase(deps.db, campaign.id, caseId, skipped ? 'skipped' : 'failed', detail);
    }
  }

  async function run(campaign: { id: string; reason: string; started_by: string }): Promise<void> {
    while (!closed) {
      const batch = await pendingCampaignCases(deps.db, campaign.id, PARALLEL);
      if (batch.length === 0) {
        await finishCampaign(deps.db, campaign.id);
        return;
      }
      await Promise.all(batch.map((row) => reach(campaign, row.case_id)));
    }
  }

  return {
    kick(campaign) {
      if (closed || running.has(campaign.id)) return;
      const loop = run(campaign)
        .catch((err) =>
          deps.log.warn({ err, campaignId: campaign.id }, 're-check campaign paused; resuming later'),
        )
        .finally(() => running.delete(campaign.id));
      running.set(campaign.id, loop);
    },
    async resume() {
      for (const campaign of await unfinishedCampaigns(deps.db)) this.kick(campaign);
    },
    async close() {
      closed = true;
      await Promise.allSettled([...running.values()]);
    },
  };
}
