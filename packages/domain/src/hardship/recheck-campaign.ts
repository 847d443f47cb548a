import type { Label } from '@unionflow/process-model/catalog';
import { HARDSHIP_PROCESS_KEYS } from './process-keys';

/**
 * What a yearly re-check campaign (年度清理复核, ADR 024) needs to know of `hardship-case`: the timer
 * a household in the file waits at, the centre's re-verification step, and the field its decision
 * is recorded in. Kept beside the definition so a renamed node fails this package's tests, not a campaign.
 */
export const RECHECK_CAMPAIGN = {
  processKey: HARDSHIP_PROCESS_KEYS.file,
  waitNodeId: 'yearly-wait',
  reverifyNodeId: 'reverify',
  outcomeField: 'reverifyOutcome',
} as const;

/** The re-verification's outcomes, as a campaign counts them. */
export const RECHECK_OUTCOMES = {
  continue: { zh: '继续在档', en: 'Kept' },
  'change-level': { zh: '调整类别', en: 'Level changed' },
  exit: { zh: '退档', en: 'Exited' },
} as const satisfies Record<string, Label>;

/** What a campaign's start says on each case's timeline. */
export function recheckCampaignReason(year: number): string {
  return `${year} 年度清理复核启动`;
}
