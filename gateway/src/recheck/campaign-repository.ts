import type { Database, RecheckCaseState } from '@unionflow/db';
import { RECHECK_CAMPAIGN } from '@unionflow/domain';
import { type Kysely, sql } from 'kysely';
import { pathInScope } from '../org/org-scope';

/** Postgres' unique violation: the loser of a race to start the same year's campaign. */
export const UNIQUE_VIOLATION = '23505';

/** A household file in scope, and whether its case waits at the yearly timer now. */
export interface FileInScope {
  case_id: string;
  org_id: string;
  waiting: boolean;
  current_step: { zh: string; en?: string } | null;
}

/**
 * Open hardship files of running cases in the caller's org subtree. Whether a case waits at the timer
 * is read off its timeline: the latest event at that node is the timer's start. The engine has the
 * last word when the campaign reaches the case; this is the preview the start button counts.
 */
export async function filesInScope(db: Kysely<Database>, scope: { orgPath: string }): Promise<FileInScope[]> {
  const rows = await db
    .selectFrom('hardship_files as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('timeline_events as e')
          .select('e.type')
          .whereRef('e.case_id', '=', 'c.id')
          .where('e.node_id', '=', RECHECK_CAMPAIGN.waitNodeId)
          .orderBy('e.seq', 'desc')
          .orderBy('e.idx', 'desc')
          .limit(1)
          .as('w'),
      (join) => join.onTrue(),
    )
    .select(['c.id as case_id', 'c.org_id', 'c.current_step', 'w.type as wait_event'])
    .where('f.status', '=', 'in-file')
    .where('c.status', '=', 'running')
    .where('c.process_key', '=', RECHECK_CAMPAIGN.processKey)
    .where((eb) => pathInScope(eb.ref('o.path'), scope))
    .orderBy('c.number')
    .execute();
  return rows.map((r) => ({
    case_id: r.case_id,
    org_id: r.org_id,
    current_step: r.current_step,
    waiting: r.wait_event === 'timer-started',
  }));
}

export interface CampaignRow {
  id: string;
  org_id: string;
  scope: string;
  year: number;
  reason: string;
  started_by: string;
  starter_name: string;
  started_at: Date;
  finished_at: Date | null;
}

function campaignQuery(db: Kysely<Database>) {
  return db
    .selectFrom('recheck_campaigns as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .innerJoin('users as u', 'u.id', 'r.started_by')
    .select([
      'r.id',
      'r.org_id',
      'o.name as scope',
      'r.year',
      'r.reason',
      'r.started_by',
      'u.display_name as starter_name',
      'r.started_at',
      'r.finished_at',
    ]);
}

/** A campaign whose scope lies in the caller's subtree (others do not exist for the caller). */
export async function campaignInScope(
  db: Kysely<Database>,
  id: string,
  scope: { orgPath: string },
): Promise<CampaignRow | undefined> {
  return campaignQuery(db)
    .where('r.id', '=', id)
    .where((eb) => pathInScope(eb.ref('o.path'), scope))
    .executeTakeFirst();
}

export async function campaignOfYear(
  db: Kysely<Database>,
  orgId: string,
  year: number,
): Promise<CampaignRow | undefined> {
  return campaignQuery(db).where('r.org_id', '=', orgId).where('r.year', '=', year).executeTakeFirst();
}

/** Campaigns in the caller's subtree, newest year first. */
export async function campaignsInScope(
  db: Kysely<Database>,
  scope: { orgPath: string },
): Promise<CampaignRow[]> {
  return campaignQuery(db)
    .where((eb) => pathInScope(eb.ref('o.path'), scope))
    .orderBy('r.year', 'desc')
    .orderBy('r.started_at', 'desc')
    .execute();
}

/** Records a campaign and the files it covers in one transaction; a second one of the year loses. */
export async function insertCampaign(
  db: Kysely<Database>,
  campaign: { id: string; orgId: string; year: number; reason: string; startedBy: string; at: Date },
  cases: { caseId: string; orgId: string; state: RecheckCaseState; detail: string | null }[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('recheck_campaigns')
      .values({
        id: campaign.id,
        org_id: campaign.orgId,
        year: campaign.year,
        reason: campaign.reason,
        started_by: campaign.startedBy,
        started_at: campaign.at,
        finished_at: cases.some((c) => c.state === 'pending') ? null : campaign.at,
      })
      .execute();
    if (cases.length > 0)
      await trx
        .insertInto('recheck_campaign_cases')
        .values(
          cases.map((c) => ({
            campaign_id: campaign.id,
            case_id: c.caseId,
            org_id: c.orgId,
            state: c.state,
            detail: c.detail,
            updated_at: campaign.at,
          })),
        )
        .execute();
  });
}

