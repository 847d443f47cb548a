// The same change as unguarded-change.ts, made the safe way: behind patched(), old histories replay.
import { patched, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../src/activities';
import { caseWorkflow as current } from '../../src/case-workflow';
import type { CaseInput, CaseView } from '../../src/messages';

const { superiorOf } = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds' });

/** Today's interpreter with an extra activity call that only cases started after the change make. */
export async function caseWorkflow(input: CaseInput): Promise<CaseView> {
  if (patched('canary-extra-lookup')) await superiorOf(input.applicant.userId);
  return current(input);
}
