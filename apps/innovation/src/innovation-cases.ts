import type { CaseSummaryDto } from '@unionflow/contracts';

/** The process this department owns (seeded definition key). */
export const INNOVATION_PROCESS_KEY = 'innovation-proposal';

/** Seeded keys of the department's other processes. */
export const CHALLENGE_KEY = 'innovation-challenge';
export const SELECTION_KEYS = ['innovation-quarterly-selection', 'innovation-hall-of-fame'];

/** Whether a department case belongs to the innovation programme. */
export function isInnovationCase(c: Pick<CaseSummaryDto, 'processKey' | 'department'>): boolean {
  return c.processKey === INNOVATION_PROCESS_KEY || c.department === 'innovation';
}
