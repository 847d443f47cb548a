import type { TimelineEventDto } from '@unionflow/contracts';

/** Labour Dispute Mediation and Arbitration Law art. 14: 15 days from the mediation request. */
export const MEDIATION_LIMIT_DAYS = 15;
const DAY_MS = 86_400_000;

// The seeded labor-dispute definition asks for consent first: that step opening is the request.
const MEDIATION_START_STEPS = ['mediation', 'consent'];

/** When mediation started (the first mediation step opened), or null before intake is done. */
export function mediationStartedAt(
  timeline: Pick<TimelineEventDto, 'type' | 'nodeId' | 'at'>[],
): string | null {
  const opened = timeline
    .filter((e) => e.type === 'step-opened' && e.nodeId && MEDIATION_START_STEPS.includes(e.nodeId))
    .map((e) => e.at)
    .sort();
  return opened[0] ?? null;
}

/** The statutory deadline and whole days left (negative once passed), counted from the start. */
export function mediationCountdown(
  startedAt: string,
  now: Date = new Date(),
): { deadline: Date; daysLeft: number } {
  const deadline = new Date(Date.parse(startedAt) + MEDIATION_LIMIT_DAYS * DAY_MS);
  return { deadline, daysLeft: Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS) };
}
