import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecheckCampaignDto, RecheckHouseholdDto } from '@unionflow/contracts';
import {
  ActionKeys,
  ApiError,
  DateTime,
  type HostPaths,
  ProblemAlert,
  type TONES,
  ToneTag,
} from '@unionflow/ui';
import { App, Button, Card, Flex, List, Progress, Spin, Statistic, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { campaignApi } from './campaign-api';

const LIST_KEY = ['recheck-campaigns'];
// The shared accessible tones: antd's preset tag colours fall below 4.5:1 contrast.
const TONE: Record<RecheckHouseholdDto['state'], keyof typeof TONES> = {
  overdue: 'red',
  pending: 'blue',
  sending: 'blue',
  failed: 'amber',
  skipped: 'grey',
  done: 'green',
};

/**
 * 年度清理复核: start the year's re-check of the whole file in one action, then follow it by unit
 * until every household is decided. Only the assistance centre may (the API answers 403 to others,
 * who see nothing here).
 */
export function CampaignPanel({ hostPaths }: { hostPaths?: HostPaths }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const keys = useRef(new ActionKeys());
  const list = useQuery({ queryKey: LIST_KEY, queryFn: campaignApi.list, retry: false });
  const year = list.data?.currentYear;
  const current = list.data?.items.find((c) => c.year === year);
  const detail = useQuery({
    queryKey: ['recheck-campaign', current?.id],
    queryFn: () => campaignApi.get(current?.id as string),
    enabled: current !== undefined,
    // While the engine is being reached, follow it; afterwards the decisions move it more slowly.
    refetchInterval: (q) => (q.state.data && q.state.data.finishedAt === null ? 1500 : 10_000),
  });
  const start = useMutation({
    mutationFn: (y: number) => campaignApi.start(y, keys.current.keyFor(`recheck-${y}`)),
    onSettled: () => {
      keys.current.settle();
      void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
  });

  if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) return null;
  if (list.isPending) return <Spin />;
  if (list.error) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  const { eligible, scope } = list.data;

  const confirmStart = () =>
    modal.confirm({
      title: t('assistance.recheck.confirmTitle', { year }),
      content: t('assistance.recheck.confirm', { count: eligible, year, scope }),
      okText: t('assistance.recheck.start', { year }),
      cancelText: t('action.cancel'),
      onOk: () => start.mutateAsync(year as number),
    });

  return (
    <Card size="small" title={t('assistance.recheck.title', { year })} data-testid="recheck-campaign">
      {start.error ? <ProblemAlert error={start.error} /> : null}
      {current === undefined ? (
        <Flex vertical gap={8} align="flex-start">
          <Typography.Text>{t('assistance.recheck.eligible', { count: eligible, scope })}</Typography.Text>
          <Typography.Text type="secondary">{t('assistance.recheck.hint')}</Typography.Text>
          <Button type="primary" disabled={eligible === 0} loading={start.isPending} onClick={confirmStart}>
            {t('assistance.recheck.start', { year })}
          </Button>
        </Flex>
      ) : detail.data ? (
        <CampaignProgress campaign={detail.data} hostPaths={hostPaths} />
      ) : detail.error ? (
        <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <Spin />
      )}
    </Card>
  );
}

function CampaignProgress({
  campaign: c,
  hostPaths,
}: {
  campaign: RecheckCampaignDto;
  hostPaths?: HostPaths;
}) {
  const { t } = useTranslation();
  const covered = c.total - c.skipped - c.failed;
  const percent = (done: number, of: number) => (of === 0 ? 0 : Math.round((done / of) * 100));
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t('assistance.recheck.startedBy', { name: c.startedBy })} <DateTime value={c.startedAt} />
        {c.finishedAt === null
          ? ` · ${t('assistance.recheck.sending', { reached: c.reached, total: c.total })}`
          : ''}
      </Typography.Text>
      <Progress percent={percent(c.done, covered)} aria-label={t('assistance.recheck.overall')} />
      <Flex wrap gap={16} data-testid="recheck-counts">
        <Statistic title={t('assistance.recheck.done')} value={c.done} />
        <Statistic title={t('assistance.recheck.pending')} value={c.pending} />
        <Statistic title={t('assistance.recheck.overdue')} value={c.overdue} />
        <Statistic title={t('assistance.recheck.skipped')} value={c.skipped + c.failed} />
      </Flex>
      <Flex wrap gap={8} data-testid="recheck-outcomes">
        <ToneTag tone="green">{t('assistance.recheck.kept', { count: c.outcomes.kept })}</ToneTag>
        <ToneTag tone="amber">{t('assistance.recheck.movedLevel', { count: c.outcomes.movedLevel })}</ToneTag>
        <ToneTag tone="grey">{t('assistance.recheck.exited', { count: c.outcomes.exited })}</ToneTag>
      </Flex>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('assistance.recheck.byUnit')}
      </Typography.Title>
      {c.units.map((u) => (
        <div key={u.orgId} data-testid="recheck-unit">
          <Typography.Text>{u.unit}</Typography.Text>
          <Progress
            percent={percent(u.done, u.total - u.skipped)}
            size="small"
            aria-label={u.unit}
            status={u.overdue > 0 ? 'exception' : undefined}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assistance.recheck.unitLine', u)}
          </Typography.Text>
        </div>
      ))}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('assistance.recheck.households')}
      </Typography.Title>
      <List
        size="small"
        data-testid="recheck-households"
        locale={{ emptyText: t('assistance.recheck.allDone') }}
        dataSource={c.households}
        renderItem={(h) => (
          <List.Item key={h.caseId}>
            <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
              <Flex wrap gap={8} align="center">
                <ToneTag tone={TONE[h.state]}>{t(`assistance.recheck.states.${h.state}`)}</ToneTag>
                {hostPaths ? (
                  <Link to={hostPaths.caseDetail(h.caseId)}>{h.number}</Link>
                ) : (
                  <span>{h.number}</span>
                )}
                <Typography.Text type="secondary">{h.unit}</Typography.Text>
              </Flex>
              <Typography.Text ellipsis>{h.title}</Typography.Text>
              {h.dueAt ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('assistance.recheck.due')} <DateTime value={h.dueAt} />
                </Typography.Text>
              ) : null}
              {h.detail ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                  {h.detail}
                </Typography.Text>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
