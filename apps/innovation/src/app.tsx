import {
  addTranslations,
  CaseList,
  DepartmentWorkspace,
  type RemoteAppProps,
  useMayAnalyse,
} from '@unionflow/ui';
import { Card, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { CHALLENGE_KEY, SELECTION_KEYS } from './innovation-cases';
import { innovationResources } from './innovation-resources';
import { LibraryPanel } from './library-panel';

addTranslations(innovationResources);

// ECharts is large: the 看板 loads only when its tab is opened (ADR 008, ADR 029).
const Board = lazy(() => import('@unionflow/ui/kanban').then((m) => ({ default: m.InnovationBoard })));

/** The innovation department: proposals, the shared library, open challenges, selections, its 看板. */
export function App({ hostPaths }: RemoteAppProps) {
  const { t } = useTranslation();
  const mayAnalyse = useMayAnalyse('innovation');
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
          key: 'kanban',
          label: t('innovation.tabs.dashboard'),
          // Only for those the gateway lets see it: nobody meets a 403 behind a tab.
          hidden: !mayAnalyse,
          render: () => (
            <Suspense fallback={<Spin />}>
              <Board />
            </Suspense>
          ),
        },
      ]}
    />
  );
}
