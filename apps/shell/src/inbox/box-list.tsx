import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { BoxEntryDto, BoxPageDto, InboxBoxCountsDto } from '@unionflow/contracts';
import { api, type BoxFilters, newIdempotencyKey, ProblemAlert } from '@unionflow/ui';
import { Button, Empty, Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../layout/page-skeleton';
import { BoxEntryCard } from './box-entry-card';

/** The done, started or cc box: cases newest first, a page at a time; reports the box counts up. */
export function BoxList({
  box,
  filters,
  onBoxes,
}: {
  box: BoxPageDto['box'];
  filters: BoxFilters;
  onBoxes: (boxes: InboxBoxCountsDto) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['inbox', box, filters],
    queryFn: ({ pageParam }) => api.inboxBox(box, { cursor: pageParam, limit: 20 }, filters),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const boxes = list.data?.pages[0]?.boxes;
  useEffect(() => {
    if (boxes) onBoxes(boxes);
  }, [boxes, onBoxes]);
  const entries = list.data?.pages.flatMap((p) => p.items) ?? [];

  // Opening a copy reads it: the mark goes to the server, the lists and counts follow.
  const open = (entry: BoxEntryDto) => {
    if (!entry.unread) return;
    void api
      .markCopiesRead([entry.caseId], newIdempotencyKey())
      .then(() =>
        Promise.all([
          client.invalidateQueries({ queryKey: ['inbox'] }),
          // The copy was a notification too: the bell's count drops with it.
          client.invalidateQueries({ queryKey: ['notifications'] }),
        ]),
      )
      .catch(() => undefined);
  };

  return (
    <Flex vertical gap={12} data-testid={`box-list-${box}`} aria-busy={list.isPending}>
      {list.isPending && <PageSkeleton />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && entries.length === 0 && <Empty description={t(`boxes.empty.${box}`)} />}
      {entries.map((entry) => (
        <BoxEntryCard key={entry.key} box={box} entry={entry} onOpen={open} />
      ))}
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('action.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
