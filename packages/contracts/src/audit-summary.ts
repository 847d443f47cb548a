/**
 * One line saying what an audit event changed (its 详情), shared by the admin app's audit page and
 * the gateway's Excel export so both read the same.
 */

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
    // Delegations name both people: the ids are shown by name instead.
    if (!changes && (key === 'from' || key === 'to') && typeof payload[`${key}Name`] === 'string') continue;
    parts.push(`${label(key)}: ${show(value, names)}`);
  }
  const line = parts.join(' · ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
