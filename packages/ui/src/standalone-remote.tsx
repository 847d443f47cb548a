import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import type { LoginRequestBody } from '@unionflow/contracts';
import { ApiError, api, initI18n, type RemoteAppProps, unionTheme } from '@unionflow/ui/core';
import { App as AntApp, Button, ConfigProvider, Form, Input, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ProblemAlert } from './components/problem-alert';

/** What a remote needs to run on its own in development, without the shell. */
export interface StandaloneOptions {
  App: ComponentType<RemoteAppProps>;
  /** Where the gateway serves the remote, e.g. `/apps/rights`. */
  basePath: string;
  /** Translation key of the heading over the sign-in form. */
  titleKey: string;
}

function Standalone({ App, basePath, titleKey }: StandaloneOptions) {
  const { t } = useTranslation();
  const me = useQuery({
    queryKey: ['me'],
    queryFn: () =>
      api.me().catch((e: unknown) => (e instanceof ApiError && e.status === 401 ? null : Promise.reject(e))),
  });
  const login = useMutation({
    mutationFn: (body: LoginRequestBody) => api.login(body),
    onSuccess: () => void me.refetch(),
  });
  if (me.isPending) return <Spin />;
  if (me.data) return <App basePath={basePath} />;
  return (
    <Form<LoginRequestBody> layout="vertical" style={{ maxWidth: 360 }} onFinish={(v) => login.mutate(v)}>
      <Typography.Paragraph>{t(titleKey)}</Typography.Paragraph>
      {me.error ? <ProblemAlert error={me.error} /> : null}
      {login.error ? <ProblemAlert error={login.error} /> : null}
      <Form.Item name="username" label="username" rules={[{ required: true }]}>
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label="password" rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={login.isPending}>
        {t('action.signIn')}
      </Button>
    </Form>
  );
}

/**
 * Mounts a remote on its own page with a small sign-in form: the development harness of every
 * department app. The shell provides all of this (query client, router, theme) when it hosts the app.
 */
export function mountStandaloneRemote(options: StandaloneOptions): void {
  initI18n();
  const root = document.getElementById('root');
  if (!root) return;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider locale={zhCN} theme={unionTheme}>
          <AntApp>
            <BrowserRouter basename={options.basePath}>
              <div style={{ maxWidth: 1100, margin: '0 auto', padding: 12 }}>
                <Standalone {...options} />
              </div>
            </BrowserRouter>
          </AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
