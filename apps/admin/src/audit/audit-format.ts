/** Event kinds offered in the filter: the admin changes first, then the common case events. */
export const AUDIT_TYPES = [
  'user-created',
  'user-updated',
  'user-deactivated',
  'user-reactivated',
  'org-unit-created',
  'org-unit-renamed',
  'org-unit-moved',
  'delegation-created',
  'delegation-revoked',
  'hand-over',
  'definition-published',
  'definition-restored',
  'definition-retired',
  'case-started',
  'approved',
  'self-approval',
  'rejected',
  'returned',
  'reassigned',
  'withdrawn',
  'supplemented',
  'case-ended',
  'migrated',
  'field-revealed',
  'anonymous-objection',
] as const;

/**
 * The UTC instants bounding whole days in Beijing time: `from` the first day's midnight, `to` the
 * midnight after the last day (exclusive), whatever zone the browser runs in.
 */
export function shanghaiDayRange(firstDay: string, lastDay: string): { from: string; to: string } {
  const next = new Date(`${lastDay}T00:00:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from: new Date(`${firstDay}T00:00:00+08:00`).toISOString(), to: next.toISOString() };
}

export { payloadLines, type SummaryText, summarizePayload } from '@unionflow/contracts/vocabulary';
