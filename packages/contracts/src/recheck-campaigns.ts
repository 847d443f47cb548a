import { type Static, Type } from 'typebox';
import { Timestamp } from './common';

/** Starts the year's re-check (年度清理复核) of every household file in the caller's scope. */
export const StartRecheckCampaignRequest = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});

/** Where one household stands in a campaign. */
export const RecheckHouseholdState = Type.Union([
  Type.Literal('sending'),
  Type.Literal('pending'),
  Type.Literal('overdue'),
  Type.Literal('done'),
  Type.Literal('skipped'),
  Type.Literal('failed'),
]);

/** The decisions of the re-checks done so far (继续在档 / 调整类别 / 退档). */
export const RecheckOutcomes = Type.Object({
  kept: Type.Integer(),
  movedLevel: Type.Integer(),
  exited: Type.Integer(),
});

/** Progress of one unit (the households' grassroots union). */
export const RecheckUnitProgress = Type.Object({
  orgId: Type.String(),
  unit: Type.String(),
  total: Type.Integer(),
  done: Type.Integer(),
  pending: Type.Integer(),
  overdue: Type.Integer(),
  skipped: Type.Integer(),
});

/** A household the campaign is still waiting on, or could not start. */
export const RecheckHousehold = Type.Object({
  caseId: Type.String(),
  number: Type.String(),
  title: Type.String(),
  unit: Type.String(),
  state: RecheckHouseholdState,
  /** When the re-verification is due (pending and overdue). */
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Why it was skipped or failed, in Chinese and English. */
  detail: Type.Union([Type.String(), Type.Null()]),
});

/** One campaign in the list. */
export const RecheckCampaignSummary = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  scope: Type.String(),
  startedAt: Timestamp,
  finishedAt: Type.Union([Timestamp, Type.Null()]),
  total: Type.Integer(),
  done: Type.Integer(),
});

/** A campaign with its progress, computed from the read model (tasks, cases, timeline). */
export const RecheckCampaign = Type.Object({
  ...RecheckCampaignSummary.properties,
  reason: Type.String(),
  startedBy: Type.String(),
  /** Files the campaign has reached so far (started, skipped or failed), of `total`. */
  reached: Type.Integer(),
  started: Type.Integer(),
  skipped: Type.Integer(),
  failed: Type.Integer(),
  pending: Type.Integer(),
  overdue: Type.Integer(),
  outcomes: RecheckOutcomes,
  units: Type.Array(RecheckUnitProgress),
  /** Households not done yet (pending, overdue, still being sent, skipped, failed). */
  households: Type.Array(RecheckHousehold),
});

/** The campaigns of the caller's scope, and how many files a campaign started now would reach. */
export const RecheckCampaignList = Type.Object({
  items: Type.Array(RecheckCampaignSummary),
  /** Household files in scope waiting for their yearly re-check. */
  eligible: Type.Integer(),
  /** The current year in Asia/Shanghai: what the start button proposes. */
  currentYear: Type.Integer(),
  scope: Type.String(),
});

export type StartRecheckCampaignBody = Static<typeof StartRecheckCampaignRequest>;
export type RecheckHouseholdStateName = Static<typeof RecheckHouseholdState>;
export type RecheckOutcomesDto = Static<typeof RecheckOutcomes>;
export type RecheckUnitProgressDto = Static<typeof RecheckUnitProgress>;
export type RecheckHouseholdDto = Static<typeof RecheckHousehold>;
export type RecheckCampaignSummaryDto = Static<typeof RecheckCampaignSummary>;
export type RecheckCampaignDto = Static<typeof RecheckCampaign>;
export type RecheckCampaignListDto = Static<typeof RecheckCampaignList>;
