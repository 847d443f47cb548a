import type { CaseSummaryDto } from '@unionflow/contracts';

/** The process this department owns (seeded definition key). */
export const INNOVATION_PROCESS_KEY = 'innovation-proposal';

/** Whether a department case belongs to the innovation programme. */
export function isInnovationCase(c: Pick<CaseSummaryDto, 'processKey' | 'department'>): boolean {
  return c.processKey === INNOVATION_PROCESS_KEY || c.department === 'innovation';
}

/** Case counts by status, plus `total`, for the summary tags. */
export function countByStatus(cases: Pick<CaseSummaryDto, 'status'>[]): Record<string, number> {
  const counts: Record<string, number> = { total: cases.length };
  for (const c of cases) counts[c.status] = (counts[c.status] ?? 0) + 1;
  return counts;
}
