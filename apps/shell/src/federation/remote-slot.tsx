import type { RemoteAppProps, RemoteEntry } from '@unionflow/ui';
import { Button, Result, Typography } from 'antd';
import { type ComponentType, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../layout/page-skeleton';
import { RemoteBoundary } from './remote-boundary';
import { loadRemoteApp } from './remotes';

type SlotState =
  | { status: 'loading' }
  | { status: 'ready'; App: ComponentType<RemoteAppProps> }
  | { status: 'failed'; error: unknown };

const hostPaths: RemoteAppProps['hostPaths'] = {
  newCase: (processKey) => `/new?process=${encodeURIComponent(processKey)}`,
  caseDetail: (caseId) => `/cases/${encodeURIComponent(caseId)}`,
  printCases: (caseIds) => `/cases/print?ids=${caseIds.map(encodeURIComponent).join(',')}`,
};

/** Loads one remote and renders it inside an error boundary; failures show a panel with a retry. */
export function RemoteSlot({
  remote,
  basePath,
  label,
}: {
  remote: RemoteEntry;
  basePath: string;
  label: string;
}) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<SlotState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    loadRemoteApp(remote, attempt > 0).then(
      (App) => !cancelled && setState({ status: 'ready', App }),
      (error: unknown) => {
        console.error(`Remote ${remote.name} failed to load`, error);
        if (!cancelled) setState({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [remote, attempt]);

  const fallback = (error: unknown) => (
    <Result
      status="warning"
      title={t('remote.failed', { name: label })}
      subTitle={
        <>
          {t('remote.failedDetail')}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, overflowWrap: 'anywhere' }}>
            {error instanceof Error ? error.message : String(error)}
          </Typography.Paragraph>
        </>
      }
      extra={
        <Button type="primary" onClick={() => setAttempt((a) => a + 1)}>
          {t('action.retry')}
        </Button>
      }
    />
  );

  if (state.status === 'loading') return <PageSkeleton />;
  if (state.status === 'failed') return fallback(state.error);
  const { App } = state;
  return (
    <RemoteBoundary key={attempt} fallback={fallback}>
      <App basePath={basePath} hostPaths={hostPaths} />
    </RemoteBoundary>
  );
}
