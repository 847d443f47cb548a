import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/** The reader's language: column headers and words in cells. */
export type ExportLanguage = 'zh' | 'en';

/**
 * How a column shows its values. `time`: an ISO instant, written as Beijing time text
 * (`2026-11-20 10:01`) so no spreadsheet's own time zone can shift it. `money`: integer fen, written
 * as a number of yuan with two decimals; a masked value (`***`) stays text.
 */
export type ColumnType = 'text' | 'time' | 'money' | 'number';

/** One column of an export. */
export interface ExportColumn<Row> {
  header: { zh: string; en: string };
  type?: ColumnType;
  width?: number;
  value: (row: Row) => unknown;
}

/** An export: its file name, sheet and columns, and the rows page by page (keyset pages from the DB). */
export interface XlsxExport<Row> {
  filename: string;
  sheet: { zh: string; en: string };
  columns: ExportColumn<Row>[];
  pages: AsyncIterable<Row[]>;
}

const BEIJING = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Beijing time, `YYYY-MM-DD HH:mm`. */
export function beijingTime(value: string | Date): string {
  return BEIJING.format(new Date(value));
}

function cellValue(type: ColumnType, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'time':
      return typeof value === 'string' || value instanceof Date ? beijingTime(value) : String(value);
    case 'money':
      return typeof value === 'number' ? Math.round(value) / 100 : String(value);
    case 'number':
      return typeof value === 'number' ? value : String(value);
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** The reader's language: `?lang=`, else the browser's Accept-Language, else Chinese. */
export function exportLanguage(query: { lang?: string }, acceptLanguage: string | undefined): ExportLanguage {
  if (query.lang === 'en' || query.lang === 'zh') return query.lang;
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Rows per page an export reads: large enough to be quick, small enough to stay light. */
export const EXPORT_PAGE_SIZE = 500;

/** Every page of a keyset-paged list, fetched one after another as the writer asks for them. */
export async function* keysetPages<Row, Cursor>(
  fetch: (cursor: Cursor | null) => Promise<{ items: Row[]; next: Cursor | null }>,
): AsyncIterable<Row[]> {
  let cursor: Cursor | null = null;
  do {
    const page: { items: Row[]; next: Cursor | null } = await fetch(cursor);
    yield page.items;
    cursor = page.next;
  } while (cursor !== null);
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Streams an .xlsx to the response: a page of rows is read, written row by row and committed (so it
 * leaves memory) before the next page is read, so a list of any length never sits in memory whole.
 * The headers are sent before the first page; a failure after that ends the response early (the
 * client sees a broken download, the log says why).
 */
export async function sendXlsx<Row>(reply: FastifyReply, lang: ExportLanguage, spec: XlsxExport<Row>) {
  const body = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: body,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(spec.sheet[lang]);
  sheet.columns = spec.columns.map((c, i) => ({
    key: String(i),
    header: c.header[lang],
    width: c.width ?? (c.type === 'time' ? 18 : c.type === 'money' ? 14 : 20),
    ...(c.type === 'money' ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const write = async () => {
    for await (const rows of spec.pages) {
      for (const row of rows) {
        sheet.addRow(spec.columns.map((c) => cellValue(c.type ?? 'text', c.value(row)))).commit();
      }
      // Backpressure: a slow reader must not make the zipped pages pile up in memory.
      if (body.writableNeedDrain) await once(body, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err) => {
    reply.log.error({ err }, 'export failed while streaming');
    body.destroy(err as Error);
  });
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', disposition(spec.filename))
    .header('cache-control', 'no-store');
  return reply.send(body);
}
