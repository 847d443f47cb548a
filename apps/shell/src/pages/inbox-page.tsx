import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { ActionKeys, api, type InboxFilters, ProblemAlert, useLocalText } from '@unionflow/ui';
import { Button, Empty, Flex, Modal, Segmented, Select, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TaskActionsHandle } from '../cases/task-actions';
import { BulkBar } from '../inbox/bulk-bar';
import { TaskCard } from '../inbox/task-card';
import { useInboxShortcuts } from '../inbox/use-inbox-shortcuts';
import { PageSpinner } from '../layout/page-spinner';

type View = 'all' | 'overdue' | 'dueSoon' | 'claimed' | 'delegated';

const VIEW_FILTERS: Record<View, InboxFilters> = {
  all: {},
  overdue: { due: 'overdue' },
  dueSoon: { due: 'soon' },
  claimed: { claimed: 'me' },
  delegated: { delegated: true },
};

/** One inbox for every department: filters with counts, decisions in place, bulk approval, shortcuts. */
export function InboxPage() {
  const { t } = useTranslation();
  const text = useLocalText();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [view, setView] = useState<View>('all');
  const [process, setProcess] = useState<string | undefined>();
  const filters = { ...VIEW_FILTERS[view], process };
  const inbox = useInfiniteQuery({
    queryKey: ['inbox', filters],
    queryFn: ({ pageParam }) => api.inbox({ cursor: pageParam, limit: 20 }, filters),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const processes = useQuery({ queryKey: ['processes'], queryFn: api.processes, staleTime: 60_000 });
  const counts = inbox.data?.pages[0]?.counts ?? {};
  const tasks = useMemo(() => inbox.data?.pages.flatMap((p) => p.items) ?? [], [inbox.data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState(0);
  const [help, setHelp] = useState(false);
  const handles = useRef(new Map<string, TaskActionsHandle>());
  const bulkKeys = useRef(new Map<string, ActionKeys>());
  const focusedTask = tasks[Math.min(focus, tasks.length - 1)];

  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );

  const shortcuts = useMemo(
    () => ({
      move: (d: number) => {
        const next = Math.max(0, Math.min(tasks.length - 1, focus + d));
        setFocus(next);
        document.querySelector(`[data-task-id="${tasks[next]?.id}"]`)?.scrollIntoView({ block: 'nearest' });
      },
      approve: () => focusedTask && handles.current.get(focusedTask.id)?.approve(),
      reject: () => focusedTask && handles.current.get(focusedTask.id)?.reject(),
      claim: () => focusedTask && handles.current.get(focusedTask.id)?.claim(),
      toggle: () => focusedTask && toggle(focusedTask.id, !selected.has(focusedTask.id)),
      open: () => focusedTask && void navigate(`/cases/${encodeURIComponent(focusedTask.caseId)}`),
      help: () => setHelp(true),
    }),
    [tasks, focus, focusedTask, selected, navigate, toggle],
  );
  useInboxShortcuts(shortcuts);

  const approveOne = (taskId: string) => {
    const keys = bulkKeys.current.get(taskId) ?? new ActionKeys();
    bulkKeys.current.set(taskId, keys);
    return api.decide(taskId, { action: 'approve' }, keys.keyFor(`bulk:${taskId}`)).then((r) => {
      keys.settle();
      return r;
    });
  };

  return (
    // aria-busy tells assistive technology (and the e2e load measurement) when the list is in.
    <Flex vertical gap={12} data-testid="inbox" aria-busy={inbox.isPending}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        <Button size="small" type="text" onClick={() => setHelp(true)} aria-label={t('shortcuts.title')}>
          ?
        </Button>
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <Segmented<View>
          value={view}
          onChange={(v) => {
            setView(v);
            setSelected(new Set());
            setFocus(0);
          }}
          data-testid="inbox-views"
          options={(Object.keys(VIEW_FILTERS) as View[]).map((v) => ({
            value: v,
            label: `${t(`inbox.counts.${v}`)} ${counts[v] ?? 0}`,
          }))}
        />
      </div>
      <Select
        allowClear
        placeholder={t('filters.all')}
        aria-label={t('filters.process')}
        value={process}
        onChange={(v) => setProcess(v)}
        style={{ maxWidth: 320 }}
        options={(processes.data ?? []).map((p) => ({ value: p.key, label: text(p.name) }))}
      />
      <BulkBar
        tasks={tasks.filter((task) => selected.has(task.id))}
        approve={approveOne}
        onClear={() => setSelected(new Set())}
        onDone={() => {
          setSelected(new Set());
          void client.invalidateQueries({ queryKey: ['inbox'] });
          void client.invalidateQueries({ queryKey: ['cases'] });
        }}
      />
      {inbox.isPending && <PageSpinner />}
      {inbox.error && <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.isSuccess && tasks.length === 0 && <Empty description={t('inbox.empty')} />}
      {tasks.map((task, i) => (
        <TaskCard
          key={task.id}
          ref={(h) => {
            if (h) handles.current.set(task.id, h);
            else handles.current.delete(task.id);
          }}
          task={task}
          focused={i === focus && tasks.length > 1}
          selected={selected.has(task.id)}
          onSelect={(on) => toggle(task.id, on)}
          onFocus={() => setFocus(i)}
        />
      ))}
      {inbox.hasNextPage && (
        <Button onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
          {t('action.loadMore')}
        </Button>
      )}
      <Modal open={help} onCancel={() => setHelp(false)} footer={null} title={t('shortcuts.title')}>
        {t('shortcuts.help')}
      </Modal>
    </Flex>
  );
}
