import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxBoxCountsDto } from '@unionflow/contracts';
import { INBOX_BOX_NAMES, type InboxBoxName } from '@unionflow/contracts/vocabulary';
import {
  ActionKeys,
  api,
  type BoxFilters,
  ExportButton,
  type InboxFilters,
  ProblemAlert,
} from '@unionflow/ui';
import { Button, Empty, Flex, Modal, Segmented, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { TaskActionsHandle } from '../cases/task-actions';
import { BoxList } from '../inbox/box-list';
import { BulkBar } from '../inbox/bulk-bar';
import { InboxToolbar } from '../inbox/inbox-toolbar';
import { TaskCard } from '../inbox/task-card';
import { useInboxShortcuts } from '../inbox/use-inbox-shortcuts';
import { PageSkeleton } from '../layout/page-skeleton';

type View = 'all' | 'overdue' | 'dueSoon' | 'claimed' | 'delegated';

const NO_SHORTCUTS = {
  move: () => undefined,
  approve: () => undefined,
  reject: () => undefined,
  claim: () => undefined,
  toggle: () => undefined,
  open: () => undefined,
  help: () => undefined,
};

const VIEW_FILTERS: Record<View, InboxFilters> = {
  all: {},
  overdue: { due: 'overdue' },
  dueSoon: { due: 'soon' },
  claimed: { claimed: 'me' },
  delegated: { delegated: true },
};

const isBox = (value: string | null): value is InboxBoxName =>
  (INBOX_BOX_NAMES as readonly (string | null)[]).includes(value);

/**
 * One inbox for every department, in four boxes (ADR 018): 待处理 with its views, decisions in place,
 * bulk approval and shortcuts; 已处理, 我发起的 and 抄送我的 as case lists. The box is in the address
 * (`?box=done`), so back and reload keep it; the search, dates and process filter every box.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const requested = params.get('box');
  const box: InboxBoxName = isBox(requested) ? requested : 'todo';
  const [view, setView] = useState<View>('all');
  const [shared, setShared] = useState<BoxFilters>({});
  const [boxes, setBoxes] = useState<InboxBoxCountsDto | undefined>();
  const filters: InboxFilters = { ...VIEW_FILTERS[view], ...shared };
  const inbox = useInfiniteQuery({
    queryKey: ['inbox', filters],
    queryFn: ({ pageParam }) => api.inbox({ cursor: pageParam, limit: 20 }, filters),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: box === 'todo',
  });
  const todoBoxes = inbox.data?.pages[0]?.boxes;
  // Counts come from the box on screen: the to-do query's cached page may be older than the list shown.
  useEffect(() => {
    if (box === 'todo' && todoBoxes) setBoxes(todoBoxes);
  }, [box, todoBoxes]);
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
  // The shortcuts act on to-do cards; the other boxes have none.
  useInboxShortcuts(box === 'todo' ? shortcuts : NO_SHORTCUTS);
  const chooseBox = (next: InboxBoxName) => {
    setSelected(new Set());
    setFocus(0);
    setParams(next === 'todo' ? {} : { box: next });
  };

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
    <Flex vertical gap={12} data-testid="inbox" aria-busy={box === 'todo' && inbox.isPending}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        <Flex gap={8} align="center">
          <ExportButton path="/api/inbox/export" query={{ box, ...(box === 'todo' ? filters : shared) }} />
          <Button size="small" type="text" onClick={() => setHelp(true)} aria-label={t('shortcuts.title')}>
            ?
          </Button>
        </Flex>
      </Flex>
      <InboxToolbar
        box={box}
        onBox={chooseBox}
        boxes={boxes}
        filters={shared}
        onFilters={(next) => {
          setShared(next);
          setSelected(new Set());
          setFocus(0);
        }}
        processes={processes.data ?? []}
      />
      {box !== 'todo' && <BoxList box={box} filters={shared} onBoxes={setBoxes} />}
      {box === 'todo' && (
        <>
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
          {inbox.isPending && <PageSkeleton />}
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
        </>
      )}
      <Modal open={help} onCancel={() => setHelp(false)} footer={null} title={t('shortcuts.title')}>
        {t('shortcuts.help')}
      </Modal>
    </Flex>
  );
}
