import { useInfiniteQuery } from '@tanstack/react-query';
import { api, ProblemAlert } from '@unionflow/ui';
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TaskCard } from '../inbox/task-card';
import { PageSpinner } from '../layout/page-spinner';

/** Tasks waiting for the signed-in user, decided in place. */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInfiniteQuery({
    queryKey: ['inbox'],
    queryFn: ({ pageParam }) => api.inbox({ cursor: pageParam, limit: 20 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const counts = inbox.data?.pages[0]?.counts ?? {};
  const tasks = inbox.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        <Flex gap={4} wrap>
          {Object.entries(counts).map(([k, n]) => (
            <Tag key={k} color={k === 'overdue' && n > 0 ? 'red' : undefined}>
              {t(`inbox.counts.${k}`, { defaultValue: k })} {n}
            </Tag>
          ))}
        </Flex>
      </Flex>
      {inbox.isPending && <PageSpinner />}
      {inbox.error && <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.isSuccess && tasks.length === 0 && <Empty description={t('inbox.empty')} />}
      {tasks.map((task) => (
        <TaskCard key={task.id} task={task} />
      ))}
      {inbox.hasNextPage && (
        <Button onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
          {t('action.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
