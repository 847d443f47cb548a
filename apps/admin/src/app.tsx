import { addTranslations, type RemoteAppProps } from '@unionflow/ui';
import { Card, Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { adminResources } from './admin-resources';
import { DesignerPage } from './designer/designer-page';
import { AuditPage } from './pages/audit-page';
import { DefinitionsPage } from './pages/definitions-page';
import { HandOverPage } from './pages/hand-over-page';

addTranslations(adminResources);

function Home({ basePath }: { basePath: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tab = pathname.endsWith('/audit')
    ? 'audit'
    : pathname.endsWith('/hand-over')
      ? 'hand-over'
      : 'processes';
  return (
    <Flex vertical gap={12}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('admin.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('admin.intro')}
        </Typography.Paragraph>
        <Segmented
          value={tab}
          onChange={(v) => void navigate(v === 'processes' ? basePath : `${basePath}/${v}`)}
          options={[
            { value: 'processes', label: t('admin.tabs.processes') },
            { value: 'hand-over', label: t('admin.tabs.handOver') },
            { value: 'audit', label: t('admin.tabs.audit') },
          ]}
        />
      </Card>
      {tab === 'audit' ? (
        <AuditPage />
      ) : tab === 'hand-over' ? (
        <HandOverPage />
      ) : (
        <DefinitionsPage basePath={basePath} />
      )}
    </Flex>
  );
}

/** The admin app: processes and their designer, and the audit log check. */
export function App({ basePath }: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<Home basePath={basePath} />} />
      <Route path="audit" element={<Home basePath={basePath} />} />
      <Route path="hand-over" element={<Home basePath={basePath} />} />
      <Route path="definitions/:key" element={<DesignerPage basePath={basePath} />} />
    </Routes>
  );
}
