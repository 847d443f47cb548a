import type { BoxEntryDto, TaskDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { CASE_STATUSES } from '@unionflow/process-model/catalog';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import type { BoxFilters } from '../cases/box-filters';
import { boxPage } from '../cases/box-repository';
import { type InboxFilters, inboxPage } from '../cases/inbox-repository';
import {
  EXPORT_PAGE_SIZE,
  type ExportColumn,
  type ExportLanguage,
  keysetPages,
  type XlsxExport,
} from './xlsx-stream';

type Local = { zh: string; en?: string };
const local = (lang: ExportLanguage) => (text: Local | null | undefined) =>
  text ? (lang === 'en' ? (text.en ?? text.zh) : text.zh) : '';

const BOX_NAMES = {
  todo: { zh: '待办', en: 'To do' },
  done: { zh: '已办', en: 'Done' },
  started: { zh: '我发起的', en: 'Started by me' },
  cc: { zh: '抄送我的', en: 'Copied to me' },
} as const;

/** The to-do box as a sheet: one row per open task, in the order the box lists them. */
export function todoExport(
  db: Kysely<Database>,
  user: AuthUser,
  filters: InboxFilters,
  lang: ExportLanguage,
): XlsxExport<TaskDto> {
  const text = local(lang);
  const columns: ExportColumn<TaskDto>[] = [
    { header: { zh: '编号', en: 'Number' }, value: (t) => t.caseNumber },
    { header: { zh: '标题', en: 'Title' }, width: 36, value: (t) => t.caseTitle },
    { header: { zh: '流程', en: 'Process' }, value: (t) => text(t.processName) },
    { header: { zh: '当前步骤', en: 'Step' }, value: (t) => text(t.stepName) },
    { header: { zh: '申请人', en: 'Applicant' }, value: (t) => t.applicant.displayName },
    { header: { zh: '到达时间', en: 'Arrived' }, type: 'time', value: (t) => t.createdAt },
    { header: { zh: '截止时间', en: 'Due' }, type: 'time', value: (t) => t.dueAt },
  ];
  return {
    filename: `${BOX_NAMES.todo[lang]}.xlsx`,
    sheet: BOX_NAMES.todo,
    columns,
    pages: keysetPages((after: (string | null)[] | null) =>
      inboxPage(db, user, filters, EXPORT_PAGE_SIZE, after),
    ),
  };
}

/** The done, started or cc box as a sheet, newest first as the box lists it. */
export function boxExport(
  db: Kysely<Database>,
  user: AuthUser,
  box: 'done' | 'started' | 'cc',
  filters: BoxFilters,
  lang: ExportLanguage,
): XlsxExport<BoxEntryDto> {
  const text = local(lang);
  const columns: ExportColumn<BoxEntryDto>[] = [
    { header: { zh: '编号', en: 'Number' }, value: (e) => e.caseNumber },
    { header: { zh: '标题', en: 'Title' }, width: 36, value: (e) => e.caseTitle },
    { header: { zh: '流程', en: 'Process' }, value: (e) => text(e.processName) },
    { header: { zh: '申请人', en: 'Applicant' }, value: (e) => e.applicant.displayName },
    { header: { zh: '状态', en: 'Status' }, value: (e) => text(CASE_STATUSES[e.status]) },
    { header: { zh: '当前步骤', en: 'Current step' }, value: (e) => text(e.currentStep) },
    ...(box === 'done'
      ? [
          {
            header: { zh: '我的处理', en: 'My decision' },
            value: (e: BoxEntryDto) => text(e.myDecision?.label),
          },
        ]
      : []),
    {
      header:
        box === 'done'
          ? { zh: '处理时间', en: 'Decided' }
          : box === 'cc'
            ? { zh: '抄送时间', en: 'Copied' }
            : { zh: '发起时间', en: 'Started' },
      type: 'time',
      value: (e) => e.at,
    },
  ];
  return {
    filename: `${BOX_NAMES[box][lang]}.xlsx`,
    sheet: BOX_NAMES[box],
    columns,
    pages: keysetPages((after: string[] | null) => boxPage(db, user, box, filters, EXPORT_PAGE_SIZE, after)),
  };
}
