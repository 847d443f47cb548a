/**
 * What an audit event changed (its 详情), shared by the admin app's audit page and the gateway's
 * Excel export so both read the same: names instead of codes, Beijing time instead of UTC instants.
 */
import { AUDIT_FIELD_KINDS, AUDIT_FIELDS } from './audit-vocabulary';

// Where a field stands in a 详情: as declared, then fields without words in their own order.
const READING_ORDER = new Map(Object.keys(AUDIT_FIELDS).map((k, i) => [k, i]));
const rank = (field: string) => READING_ORDER.get(field) ?? READING_ORDER.size;

// Ids the table already shows elsewhere, or that mean nothing to a reader.
// (`field` is a data key; a reveal event carries its label too.)
const HIDDEN = new Set(['orgId', 'userId', 'nodeId', 'onBehalfOfId', 'delegationId', 'key', 'field']);

const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as `YYYY-MM-DD HH:mm` in Asia/Shanghai, whatever zone the reader's machine is in. */
export function shanghaiTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p: Record<string, string> = {};
  for (const part of SHANGHAI.formatToParts(date)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** How a summary shows ids (org units by name), field names (translated), roles and times. */
export interface SummaryText {
  names?: (id: string) => string;
  label?: (field: string) => string;
  /** A role key as the role's name; without it the key shows. */
  role?: (key: string) => string;
  /** A UTC instant as people read it; Beijing time by default. */
  time?: (iso: string) => string;
}

type Show = (value: unknown) => string;

function shower(base: (text: string) => string): Show {
  const show: Show = (value) => {
    if (value === null || value === undefined) return '—';
    if (Array.isArray(value)) return value.map(show).join('、') || '—';
    if (typeof value === 'object') {
      const o = value as Record<string, unknown>;
      // A bilingual label: the page's language is Chinese first.
      if (typeof o.zh === 'string') return o.zh;
      if ('from' in o && 'to' in o) return `${show(o.from)} → ${show(o.to)}`;
      if ('added' in o || 'removed' in o) {
        const added = (o.added as unknown[] | undefined) ?? [];
        const removed = (o.removed as unknown[] | undefined) ?? [];
        return [...added.map((r) => `+${show(r)}`), ...removed.map((r) => `−${show(r)}`)].join(' ');
      }
      return Object.entries(o)
        .map(([k, v]) => `${k}: ${show(v)}`)
        .join('; ');
    }
    return base(String(value));
  };
  return show;
}

/** One line of a 详情: the field in words and its value (or before → after). */
export interface DetailLine {
  field: string;
  label: string;
  value: string;
}

/**
 * The fields of an event as lines: the changes of an admin change (or its payload), ids left out,
 * role keys by name, times in Beijing time. A case event's comment is not a line (it leads the summary).
 */
export function payloadLines(payload: Record<string, unknown>, text: SummaryText = {}): DetailLine[] {
  const names = text.names ?? ((s: string) => s);
  const label = text.label ?? ((s: string) => s);
  const byKind = {
    roles: shower(text.role ?? ((s: string) => s)),
    time: shower(text.time ?? shanghaiTime),
  };
  const plain = shower(names);
  const changes = payload.changes && typeof payload.changes === 'object';
  const source = changes ? (payload.changes as Record<string, unknown>) : payload;
  const lines: DetailLine[] = [];
  for (const [key, value] of Object.entries(source)) {
    if ((!changes && HIDDEN.has(key)) || key === 'comment' || key === 'data') continue;
    // Delegations name both people: the ids are shown by name instead.
    if (!changes && (key === 'from' || key === 'to') && typeof payload[`${key}Name`] === 'string') continue;
    const kind = AUDIT_FIELD_KINDS[key];
    lines.push({ field: key, label: label(key), value: (kind ? byKind[kind] : plain)(value) });
  }
  return lines.sort((a, b) => rank(a.field) - rank(b.field));
}

/**
 * One line saying what an event changed: the comment of a case event, or the fields of an admin
 * change, with org ids shown by name where the caller knows them.
 */
export function summarizePayload(payload: Record<string, unknown>, text: SummaryText = {}): string {
  const parts: string[] = [];
  if (typeof payload.comment === 'string' && payload.comment) parts.push(payload.comment);
  for (const l of payloadLines(payload, text)) parts.push(`${l.label}: ${l.value}`);
  const line = parts.join(' · ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
