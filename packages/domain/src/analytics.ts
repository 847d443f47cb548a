import type { Label } from '@unionflow/process-model/catalog';
import { laborDispute } from './dispute/labor-dispute';
import { HARDSHIP_AID_KINDS, hardshipAid } from './hardship/hardship-aid';
import { hardshipCase } from './hardship/hardship-case';
import { HARDSHIP_LEVEL_LABELS } from './hardship/reverification';
import { innovationProposal } from './innovation/innovation-proposal';
import { INNOVATION_TIER_LABELS } from './innovation/tiers';

/**
 * Where the 看板 finds what it counts (ADR 029): which process, which data key holds a tier, a kind or
 * an amount in fen, which end step means what. Declared next to the definitions they read, so a
 * renamed field or end step breaks this file's test rather than quietly zeroing a chart.
 *
 * The department rollups (ADR 038) are kept by database triggers that cannot import this file: their
 * migration writes these keys out as they are. A change here needs a migration that redefines those
 * functions and rebuilds; `gateway/src/analytics/department-rollups.test.ts` fails until it does.
 */
export const ANALYTICS_KEYS = {
  innovation: {
    department: innovationProposal.department,
    /** Proposals are the department's cases whose data carries a tier. */
    proposalProcessKey: innovationProposal.key,
    tierField: 'tier',
    tiers: INNOVATION_TIER_LABELS as Record<string, Label>,
  },
  hardship: {
    department: hardshipCase.department,
    fileProcessKey: hardshipCase.key,
    levels: HARDSHIP_LEVEL_LABELS as Record<string, Label>,
    /** Aid requests name their kind in this field; other assistance payments fall back to the payment kind. */
    aidProcessKey: hardshipAid.key,
    aidKindField: 'aidType',
    aidKinds: HARDSHIP_AID_KINDS as Record<string, Label>,
  },
  disputes: {
    department: laborDispute.department,
    processKey: laborDispute.key,
    /** A case was mediated once a mediation session step was completed (both parties consented). */
    mediatedNode: 'session',
    /** The agreement is signed at this step: the 15-day share counts from filing to its completion. */
    agreementNode: 'settlement',
    settledOutcome: 'settled',
    referredOutcome: 'referred-to-arbitration',
    /** What the employer actually paid, confirmed at the payment step. */
    settledAmountField: 'paidAmountFen',
    /** Labour Dispute Mediation and Arbitration Law art. 14. */
    limitDays: 15,
  },
} as const;

/** Payment kinds as people read them, for amounts not tied to an aid request. */
export const PAYMENT_KIND_LABELS: Record<string, Label> = {
  'innovation-award': { zh: '创新奖励', en: 'Innovation award' },
  'mentor-award': { zh: '导师奖励', en: 'Mentor award' },
  'challenge-bounty': { zh: '揭榜奖金', en: 'Challenge bounty' },
  'hardship-aid': { zh: '困难救助', en: 'Hardship aid' },
  'grassroots-subsidy': { zh: '基层工会补助', en: 'Grassroots union subsidy' },
  condolence: { zh: '慰问金', en: 'Condolence payment' },
  payment: { zh: '其他支付', en: 'Other payment' },
};
