import type { TFunction } from 'i18next';
import { ApiError } from './api-error';

/** Statuses with a title in our own words; others fall back to the generic one. */
const TITLED = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429, 503]);
const HAN = /[\u4e00-\u9fff]/;

/**
 * The server writes many details in both languages, "中文 / English"; show the part in the reader's
 * language (the `error.part` key says which: `zh` or `en`).
 */
function inLanguage(detail: string, t: TFunction): string {
  const parts = detail.split(' / ');
  if (parts.length !== 2 || !HAN.test(parts[0] ?? '')) return detail;
  return (t('error.part') === 'en' ? parts[1] : parts[0]) ?? detail;
}

/** The data key a problem's path points at (`/data/awardFen`, `body.data.awardFen`), if any. */
function dataKeyOf(path: string): string | null {
  const match = /^(?:\/data\/|body\.data\.)([A-Za-z0-9_-]+)$/.exec(path);
  return match?.[1] ?? null;
}

/**
 * Problems the server tied to one form field, in the reader's language, for the form to show under
 * that field. Only messages written for people (they name the field in words) count.
 */
export function problemFieldErrors(error: unknown, t: TFunction): { field: string; message: string }[] {
  if (!(error instanceof ApiError) || !error.errors) return [];
  return error.errors.flatMap((e) => {
    const field = dataKeyOf(e.path);
    return field && HAN.test(e.message) ? [{ field, message: inLanguage(e.message, t) }] : [];
  });
}

/**
 * Title and human-readable detail of any error, in the reader's language where we can. Field problems
 * written for people are added to the detail; paths and machine messages never are (the detail
 * already says what is wrong in words).
 */
export function problemMessage(error: unknown, t: TFunction): { title: string; detail: string } {
  let title = t('error.generic');
  let detail: string;
  if (error instanceof ApiError) {
    if (error.isNetworkError) detail = t('error.network');
    else if (error.code === 'not-json') detail = t('error.unexpected');
    else detail = inLanguage(error.detail, t);
    const readable = (error.errors ?? [])
      .filter((e) => HAN.test(e.message))
      .map((e) => inLanguage(e.message, t))
      .filter((m) => !detail.includes(m));
    if (readable.length) detail += `（${readable.join('；')}）`;
    if (TITLED.has(error.status) && error.code !== 'not-json') title = t(`error.status.${error.status}`);
  } else {
    detail = error instanceof Error ? error.message : String(error);
  }
  return { title, detail };
}
