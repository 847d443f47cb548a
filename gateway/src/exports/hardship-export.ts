import type { Database } from '@unionflow/db';
import { HARDSHIP_LEVEL_LABELS } from '@unionflow/domain';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { type HardshipFileRow, hardshipFilePage } from '../hardship/hardship-file-repository';
import { EXPORT_PAGE_SIZE, type ExportLanguage, keysetPages, type XlsxExport } from './xlsx-stream';

/** The households in the file (level, paired cadre, last re-check) as a sheet, newest first. */
export function hardshipFileExport(
  db: Kysely<Database>,
  user: AuthUser,
  lang: ExportLanguage,
): XlsxExport<HardshipFileRow> {
  const levels = HARDSHIP_LEVEL_LABELS as Record<string, { zh: string; en: string }>;
  return {
    filename: lang === 'en' ? 'hardship-file.xlsx' : '困难职工档案.xlsx',
    sheet: { zh: '在档困难职工', en: 'Households in the file' },
    columns: [
      { header: { zh: '档案编号', en: 'File number' }, value: (r) => r.case_number },
      { header: { zh: '职工', en: 'Worker' }, value: (r) => r.household },
      { header: { zh: '所在单位', en: 'Unit' }, width: 28, value: (r) => r.org_name },
      { header: { zh: '困难类别', en: 'Level' }, value: (r) => levels[r.level]?.[lang] ?? r.level },
      { header: { zh: '联系干部', en: 'Paired cadre' }, value: (r) => r.cadre_name },
      { header: { zh: '联系卡号', en: 'Card number' }, value: (r) => r.card_number },
      { header: { zh: '建档时间', en: 'Opened' }, type: 'time', value: (r) => r.opened_at },
      { header: { zh: '最近复核', en: 'Last re-check' }, type: 'time', value: (r) => r.last_verified_at },
    ],
    pages: keysetPages((after: string[] | null) => hardshipFilePage(db, user, EXPORT_PAGE_SIZE, after)),
  };
}
