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

/** Submissions per calendar month (`YYYY-MM`, oldest first), for the dashboard. */
export function perMonth(cases: Pick<CaseSummaryDto, 'createdAt'>[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of cases) {
    const month = c.createdAt.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}
