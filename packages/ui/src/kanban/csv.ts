/** One table of a chart, as a spreadsheet opens it: a header row and the rows under it. */
export interface CsvTable {
  header: string[];
  rows: (string | number)[][];
}

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV with a byte-order mark, so Excel opens the Chinese headers as UTF-8, and CRLF line
 * ends as RFC 4180 asks.
 */
export function toCsv(table: CsvTable): string {
  return `\uFEFF${[table.header, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Makes the browser save the table as `<name>.csv`. */
export function downloadCsv(name: string, table: CsvTable): void {
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
