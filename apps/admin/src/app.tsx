import { addTranslations, type RemoteAppProps } from '@unionflow/ui';
import { Card, Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { adminResources } from './admin-resources';
import { DesignerPage } from './designer/designer-page';
import { AuditPage } from './pages/audit-page';
import { DefinitionsPage } from './pages/definitions-page';

addTranslations(adminResources);

function Home({ basePath }: { basePath: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const audit = useLocation().pathname.endsWith('/audit');
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
          value={audit ? 'audit' : 'processes'}
          onChange={(v) => void navigate(v === 'audit' ? `${basePath}/audit` : basePath)}
          options={[
            { value: 'processes', label: t('admin.tabs.processes') },
            { value: 'audit', label: t('admin.tabs.audit') },
          ]}
        />
      </Card>
      {audit ? <AuditPage /> : <DefinitionsPage basePath={basePath} />}
    </Flex>
  );
}

/** The admin app: processes and their designer, and the audit log check. */
export function App({ basePath }: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<Home basePath={basePath} />} />
      <Route path="audit" element={<Home basePath={basePath} />} />
      <Route path="definitions/:key" element={<DesignerPage basePath={basePath} />} />
    </Routes>
  );
}
