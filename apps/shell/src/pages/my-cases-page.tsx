import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, DateTime, ProblemAlert, StatusTag, useLocalText } from '@unionflow/ui';
import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageSkeleton } from '../layout/page-skeleton';
import { DraftsCard } from './drafts-card';

/** Cases the signed-in user applied for; each opens the detail with its progress. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const text = useLocalText();
  const cases = useInfiniteQuery({
    queryKey: ['cases', 'mine'],
    queryFn: ({ pageParam }) => api.cases('mine', { cursor: pageParam, limit: 20 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cases.mineTitle')}
        </Typography.Title>
        <Link to="/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('nav.new')}
          </Button>
        </Link>
      </Flex>
      <DraftsCard />
      {cases.isPending && <PageSkeleton />}
      {cases.error && <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.isSuccess && items.length === 0 && <Empty description={t('cases.mineEmpty')} />}
      {items.length > 0 && (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <List
            dataSource={items}
            renderItem={(c) => (
              <List.Item key={c.id} style={{ paddingInline: 16 }}>
                <Link
                  to={`/cases/${encodeURIComponent(c.id)}`}
                  style={{ display: 'block', width: '100%', color: 'inherit' }}
                >
                  <Flex justify="space-between" gap={8} align="start">
                    <div style={{ minWidth: 0 }}>
                      <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{c.title}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                        {c.number} · {text(c.processName)}
                        {c.currentStep ? ` · ${t('cases.currentStep')}: ${text(c.currentStep)}` : ''}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('cases.updatedAt')} <DateTime value={c.updatedAt} />
                        </Typography.Text>
                      </div>
                    </div>
                    <StatusTag status={c.status} />
                  </Flex>
                </Link>
              </List.Item>
            )}
          />
        </Card>
      )}
      {cases.hasNextPage && (
        <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
          {t('action.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
