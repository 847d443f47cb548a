/** A random v4 UUID; works outside secure contexts too, where crypto.randomUUID is missing. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Hands out one key per user action: asking again for the same action (same signature) returns the
 * same key, so a retry after a lost response is deduplicated; `settle()` ends the action.
 */
export class ActionKeys {
  private signature: string | null = null;
  private key: string | null = null;

  /** The key for this action, reused while the signature stays the same and the action is unsettled. */
  keyFor(signature: string): string {
    if (this.key === null || this.signature !== signature) {
      this.signature = signature;
      this.key = newIdempotencyKey();
    }
    return this.key;
  }

  /** Forget the key once the server has answered definitively. */
  settle(): void {
    this.signature = null;
    this.key = null;
  }
}
