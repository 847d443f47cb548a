import type { TFunction } from 'i18next';
import { ApiError } from './api-error';

/** Title and human-readable detail of any error (problem+json `title`/`detail` for API errors). */
export function problemMessage(error: unknown, t: TFunction): { title: string; detail: string } {
  let title = t('error.generic');
  let detail: string;
  if (error instanceof ApiError) {
    if (error.isNetworkError) detail = t('error.network');
    else if (error.code === 'not-json') detail = t('error.unexpected');
    else detail = error.detail;
    if (error.errors?.length) detail += ` (${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})`;
    if (error.title && !error.isNetworkError && error.code !== 'not-json') title = error.title;
  } else {
    detail = error instanceof Error ? error.message : String(error);
  }
  return { title, detail };
}
