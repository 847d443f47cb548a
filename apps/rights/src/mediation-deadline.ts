/** Labour Dispute Mediation and Arbitration Law art. 14: 15 days from the day the request is received. */
export const MEDIATION_LIMIT_DAYS = 15;
const DAY_MS = 86_400_000;

/**
 * The statutory deadline and whole days left (negative once passed). The request is received when
 * the case is filed, so the days intake takes count against the limit, as the engine's timers do.
 */
export function mediationCountdown(
  receivedAt: string,
  now: Date = new Date(),
): { deadline: Date; daysLeft: number } {
  const deadline = new Date(Date.parse(receivedAt) + MEDIATION_LIMIT_DAYS * DAY_MS);
  return { deadline, daysLeft: Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS) };
}

/** Running disputes, fewest days left first: filed earliest means the limit ends earliest. */
export function byDaysLeft<T extends { createdAt: string }>(cases: T[]): T[] {
  return [...cases].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
