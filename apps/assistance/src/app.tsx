import { useQuery } from '@tanstack/react-query';
import type { CaseSummaryDto } from '@unionflow/contracts';
import { HARDSHIP_PROCESS_KEYS } from '@unionflow/domain/names';
import {
  addTranslations,
  api,
  CaseList,
  DepartmentWorkspace,
  ExportButton,
  type HostPaths,
  type RemoteAppProps,
  useMayAnalyse,
} from '@unionflow/ui';
import { Alert, Card, Flex, Spin, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { assistanceResources } from './assistance-resources';
import { CampaignPanel } from './recheck/campaign-panel';
import { type HardshipStage, stageCounts, stageOf } from './stages';

addTranslations(assistanceResources);

// ECharts is large: the 看板 loads only when its tab is opened (ADR 008, ADR 029).
const Board = lazy(() => import('@unionflow/ui/kanban').then((m) => ({ default: m.HardshipBoard })));

const files = (cases: CaseSummaryDto[]) => cases.filter((c) => c.processKey === HARDSHIP_PROCESS_KEYS.file);

function StagePanel({
  cases,
  stages,
  hint,
  hostPaths,
}: {
  cases: CaseSummaryDto[];
  stages: HardshipStage[];
  hint?: string;
  hostPaths?: HostPaths;
}) {
  const { t } = useTranslation();
  const shown = files(cases).filter((c) => c.status === 'running' && stages.includes(stageOf(c)));
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      {hint && <Alert type="info" title={hint} style={{ margin: 12 }} />}
      <CaseList
        cases={shown}
        hostPaths={hostPaths}
        extra={(c) => <Tag style={{ marginTop: 4 }}>{t(`assistance.stages.${stageOf(c)}`)}</Tag>}
      />
    </Card>
  );
}

/** The households in the file as Excel: household data, so for the assistance centre only. */
function FileExport() {
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.me(), staleTime: 5 * 60_000 });
  if (!me.data?.roles.includes('assistance-centre')) return null;
  return <ExportButton path="/api/hardship/file/export" testId="export-hardship-file" />;
}

/** The assistance centre's app: hardship files by stage, the yearly campaign, exits and aid requests. */
export function App({ hostPaths }: RemoteAppProps) {
  const { t } = useTranslation();
  const mayAnalyse = useMayAnalyse('assistance');
  return (
    <DepartmentWorkspace
      department="assistance"
      title={t('assistance.title')}
      intro={t('assistance.intro')}
      hostPaths={hostPaths}
      extra={(c) =>
        c.processKey === HARDSHIP_PROCESS_KEYS.file && c.status === 'running' ? (
          <Tag style={{ marginTop: 4 }}>{t(`assistance.stages.${stageOf(c)}`)}</Tag>
        ) : null
      }
      tabs={[
        {
          key: 'verification',
          label: t('assistance.tabs.verification'),
          render: (cases) => (
            <StagePanel
              cases={cases}
              stages={['verification', 'admission-notice']}
              hint={t('assistance.admissionNoticeHint')}
              hostPaths={hostPaths}
            />
          ),
        },
        {
          key: 'reverification',
          label: t('assistance.tabs.reverification'),
          render: (cases) => {
            const counts = stageCounts(files(cases));
            return (
              <Flex vertical gap={12}>
                <CampaignPanel hostPaths={hostPaths} />
                <Alert
                  type="info"
                  data-testid="campaign-summary"
                  title={t('assistance.campaign', {
                    inFile: counts['in-file'],
                    active: counts.reverification,
                  })}
                  description={t('assistance.campaignHint')}
                  action={<FileExport />}
                />
                <StagePanel cases={cases} stages={['reverification', 'in-file']} hostPaths={hostPaths} />
              </Flex>
            );
          },
        },
        {
          key: 'exit',
          label: t('assistance.tabs.exit'),
          render: (cases) => (
            <StagePanel
              cases={cases}
              stages={['exit']}
              hint={t('assistance.noticeHint')}
              hostPaths={hostPaths}
            />
          ),
        },
        {
          key: 'aid',
          label: t('assistance.tabs.aid'),
          render: (cases) => (
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <CaseList
                cases={cases.filter((c) => c.processKey === HARDSHIP_PROCESS_KEYS.aidRequest)}
                hostPaths={hostPaths}
                empty={t('assistance.noAid')}
              />
            </Card>
          ),
        },
        {
          key: 'kanban',
          label: t('assistance.tabs.kanban'),
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
