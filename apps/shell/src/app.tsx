import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { unionTheme } from '@unionflow/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { PageSpinner } from './layout/page-spinner';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';
import { createQueryClient } from './query-client';

// Signed-in screens load on demand so the sign-in page stays light.
const InboxPage = lazy(() => import('./pages/inbox-page').then((m) => ({ default: m.InboxPage })));
const MyCasesPage = lazy(() => import('./pages/my-cases-page').then((m) => ({ default: m.MyCasesPage })));
const CaseDetailPage = lazy(() =>
  import('./pages/case-detail-page').then((m) => ({ default: m.CaseDetailPage })),
);
const NewCasePage = lazy(() => import('./pages/new-case-page').then((m) => ({ default: m.NewCasePage })));
const DelegationsPage = lazy(() =>
  import('./pages/delegations-page').then((m) => ({ default: m.DelegationsPage })),
);
const RemotePage = lazy(() => import('./federation/remote-page').then((m) => ({ default: m.RemotePage })));

/** The shell: providers, locale, and routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={english ? enUS : zhCN} theme={unionTheme}>
        <AntApp>
          <BrowserRouter>
            <Suspense fallback={<PageSpinner />}>
              <Routes>
                <Route path="/login" element={<SignInPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<Navigate to="/inbox" replace />} />
                  <Route path="inbox" element={<InboxPage />} />
                  <Route path="mine" element={<MyCasesPage />} />
                  <Route path="cases/:id" element={<CaseDetailPage />} />
                  <Route path="new" element={<NewCasePage />} />
                  <Route path="delegations" element={<DelegationsPage />} />
                  <Route path=":remote/*" element={<RemotePage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
