import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** Shows an error's human-readable detail (problem+json `detail` for API errors), with an optional retry. */
export function ProblemAlert({
  error,
  onRetry,
  action,
}: {
  error: unknown;
  onRetry?: () => void;
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  let title = t('error.generic');
  let detail: string;
  if (error instanceof ApiError) {
    if (error.isNetworkError) detail = t('error.network');
    else if (error.code === 'not-json') detail = t('error.unexpected');
    else detail = error.detail;
    if (error.errors?.length) detail += ` (${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})`;
  } else {
    detail = error instanceof Error ? error.message : String(error);
  }
  if (error instanceof ApiError && error.title && !error.isNetworkError && error.code !== 'not-json') {
    title = error.title;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={detail}
      role="alert"
      action={
        action ??
        (onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('action.retry')}
          </Button>
        ) : undefined)
      }
    />
  );
}
