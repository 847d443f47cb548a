import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { unionTheme } from '@unionflow/ui/core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useMe } from '../auth/use-me';
import { AppLayout } from '../layout/app-layout';
import { PageSkeleton } from '../layout/page-skeleton';
import { ChangePasswordPage } from '../pages/change-password-page';
import { InboxPage } from '../pages/inbox-page';
import { NotFoundPage } from '../pages/not-found-page';

// Each page but the inbox, where everyone lands, loads on demand; the layout shows a spinner meanwhile.
const MyCasesPage = lazy(() => import('../pages/my-cases-page').then((m) => ({ default: m.MyCasesPage })));
const CaseDetailPage = lazy(() =>
  import('../pages/case-detail-page').then((m) => ({ default: m.CaseDetailPage })),
);
const ApprovalFormPage = lazy(() =>
  import('../pages/approval-form-page').then((m) => ({ default: m.ApprovalFormPage })),
);
const BatchPrintPage = lazy(() =>
  import('../pages/batch-print-page').then((m) => ({ default: m.BatchPrintPage })),
);
const NewCasePage = lazy(() => import('../pages/new-case-page').then((m) => ({ default: m.NewCasePage })));
const DelegationsPage = lazy(() =>
  import('../pages/delegations-page').then((m) => ({ default: m.DelegationsPage })),
);
const AccountPasswordPage = lazy(() =>
  import('../pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const KanbanPage = lazy(() => import('../pages/kanban-page').then((m) => ({ default: m.KanbanPage })));
const NoticesPage = lazy(() => import('../pages/notices-page').then((m) => ({ default: m.NoticesPage })));
const RemotePage = lazy(() => import('../federation/remote-page').then((m) => ({ default: m.RemotePage })));

/**
 * Everything a signed-in user sees: antd's theme, locale and `App` context (which every remote
 * renders inside), the layout, and the pages. Loaded only once a session exists.
 */
export function SignedInApp() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  // An administrator set this password: nothing else works (the API answers 403) until it is replaced.
  const mustChangePassword = useMe().data?.mustChangePassword ?? false;
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
  }, [english]);

  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={unionTheme}>
      <AntApp>
        {mustChangePassword ? (
          <ChangePasswordPage forced />
        ) : (
          <Routes>
            {/* The print page stands alone: on paper there is no menu, only the sheet. */}
            <Route
              path="cases/print"
              element={
                <Suspense fallback={<PageSkeleton />}>
                  <BatchPrintPage />
                </Suspense>
              }
            />
            <Route
              path="cases/:id/print"
              element={
                <Suspense fallback={<PageSkeleton />}>
                  <ApprovalFormPage />
                </Suspense>
              }
            />
            <Route element={<AppLayout />}>
              <Route index element={<Navigate to="/inbox" replace />} />
              <Route path="inbox" element={<InboxPage />} />
              <Route path="mine" element={<MyCasesPage />} />
              <Route path="cases/:id" element={<CaseDetailPage />} />
              <Route path="new" element={<NewCasePage />} />
              <Route path="delegations" element={<DelegationsPage />} />
              <Route path="notices" element={<NoticesPage />} />
              <Route path="kanban" element={<KanbanPage />} />
              <Route path="account/password" element={<AccountPasswordPage />} />
              <Route path=":remote/*" element={<RemotePage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
