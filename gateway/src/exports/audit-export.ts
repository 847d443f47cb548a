import type { AuditEntryDto, AuditQueryParams } from '@unionflow/contracts';
import {
  ADMIN_AUDIT_EVENTS,
  AUDIT_FIELDS,
  AUDIT_VALUES,
  summarizePayload,
} from '@unionflow/contracts/vocabulary';
import type { Database } from '@unionflow/db';
import { roleName } from '@unionflow/domain/names';
import { TIMELINE_EVENTS } from '@unionflow/process-model/catalog';
import type { Kysely } from 'kysely';
import { listAuditEvents } from '../audit-log';
import type { AuthUser } from '../auth';
import { decodeCursor, encodeCursor } from '../cases/cursor';
import { EXPORT_PAGE_SIZE, type ExportLanguage, keysetPages, type XlsxExport } from './xlsx-stream';

type Table = Record<string, { zh: string; en: string }>;

/**
 * The audit log with the same filters and the same masking as `GET /api/audit` (it is read through
 * the same query, page by page), as a sheet: time, event, who, case, 详情 and the chain hash.
 */
export function auditExport(
  db: Kysely<Database>,
  user: AuthUser,
  filters: Omit<AuditQueryParams, 'cursor' | 'limit'>,
  lang: ExportLanguage,
): XlsxExport<AuditEntryDto> {
  const word = (table: Table, key: string) => table[key]?.[lang];
  const orgNames = new Map<string, string>();
  const names = (id: string) => orgNames.get(id) ?? word(AUDIT_VALUES, id) ?? id;
  const label = (field: string) => word(AUDIT_FIELDS, field) ?? field;
  // Role keys by name; times keep the summary's default, Beijing time like the sheet's own column.
  const role = (key: string) => roleName(key, lang);
  async function* pages(): AsyncIterable<AuditEntryDto[]> {
    const orgs = await db.selectFrom('orgs').select(['id', 'name']).execute();
    for (const o of orgs) orgNames.set(o.id, o.name);
    yield* keysetPages(async (after: string[] | null) => {
      const page = await listAuditEvents(db, user, {
        ...filters,
        limit: EXPORT_PAGE_SIZE,
        cursor: after ? encodeCursor(after) : undefined,
      });
      const next = page.nextCursor ? (decodeCursor(page.nextCursor, ['serial']) as string[]) : null;
      return { items: page.items, next };
    });
  }
  return {
    filename: lang === 'en' ? 'audit-log.xlsx' : '审计日志.xlsx',
    sheet: { zh: '审计日志', en: 'Audit log' },
    columns: [
      { header: { zh: '时间', en: 'Time' }, type: 'time', value: (e) => e.at },
      {
        header: { zh: '事件', en: 'Event' },
        value: (e) =>
          word(ADMIN_AUDIT_EVENTS, e.type) ??
          (TIMELINE_EVENTS as Record<string, { label: Table[string] }>)[e.type]?.label[lang] ??
          e.type,
      },
      {
        header: { zh: '操作人', en: 'By' },
        value: (e) =>
          e.actor ? `${e.actor.displayName}（${e.actor.username}）` : lang === 'en' ? 'System' : '系统',
      },
      { header: { zh: '案件编号', en: 'Case' }, value: (e) => e.caseNumber },
      {
        header: { zh: '详情', en: 'Details' },
        width: 60,
        value: (e) => summarizePayload(e.payload, { names, label, role }),
      },
      { header: { zh: '哈希', en: 'Hash' }, width: 24, value: (e) => e.hash },
    ],
    pages: pages(),
  };
}
