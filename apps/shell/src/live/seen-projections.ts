/**
 * The newest projection of each case this tab already holds because it wrote it (a decision's answer
 * is the case after it). The live stream echoes the same change back; an event at or below that `seq`
 * brings nothing new, so it is not refetched a second time.
 */
const seen = new Map<string, number>();

/** Remembers that the cached case reflects projection `seq`. */
export function noteSeen(caseId: string, seq: number | undefined): void {
  if (seq === undefined) return;
  seen.set(caseId, Math.max(seq, seen.get(caseId) ?? 0));
}

/** Whether a live event for `caseId` at `seq` is already reflected in the cache. */
export function alreadySeen(caseId: string, seq: unknown): boolean {
  return typeof seq === 'number' && seq <= (seen.get(caseId) ?? -1);
}
