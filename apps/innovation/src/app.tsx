import { useInfiniteQuery } from '@tanstack/react-query';
import {
  addTranslations,
  api,
  DateTime,
  ProblemAlert,
  type RemoteAppProps,
  StatusTag,
  useLocalText,
} from '@unionflow/ui';
import { Button, Card, Empty, Flex, List, Spin, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countByStatus, INNOVATION_PROCESS_KEY, isInnovationCase } from './innovation-cases';
import { innovationResources } from './innovation-resources';

addTranslations(innovationResources);

/** The innovation department page: its cases and the way in for new proposals. */
export function App({ hostPaths }: RemoteAppProps) {
  const { t } = useTranslation();
  const text = useLocalText();
  const cases = useInfiniteQuery({
    queryKey: ['cases', 'department', 'innovation'],
    queryFn: ({ pageParam }) => api.cases('department', { cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = (cases.data?.pages.flatMap((p) => p.items) ?? []).filter(isInnovationCase);
  const counts = countByStatus(items);

  const submit = hostPaths ? (
    <Link to={hostPaths.newCase(INNOVATION_PROCESS_KEY)}>
      <Button type="primary">{t('innovation.submit')}</Button>
    </Link>
  ) : (
    <Tooltip title={t('innovation.submitInShell')}>
      <Button type="primary" disabled>
        {t('innovation.submit')}
      </Button>
    </Tooltip>
  );

  return (
    <Flex vertical gap={12}>
      <Card>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <div style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('innovation.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('innovation.intro')}
            </Typography.Paragraph>
          </div>
          {submit}
        </Flex>
      </Card>
      <Card
        size="small"
        title={t('innovation.cases')}
        extra={
          <Flex gap={4} wrap>
            {Object.entries(counts).map(([status, n]) => (
              <Tag key={status}>
                {status === 'total' ? t('innovation.total') : t(`status.case.${status}`)} {n}
              </Tag>
            ))}
          </Flex>
        }
        styles={{ body: { padding: 0 } }}
      >
        {cases.isPending && (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        )}
        {cases.error && (
          <div style={{ padding: 12 }}>
            <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />
          </div>
        )}
        {cases.isSuccess && items.length === 0 && (
          <Empty style={{ padding: 24 }} description={t('innovation.empty')} />
        )}
        {items.length > 0 && (
          <List
            dataSource={items}
            renderItem={(c) => {
              const body = (
                <Flex justify="space-between" gap={8} align="start" style={{ width: '100%' }}>
                  <div style={{ minWidth: 0 }}>
                    <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{c.title}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                      {c.number} · {c.applicant.displayName}
                      {c.currentStep ? ` · ${text(c.currentStep)}` : ''} · <DateTime value={c.updatedAt} />
                    </Typography.Text>
                  </div>
                  <StatusTag status={c.status} />
                </Flex>
              );
              return (
                <List.Item key={c.id} style={{ paddingInline: 16 }}>
                  {hostPaths ? (
                    <Link to={hostPaths.caseDetail(c.id)} style={{ color: 'inherit', width: '100%' }}>
                      {body}
                    </Link>
                  ) : (
                    body
                  )}
                </List.Item>
              );
            }}
          />
        )}
      </Card>
      {cases.hasNextPage && (
        <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          {t('action.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
