import type { ResolvedSession } from './session-store';

/**
 * Sessions this process resolved lately, by session id. A person's page fires several requests at
 * once (inbox, counts, case, decision), and a reviewer polls the inbox all day; each would otherwise
 * read the same session row.
 *
 * How long an entry lives depends on whether this process hears of every change (ADR 043): while its
 * LISTEN connection is up, the database signals each committed change to sessions or the directory
 * and the cache is cleared on it, so entries may live `exactTtlMs`; otherwise `ttlMs` (1 s), and a
 * change made through another gateway is honoured here within that window (ADR 040). Never past the
 * session's deadline or its next touch. Changes this process makes clear it at once either way.
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: ResolvedSession; until: number }>();
  private exact = false;
  private epoch = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly exactTtlMs = ttlMs,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * Moves with every clear: a read that began before a change must not be kept after the change's
   * signal was handled, so callers take the generation before reading and pass it to {@link set}.
   */
  get generation(): number {
    return this.epoch;
  }

  /** Whether every change reaches this process now; switching either way starts from empty. */
  setExact(exact: boolean): void {
    if (exact === this.exact) return;
    this.exact = exact;
    this.clear();
  }

  get(id: string, now: number): ResolvedSession | null {
    const hit = this.entries.get(id);
    if (!hit) return null;
    if (now < hit.until) return hit.session;
    this.entries.delete(id);
    return null;
  }

  /**
   * Keeps `session` until `validUntil` at the latest (its deadline or next touch, whichever is first),
   * unless the cache was cleared since `readAt` (the generation when the read began).
   */
  set(id: string, session: ResolvedSession, now: number, validUntil: number, readAt = this.epoch): void {
    const ttl = this.exact ? this.exactTtlMs : this.ttlMs;
    if (ttl <= 0 || readAt !== this.epoch) return;
    const until = Math.min(now + ttl, validUntil);
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
    this.epoch++;
  }
}
