import { badRequest } from '../errors';

/**
 * What each position of a cursor holds, so a forged one is refused with 400 here instead of failing
 * a cast in SQL (500): `time` is an instant (ISO 8601 or PostgreSQL's text form, or `infinity`),
 * `key` a row id or name, `serial` a bigint id.
 */
export type CursorPart = 'time' | 'key' | 'serial';

/** Keyset cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(values: (string | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const SERIAL = /^\d{1,18}$/;

/** PostgreSQL's text form (`2026-12-06 02:45:05.1+00`) in the shape Date.parse reads. */
function isoForm(value: string): string {
  return value
    .replace(' ', 'T')
    .replace(/([+-]\d{2})$/, '$1:00')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

function valid(part: CursorPart, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (part === 'serial') return SERIAL.test(value);
  if (part === 'time')
    return value === 'infinity' || (TIME.test(value) && Number.isFinite(Date.parse(isoForm(value))));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL or control can only come from a forged cursor
  return value.length > 0 && value.length <= 200 && !/[\u0000-\u001F\u007F]/.test(value);
}

/** The cursor's values, checked position by position; null without a cursor; 400 when forged. */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): string[] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === parts.length &&
      parts.every((part, i) => valid(part, parsed[i]))
    ) {
      return parsed as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest(
    '分页参数无效，请从第一页重新开始 / the cursor is not valid; use the nextCursor value of the previous page',
  );
}
