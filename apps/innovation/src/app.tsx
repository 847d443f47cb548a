import { addTranslations, CaseList, DepartmentWorkspace, type RemoteAppProps } from '@unionflow/ui';
import { Card, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { CHALLENGE_KEY, isInnovationCase, SELECTION_KEYS } from './innovation-cases';
import { innovationResources } from './innovation-resources';
import { LibraryPanel } from './library-panel';

addTranslations(innovationResources);

// ECharts is large: it loads only when the dashboard tab is opened.
const Dashboard = lazy(() => import('./dashboard').then((m) => ({ default: m.Dashboard })));

/** The innovation department: proposals, the shared library, open challenges, selections, a dashboard. */
export function App({ hostPaths }: RemoteAppProps) {
  const { t } = useTranslation();
  return (
    <DepartmentWorkspace
      department="innovation"
      title={t('innovation.title')}
      intro={t('innovation.intro')}
      hostPaths={hostPaths}
      tabs={[
        {
          key: 'library',
          label: t('innovation.tabs.library'),
          render: () => <LibraryPanel hostPaths={hostPaths} />,
        },
        {
          key: 'challenges',
          label: t('innovation.tabs.challenges'),
          render: (cases) => (
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <CaseList
                cases={cases.filter((c) => c.processKey === CHALLENGE_KEY)}
                hostPaths={hostPaths}
                empty={t('innovation.noChallenges')}
              />
            </Card>
          ),
        },
        {
          key: 'selection',
          label: t('innovation.tabs.selection'),
          render: (cases) => (
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <CaseList
                cases={cases.filter((c) => SELECTION_KEYS.includes(c.processKey))}
                hostPaths={hostPaths}
                empty={t('innovation.noSelection')}
              />
            </Card>
          ),
        },
        {
          key: 'dashboard',
          label: t('innovation.tabs.dashboard'),
          render: (cases) => (
            <Suspense fallback={<Spin />}>
              <Dashboard cases={cases.filter(isInnovationCase)} />
            </Suspense>
          ),
        },
      ]}
    />
  );
}
