import type { TFunction } from 'i18next';
import { ApiError } from './api-error';

/** Statuses with a title in our own words; others fall back to the generic one. */
const TITLED = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429, 503]);

/**
 * The server writes many details in both languages, "中文 / English"; show the part in the reader's
 * language (the `error.part` key says which: `zh` or `en`).
 */
function inLanguage(detail: string, t: TFunction): string {
  const parts = detail.split(' / ');
  if (parts.length !== 2 || !/[\u4e00-\u9fff]/.test(parts[0] ?? '')) return detail;
  return (t('error.part') === 'en' ? parts[1] : parts[0]) ?? detail;
}

/** Title and human-readable detail of any error, in the reader's language where we can. */
export function problemMessage(error: unknown, t: TFunction): { title: string; detail: string } {
  let title = t('error.generic');
  let detail: string;
  if (error instanceof ApiError) {
    if (error.isNetworkError) detail = t('error.network');
    else if (error.code === 'not-json') detail = t('error.unexpected');
    else detail = inLanguage(error.detail, t);
    if (error.errors?.length) detail += ` (${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})`;
    if (TITLED.has(error.status) && error.code !== 'not-json') title = t(`error.status.${error.status}`);
  } else {
    detail = error instanceof Error ? error.message : String(error);
  }
  return { title, detail };
}
