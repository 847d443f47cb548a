import { badRequest } from '../errors';

/** Keyset cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(values: (string | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | null)[] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === length &&
      parsed.every((v) => v === null || typeof v === 'string')
    ) {
      return parsed as (string | null)[];
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('The cursor is not valid; use the nextCursor value of the previous page.');
}
