import type { Label } from '@unionflow/process-model/catalog';
import { yuan } from '../money';

/** The three subsidies: the application form's options and the computed result's labels. */
export const SUBSIDY_KINDS = {
  'work-fund': { zh: '工作经费补贴', en: 'Work-fund subsidy' },
  project: { zh: '服务项目补贴', en: 'Service-project subsidy' },
  'part-time-chair': { zh: '兼职工会干部岗位补贴', en: 'Part-time chair allowance' },
} as const satisfies Record<string, Label>;

/**
 * The city federation's subsidies for grassroots unions of new-economy workers (Shenyang's "三项补贴").
 * The numbers are policy, so they live in one rules object a deployment (or a definition's service
 * params) can override.
 */
export interface SubsidyRules {
  /** Work-fund subsidy for a union of up to `baseMembers` members. */
  workFundBaseFen: number;
  baseMembers: number;
  /** Added per member above `baseMembers`. */
  workFundPerExtraMemberFen: number;
  /** Share of a service project's cost the federation pays, in percent. */
  projectSubsidyPercent: number;
  projectSubsidyCapFen: number;
  /** Part-time union chair / vice-chair allowance per person per month. */
  partTimeChairMonthlyFen: number;
}

/** Shenyang's published rules: 2,000 up to 25 members +20 per member above; 60% capped at 100,000; 300 a month. */
export const defaultSubsidyRules: SubsidyRules = {
  workFundBaseFen: yuan(2_000),
  baseMembers: 25,
  workFundPerExtraMemberFen: yuan(20),
  projectSubsidyPercent: 60,
  projectSubsidyCapFen: yuan(100_000),
  partTimeChairMonthlyFen: yuan(300),
};

function wholeCount(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw new RangeError(`${what} must be a whole number of at least ${min}, got ${value}`);
}

/** Work-fund subsidy (工作经费补贴) for a grassroots union with `members` members, in fen. */
export function workFundSubsidyFen(members: number, rules: SubsidyRules = defaultSubsidyRules): number {
  wholeCount(members, 'members', 1);
  const extra = Math.max(0, members - rules.baseMembers);
  return rules.workFundBaseFen + extra * rules.workFundPerExtraMemberFen;
}

/** One-off service-project subsidy (项目补贴): a share of the cost, rounded down to the fen, capped. */
export function projectSubsidyFen(costFen: number, rules: SubsidyRules = defaultSubsidyRules): number {
  wholeCount(costFen, 'costFen', 0);
  const share = Math.floor((costFen * rules.projectSubsidyPercent) / 100);
  return Math.min(share, rules.projectSubsidyCapFen);
}

/** Part-time chair allowance (兼职工会干部岗位补贴) for `persons` people over `months` months, in fen. */
export function partTimeChairSubsidyFen(
  persons: number,
  months: number,
  rules: SubsidyRules = defaultSubsidyRules,
): number {
  wholeCount(persons, 'persons', 0);
  wholeCount(months, 'months', 0);
  return persons * months * rules.partTimeChairMonthlyFen;
}