/** Cases the campaign has not reached yet. */
export async function pendingCampaignCases(db: Kysely<Database>, campaignId: string, limit: number) {
  return db
    .selectFrom('recheck_campaign_cases')
    .select('case_id')
    .where('campaign_id', '=', campaignId)
    .where('state', '=', 'pending')
    .orderBy('case_id')
    .limit(limit)
    .execute();
}

export async function markCampaignCase(
  db: Kysely<Database>,
  campaignId: string,
  caseId: string,
  state: RecheckCaseState,
  detail: string | null,
): Promise<void> {
  await db
    .updateTable('recheck_campaign_cases')
    .set({ state, detail, updated_at: new Date() })
    .where('campaign_id', '=', campaignId)
    .where('case_id', '=', caseId)
    .execute();
}

export async function finishCampaign(db: Kysely<Database>, campaignId: string): Promise<void> {
  await db
    .updateTable('recheck_campaigns')
    .set({ finished_at: new Date() })
    .where('id', '=', campaignId)
    .where('finished_at', 'is', null)
    .execute();
}

/** Campaigns some gateway started and nobody finished (a restart, or the engine was away). */
export async function unfinishedCampaigns(db: Kysely<Database>) {
  return db
    .selectFrom('recheck_campaigns')
    .select(['id', 'reason', 'started_by'])
    .where('finished_at', 'is', null)
    .execute();
}

/**
 * One covered household with the re-verification the campaign started: the first one since it began
 * (a later year's campaign starts the next), from tasks and the timeline.
 */
export interface CampaignCaseRow {
  case_id: string;
  number: string;
  title: string;
  org_id: string;
  unit: string;
  state: RecheckCaseState;
  detail: string | null;
  task_status: string | null;
  due_at: Date | null;
  outcome: string | null;
}

export async function campaignCases(
  db: Kysely<Database>,
  campaignId: string,
  since: Date,
): Promise<CampaignCaseRow[]> {
  const reverify = RECHECK_CAMPAIGN.reverifyNodeId;
  return db
    .selectFrom('recheck_campaign_cases as rc')
    .innerJoin('cases as c', 'c.id', 'rc.case_id')
    .innerJoin('orgs as o', 'o.id', 'rc.org_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('tasks as t')
          .select(['t.status', 't.due_at'])
          .whereRef('t.case_id', '=', 'rc.case_id')
          .where('t.node_id', '=', reverify)
          .where('t.created_at', '>=', since)
          .orderBy('t.created_at', 'asc')
          .limit(1)
          .as('t'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('timeline_events as e')
          .select(sql<string | null>`e.data->>${RECHECK_CAMPAIGN.outcomeField}`.as('outcome'))
          .whereRef('e.case_id', '=', 'rc.case_id')
          .where('e.type', '=', 'approved')
          .where('e.node_id', '=', reverify)
          .where('e.at', '>=', since)
          .orderBy('e.seq', 'asc')
          .limit(1)
          .as('e'),
      (join) => join.onTrue(),
    )
    .select([
      'rc.case_id',
      'c.number',
      'c.title',
      'rc.org_id',
      'o.name as unit',
      'rc.state',
      'rc.detail',
      't.status as task_status',
      't.due_at',
      'e.outcome',
    ])
    .where('rc.campaign_id', '=', campaignId)
    .orderBy('o.name')
    .orderBy('c.number')
    .execute();
}
