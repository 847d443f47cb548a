import { problemMessage } from '@unionflow/ui/core';
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
  const { title, detail } = problemMessage(error, t);
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
