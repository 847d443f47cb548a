import type { NoticeItemDto } from '@unionflow/contracts';
import type { FormField, ProcessDefinition, Text } from '@unionflow/process-model';
import type { NoticeRow } from './notice-repository';

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 张伟 → 张*, 欧阳修 → 欧**: the surname stays so neighbours recognise the notice, the rest is hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** When the notice ends, from its `notice-published` event; null when the event carries none. */
export function noticeEnd(row: Pick<NoticeRow, 'event_data'>): Date | null {
  const until = (row.event_data as { until?: unknown } | null)?.until;
  const at = typeof until === 'string' ? new Date(until) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/** Whether the case is on notice right now: its latest notice event published one that has not ended. */
export function isOnNotice(row: NoticeRow, now = new Date()): boolean {
  const end = noticeEnd(row);
  return row.event_type === 'notice-published' && end !== null && end > now;
}

function fieldsOf(def: ProcessDefinition): FormField[] {
  const steps = def.nodes.flatMap((n) => ('form' in n && Array.isArray(n.form) ? n.form : []));
  return [...def.form, ...steps];
}

/** A value as a person reads it: an option's label, 是/否, yuan for fen; never an internal code. */
function shown(field: FormField, value: unknown): Text | null {
  if (value === undefined || value === null || value === '') return null;
  if (field.type === 'select') {
    const option = field.options?.find((o) => o.value === value);
    return option ? option.label : null;
  }
  if (field.type === 'boolean') return value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' };
  if (field.type === 'money' && typeof value === 'number') {
    const yuan = (value / 100).toFixed(2);
    return { zh: `${yuan} 元`, en: `¥${yuan}` };
  }
  if (typeof value === 'string' || typeof value === 'number') return { zh: String(value) };
  return null;
}

/**
 * The board entry for a case on notice: the masked name, the unit, the end date, and only the data
 * keys the notice node lists in `publicFields`. A field marked sensitive is never shown, even if
 * listed: household details stay with the assistance staff (ADR 019).
 */
export function toNoticeItem(row: NoticeRow, def: ProcessDefinition | null): NoticeItemDto | null {
  const end = noticeEnd(row);
  if (!end) return null;
  const node = def?.nodes.find((n) => n.id === row.node_id);
  const publicKeys = node?.kind === 'notice' ? (node.publicFields ?? []) : [];
  const fields = def ? fieldsOf(def) : [];
  const data = (row.data ?? {}) as Record<string, unknown>;
  const shownFields = publicKeys.flatMap((key) => {
    const field = fields.find((f) => f.key === key);
    if (!field || field.sensitive || field.revealOnly) return [];
    const value = shown(field, data[key]);
    return value ? [{ key, label: field.label, value }] : [];
  });
  return {
    caseId: row.case_id,
    title: (row.step_name as Text | null) ?? { zh: '公示', en: 'Public notice' },
    maskedName: maskName(row.applicant_name),
    unit: row.unit,
    fields: shownFields,
    endsAt: end.toISOString(),
    endsOn: SHANGHAI_DAY.format(end),
  };
}
