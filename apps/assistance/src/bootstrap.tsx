import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import type { LoginRequestBody } from '@unionflow/contracts';
import { ApiError, api, initI18n, ProblemAlert, unionTheme } from '@unionflow/ui';
import { App as AntApp, Button, ConfigProvider, Form, Input, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { App } from './app';

// Standalone dev harness: the shell provides all of this when it hosts the app.
initI18n();
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

function Standalone() {
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
  if (me.data) return <App basePath="/apps/assistance" />;
  return (
    <Form<LoginRequestBody> layout="vertical" style={{ maxWidth: 360 }} onFinish={(v) => login.mutate(v)}>
      <Typography.Paragraph>{t('assistance.title')}</Typography.Paragraph>
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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider locale={zhCN} theme={unionTheme}>
          <AntApp>
            <BrowserRouter basename="/apps/assistance">
              <div style={{ maxWidth: 1100, margin: '0 auto', padding: 12 }}>
                <Standalone />
              </div>
            </BrowserRouter>
          </AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
