import type { ResolvedSession } from './session-store';

/**
 * Sessions this process resolved in the last moment, by session id. A person's page fires several
 * requests at once (inbox, counts, case, decision); each would otherwise read the same session row.
 *
 * Entries live `ttlMs` (1 s by default) and never past the session's deadline or its next touch.
 * Every session or directory write this process makes forgets them all at once, so a logout, a
 * password change or a deactivation is exact here; another gateway may honour the old state for at
 * most `ttlMs` (ADR 040).
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: ResolvedSession; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(id: string, now: number): ResolvedSession | null {
    const hit = this.entries.get(id);
    if (!hit) return null;
    if (now < hit.until) return hit.session;
    this.entries.delete(id);
    return null;
  }

  /** Keeps `session` until `validUntil` at the latest (its deadline or next touch, whichever is first). */
  set(id: string, session: ResolvedSession, now: number, validUntil: number): void {
    if (this.ttlMs <= 0) return;
    const until = Math.min(now + this.ttlMs, validUntil);
    if (until <= now) return;
    if (this.entries.size >= this.maxEntries) {
      // The oldest entry goes first (a Map iterates in insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(id, { session, until });
  }

  clear(): void {
    this.entries.clear();
  }
}
