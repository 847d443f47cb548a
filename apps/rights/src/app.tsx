import type { CaseSummaryDto } from '@unionflow/contracts';
import {
  addTranslations,
  CaseList,
  DepartmentWorkspace,
  formatDateTime,
  outcomeText,
  type RemoteAppProps,
  ToneTag,
  useMayAnalyse,
} from '@unionflow/ui';
import { Alert, Card, Flex, Spin, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { byDaysLeft, mediationCountdown } from './mediation-deadline';
import { rightsResources } from './rights-resources';

addTranslations(rightsResources);

// ECharts is large: the 看板 loads only when its tab is opened (ADR 008, ADR 029).
const Board = lazy(() => import('@unionflow/ui/kanban').then((m) => ({ default: m.DisputeBoard })));

const disputes = (cases: CaseSummaryDto[]) => cases.filter((c) => c.processKey === 'labor-dispute');

/** The 15-day countdown of one running dispute, from the day its request was received. */
function Countdown({ receivedAt }: { receivedAt: string }) {
  const { t } = useTranslation();
  const { deadline, daysLeft } = mediationCountdown(receivedAt);
  if (daysLeft < 0) {
    return (
      <ToneTag tone="red" style={{ marginTop: 4, whiteSpace: 'normal' }} data-testid="mediation-countdown">
        {t('rights.overdue')}
      </ToneTag>
    );
  }
  return (
    <ToneTag
      tone={daysLeft <= 3 ? 'red' : 'blue'}
      style={{ marginTop: 4, whiteSpace: 'normal' }}
      data-testid="mediation-countdown"
    >
      {t('rights.daysLeft', { days: daysLeft, date: formatDateTime(deadline) })}
    </ToneTag>
  );
}

/** The rights department's app: disputes in mediation with the statutory countdown, outcomes, mailbox. */
export function App({ hostPaths }: RemoteAppProps) {
  const { t, i18n } = useTranslation();
  const mayAnalyse = useMayAnalyse('rights');
  return (
    <DepartmentWorkspace
      department="rights"
      title={t('rights.title')}
      intro={t('rights.intro')}
      hostPaths={hostPaths}
      tabs={[
        {
          key: 'mediation',
          label: t('rights.tabs.mediation'),
          render: (cases) => (
            <Flex vertical gap={12}>
              <Alert type="info" title={t('rights.limitHint')} />
              <Card size="small" styles={{ body: { padding: 0 } }}>
                <CaseList
                  cases={byDaysLeft(disputes(cases).filter((c) => c.status === 'running'))}
                  hostPaths={hostPaths}
                  extra={(c) => <Countdown receivedAt={c.createdAt} />}
                />
              </Card>
            </Flex>
          ),
        },
        {
          key: 'outcomes',
          label: t('rights.tabs.outcomes'),
          render: (cases) => (
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <CaseList
                cases={disputes(cases).filter((c) => c.status !== 'running')}
                hostPaths={hostPaths}
                extra={(c) => {
                  const outcome = outcomeText(c, i18n.language);
                  return outcome ? (
                    <Tag style={{ marginTop: 4 }}>{t('rights.outcome', { outcome })}</Tag>
                  ) : null;
                }}
              />
            </Card>
          ),
        },
        {
          key: 'mailbox',
          label: t('rights.tabs.mailbox'),
          render: (cases) => (
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <CaseList
                cases={cases.filter((c) => c.processKey === 'chairman-mailbox')}
                hostPaths={hostPaths}
                empty={t('rights.noMail')}
              />
            </Card>
          ),
        },
        {
          key: 'kanban',
          label: t('rights.tabs.kanban'),
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
