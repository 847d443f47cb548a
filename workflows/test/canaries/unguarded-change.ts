// A deliberately breaking change, kept as a canary: the replay test must refuse it, which proves the
// safety net catches a change that would break running cases.
import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../src/activities';
import { caseWorkflow as current } from '../../src/case-workflow';
import type { CaseInput, CaseView } from '../../src/messages';

const { superiorOf } = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds' });

/** Today's interpreter with one extra activity call before registerCase, and no patched() guard. */
export async function caseWorkflow(input: CaseInput): Promise<CaseView> {
  await superiorOf(input.applicant.userId);
  return current(input);
}
