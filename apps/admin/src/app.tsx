import { useQuery } from '@tanstack/react-query';
import { addTranslations, api, type RemoteAppProps } from '@unionflow/ui';
import { Card, Flex, Segmented, Spin, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { adminResources } from './admin-resources';
import { AttentionPage } from './attention/attention-page';
import { attentionResources } from './attention/attention-resources';
import { AuditLogPage } from './audit/audit-log-page';
import { builderResources } from './designer/builder/builder-resources';
import { DesignerPage } from './designer/designer-page';
import { OrgPage } from './org/org-page';
import { orgResources } from './org/org-resources';
import { RolesPage } from './org/roles-page';
import { UsersPage } from './org/users-page';
import { DefinitionsPage } from './pages/definitions-page';
import { HandOverPage } from './pages/hand-over-page';

addTranslations(adminResources);
addTranslations(orgResources);
addTranslations(attentionResources);
addTranslations(builderResources);

// ECharts is large: the federation 看板 loads only when its section is opened (ADR 008, ADR 029).
const FederationBoard = lazy(() =>
  import('@unionflow/ui/kanban').then((m) => ({ default: m.FederationBoard })),
);

/** The admin app's sections, in navigation order; auditors see the audit log only. */
const SECTIONS = ['processes', 'kanban', 'attention', 'org', 'users', 'roles', 'hand-over', 'audit'] as const;
type Section = (typeof SECTIONS)[number];
const LABEL_KEYS: Record<Section, string> = {
  processes: 'admin.tabs.processes',
  kanban: 'admin.tabs.kanban',
  attention: 'attention.tab',
  org: 'admin.tabs.org',
  users: 'admin.tabs.users',
  roles: 'admin.tabs.roles',
  'hand-over': 'admin.tabs.handOver',
  audit: 'admin.tabs.audit',
};

/** The section switcher; on a phone it scrolls sideways (keeping the current section in view) rather than widening the page. */
function SectionBar({
  sections,
  value,
  onChange,
}: {
  sections: Section[];
  value: Section;
  onChange: (section: Section) => void;
}) {
  const { t } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  // Runs again whenever the section changes: the selected item moved.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the section on purpose
  useEffect(() => {
    bar.current
      ?.querySelector('.ant-segmented-item-selected')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [value]);
  return (
    <div ref={bar} style={{ overflowX: 'auto', marginTop: 12 }}>
      <Segmented
        value={value}
        onChange={onChange}
        options={sections.map((key) => ({
          value: key,
          label: <span data-testid={`admin-tab-${key}`}>{t(LABEL_KEYS[key])}</span>,
        }))}
      />
    </div>
  );
}

function Home({ basePath }: { basePath: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { section } = useParams();
  // The same query key as the shell's, so the signed-in user is read from its cache.
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.me(), staleTime: 5 * 60_000 });
  if (me.isPending) return <Spin />;
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const allowed: Section[] = isAdmin ? [...SECTIONS] : ['audit'];
  const asked = (section ?? 'processes') as Section;
  const tab = allowed.includes(asked) ? asked : allowed[0]!;
  const pages: Record<Section, () => ReactNode> = {
    processes: () => <DefinitionsPage basePath={basePath} />,
    kanban: () => (
      <Suspense fallback={<Spin />}>
        <FederationBoard />
      </Suspense>
    ),
    attention: () => <AttentionPage />,
    org: () => <OrgPage />,
    users: () => <UsersPage />,
    roles: () => <RolesPage />,
    'hand-over': () => <HandOverPage />,
    audit: () => <AuditLogPage isAdmin={isAdmin} />,
  };
  return (
    <Flex vertical gap={12}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('admin.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('admin.intro')}
        </Typography.Paragraph>
        <SectionBar
          sections={allowed}
          value={tab}
          onChange={(key) => void navigate(key === 'processes' ? basePath : `${basePath}/${key}`)}
        />
      </Card>
      {pages[tab]()}
    </Flex>
  );
}

/** The admin app: processes and their designer, the org, users and roles, hand-over and the audit log. */
export function App({ basePath }: RemoteAppProps) {
  return (
    <Routes>
      <Route index element={<Home basePath={basePath} />} />
      <Route path="definitions/:key" element={<DesignerPage basePath={basePath} />} />
      <Route path=":section" element={<Home basePath={basePath} />} />
    </Routes>
  );
}
