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

// Ids the table already shows elsewhere, or that mean nothing to a reader.
// (`field` is a data key; a reveal event carries its label too.)
const HIDDEN = new Set(['orgId', 'userId', 'nodeId', 'onBehalfOfId', 'delegationId', 'key', 'field']);

function show(value: unknown, names: (id: string) => string): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((v) => show(v, names)).join('、') || '—';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A bilingual label: the page's language is Chinese first.
    if (typeof o.zh === 'string') return o.zh;
    if ('from' in o && 'to' in o) return `${show(o.from, names)} → ${show(o.to, names)}`;
    if ('added' in o || 'removed' in o) {
      const added = (o.added as unknown[] | undefined) ?? [];
      const removed = (o.removed as unknown[] | undefined) ?? [];
      return [...added.map((r) => `+${show(r, names)}`), ...removed.map((r) => `−${show(r, names)}`)].join(
        ' ',
      );
    }
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${show(v, names)}`)
      .join('; ');
  }
  const text = String(value);
  return names(text);
}

/** How a summary shows ids (org units by name) and field names (translated). */
export interface SummaryText {
  names?: (id: string) => string;
  label?: (field: string) => string;
}

/**
 * One line saying what an event changed: the comment of a case event, or the fields of an admin
 * change, with org ids shown by name where the caller knows them.
 */
export function summarizePayload(payload: Record<string, unknown>, text: SummaryText = {}): string {
  const names = text.names ?? ((s: string) => s);
  const label = text.label ?? ((s: string) => s);
  const parts: string[] = [];
  if (typeof payload.comment === 'string' && payload.comment) parts.push(payload.comment);
  const changes = payload.changes && typeof payload.changes === 'object';
  const source = changes ? (payload.changes as Record<string, unknown>) : payload;
  for (const [key, value] of Object.entries(source)) {
    if ((!changes && HIDDEN.has(key)) || key === 'comment' || key === 'data') continue;
    parts.push(`${label(key)}: ${show(value, names)}`);
  }
  const line = parts.join(' · ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
