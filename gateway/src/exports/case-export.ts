import type { Database } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { CASE_STATUSES } from '@unionflow/process-model/catalog';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { type CaseListFilters, caseListRows } from '../cases/case-list';
import type { CaseRow } from '../cases/case-repository';
import { definitionVersion } from '../cases/definitions';
import { MASK } from '../cases/masking';
import { sensitiveKeys } from '../cases/sensitive-fields';
import { shownTitle } from '../cases/title-mask';
import { EXPORT_PAGE_SIZE, type ExportLanguage, keysetPages, type XlsxExport } from './xlsx-stream';

/** A case row with what its sheet row shows: title and amount as this reader may see them. */
interface ExportedCase {
  row: CaseRow;
  title: string;
  /** The start form's first money field, in fen, or `***` when the reader may not see it. */
  amount: number | string | null;
}

/** The first money field of the start form: the amount a case list's reader cares about. */
function amountKey(def: ProcessDefinition | null): string | null {
  return def?.form.find((f) => f.type === 'money')?.key ?? null;
}

/**
 * The amount as this reader may see it: household data (a sensitive field) only for the applicant
 * and the definition's sensitive viewers, as on the case page; everyone else reads `***`.
 */
async function shownAmount(
  db: Kysely<Database>,
  user: AuthUser,
  row: CaseRow,
): Promise<number | string | null> {
  const def = await definitionVersion(db, row.process_key, row.process_version);
  const key = amountKey(def);
  if (!def || !key) return null;
  const value = (row.data as Record<string, unknown>)[key];
  if (typeof value !== 'number') return null;
  const viewer =
    row.applicant_id === user.id || (def.sensitiveViewerRoles ?? []).some((r) => user.roles.includes(r));
  return sensitiveKeys(def).has(key) && !viewer ? MASK : value;
}

/** A case list (mine or my departments', with the list's filters) as a sheet, newest first. */
export function caseListExport(
  db: Kysely<Database>,
  user: AuthUser,
  filters: CaseListFilters,
  lang: ExportLanguage,
): XlsxExport<ExportedCase> {
  const text = (t: { zh: string; en?: string } | null | undefined) =>
    t ? (lang === 'en' ? (t.en ?? t.zh) : t.zh) : '';
  async function* pages(): AsyncIterable<ExportedCase[]> {
    for await (const rows of keysetPages((after: (string | null)[] | null) =>
      caseListRows(db, user, filters, EXPORT_PAGE_SIZE, after),
    )) {
      yield await Promise.all(
        rows.map(async (row) => ({
          row,
          title: await shownTitle(db, user, { ...row, case_id: row.id }),
          amount: await shownAmount(db, user, row),
        })),
      );
    }
  }
  const sheet =
    filters.scope === 'department'
      ? { zh: '部门案件', en: 'Department cases' }
      : { zh: '我的申请', en: 'My cases' };
  return {
    filename: `${sheet[lang]}.xlsx`,
    sheet,
    columns: [
      { header: { zh: '编号', en: 'Number' }, value: (c) => c.row.number },
      { header: { zh: '标题', en: 'Title' }, width: 36, value: (c) => c.title },
      { header: { zh: '流程', en: 'Process' }, value: (c) => text(c.row.process_name) },
      { header: { zh: '申请人', en: 'Applicant' }, value: (c) => c.row.applicant_name },
      {
        header: { zh: '状态', en: 'Status' },
        value: (c) => text(CASE_STATUSES[c.row.status as keyof typeof CASE_STATUSES]),
      },
      { header: { zh: '当前步骤', en: 'Current step' }, value: (c) => text(c.row.current_step) },
      { header: { zh: '金额（元）', en: 'Amount (yuan)' }, type: 'money', value: (c) => c.amount },
      { header: { zh: '发起时间', en: 'Started' }, type: 'time', value: (c) => c.row.created_at },
      { header: { zh: '更新时间', en: 'Updated' }, type: 'time', value: (c) => c.row.updated_at },
    ],
    pages: pages(),
  };
}
