/** The zone dates are shown in unless the user's profile says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Formats an ISO timestamp as `YYYY-MM-DD HH:mm` (or `YYYY-MM-DD`) in the given zone; same output in every locale. */
export function formatDateTime(
  value: string | Date,
  options: { timeZone?: string; dateOnly?: boolean } = {},
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '—';
  const parts: Record<string, string> = {};
  for (const p of formatterFor(options.timeZone ?? DEFAULT_TIME_ZONE).formatToParts(date))
    parts[p.type] = p.value;
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return options.dateOnly ? day : `${day} ${parts.hour}:${parts.minute}`;
}

/** True when a due time has passed. */
export function isOverdue(dueAt: string | null | undefined, now: Date = new Date()): boolean {
  if (!dueAt) return false;
  const t = new Date(dueAt).getTime();
  return !Number.isNaN(t) && t < now.getTime();
}
