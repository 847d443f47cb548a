import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CaseDetailDto, MeDto, TaskDto } from '@unionflow/contracts';
import { isOpenTask } from '@unionflow/contracts/vocabulary';
import {
  ApiError,
  api,
  DateTime,
  outcomeText,
  ProblemAlert,
  StatusTag,
  ToneTag,
  useLocalText,
} from '@unionflow/ui';
import { Alert, Card, Col, Descriptions, Empty, Flex, Grid, List, Row, Typography } from 'antd';
import { type Ref, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMe } from '../auth/use-me';
import { ApplicantActions } from '../cases/applicant-actions';
import { CaseBannerView } from '../cases/case-banner-view';
import { CaseDataView } from '../cases/case-data-view';
import { CaseTimeline } from '../cases/case-timeline';
import { DECISION_BAR_HEIGHT } from '../cases/decision-sheet';
import { buildProgress, holdersOf } from '../cases/progress';
import { ProgressView } from '../cases/progress-view';
import { TaskActions, type TaskActionsHandle } from '../cases/task-actions';
import { PageSkeleton } from '../layout/page-skeleton';
import { NotFoundPage } from './not-found-page';

function isMine(task: TaskDto, me: MeDto | null | undefined): boolean {
  if (!me || (task.status !== 'open' && task.status !== 'claimed')) return false;
  if (task.assignee) return task.assignee.id === me.user.id;
  return task.candidates.some((c) => c.id === me.user.id);
}

/** The task a phone decides in the bottom bar: the first of the reader's own open tasks. */
function sheetTaskOf(detail: CaseDetailDto, me: MeDto | null | undefined): TaskDto | undefined {
  return detail.tasks.find((task) => isMine(task, me));
}

function CurrentTasks({
  detail,
  sheetTaskId,
  sheetRef,
}: {
  detail: CaseDetailDto;
  sheetTaskId?: string;
  sheetRef: Ref<TaskActionsHandle>;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const me = useMe().data;
  const open = detail.tasks.filter(isOpenTask);
  if (!open.length) {
    // No task, but still running: the case waits on a timer or a public notice; say which and since when.
    const waiting =
      detail.status === 'running'
        ? buildProgress(detail).find((s) => s.state === 'current' && s.people.length === 0)
        : undefined;
    if (waiting?.name && waiting.at)
      return (
        <div data-testid="case-waiting">
          <Typography.Text strong>{text(waiting.name)}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('cases.waitingSince')} <DateTime value={waiting.at} />
          </Typography.Text>
        </div>
      );
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noTasks')} />;
  }
  return (
    <List
      dataSource={open}
      renderItem={(task) => (
        <List.Item key={task.id} style={{ display: 'block' }}>
          <Flex gap={8} wrap align="center">
            <strong>{text(task.stepName)}</strong>
            <StatusTag status={task.status} kind="task" />
            {isMine(task, me) && <ToneTag tone="red">{t('cases.yourTurn')}</ToneTag>}
          </Flex>
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
            {t('inbox.holders')}: {holdersOf(task) || t('cases.nobody')}
            {task.dueAt ? (
              <>
                {' · '}
                {t('inbox.due')} <DateTime value={task.dueAt} />
              </>
            ) : null}
          </Typography.Text>
          {isMine(task, me) &&
            (task.id === sheetTaskId ? (
              <TaskActions task={task} sheet ref={sheetRef} />
            ) : (
              <TaskActions task={task} />
            ))}
        </List.Item>
      )}
    />
  );
}

/** One case: its data, who holds it now, its history and the predicted remaining steps. */
export function CaseDetailPage() {
  const { t, i18n } = useTranslation();
  const text = useLocalText();
  const id = useParams().id ?? '';
  const query = useQuery({ queryKey: ['case', id], queryFn: () => api.case(id), enabled: !!id });
  const me = useMe().data;
  // On a phone the reader's decision waits in a bar at the bottom, after the content.
  const phone = Grid.useBreakpoint().md === false;
  const sheetRef = useRef<TaskActionsHandle>(null);
  const location = useLocation();
  const navigate = useNavigate();
  // Read once: the browser keeps history state across a reload, and the banner is for the arrival only.
  const [justSubmitted] = useState(
    () => (location.state as { submitted?: boolean } | null)?.submitted === true,
  );
  useEffect(() => {
    if (justSubmitted) void navigate(location.pathname, { replace: true, state: null });
  }, [justSubmitted, navigate, location.pathname]);

  if (query.isPending) return <PageSkeleton />;
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFoundPage title={t('cases.notFound')} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const sheetTask = phone ? sheetTaskOf(detail, me) : undefined;
  // A case that has ended has nobody to act: its progress says so, an empty 当前办理 card would not add to it.
  const ended = detail.status !== 'running' && !detail.tasks.some(isOpenTask);
  const tasksCard = ended ? null : (
    <Card title={t('cases.tasks')} size="small" id="current-tasks">
      <CurrentTasks detail={detail} sheetTaskId={sheetTask?.id} sheetRef={sheetRef} />
    </Card>
  );
  const dataCard = (
    <Card title={t('cases.data')} size="small">
      <CaseDataView detail={detail} />
    </Card>
  );

  return (
    <Flex vertical gap={12}>
      <CaseBannerView
        detail={detail}
        viewerId={me?.user.id}
        justSubmitted={justSubmitted}
        onResubmit={() =>
          sheetTask
            ? sheetRef.current?.openSheet()
            : document.getElementById('current-tasks')?.scrollIntoView({ behavior: 'smooth' })
        }
      />
      {detail.attention && (
        <Alert
          type="warning"
          data-testid="case-needs-attention"
          title={
            <>
              {t('cases.needsAttention')} <DateTime value={detail.attention.since} />
            </>
          }
        />
      )}
      <Card>
        <Flex gap={8} wrap align="center">
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {detail.title}
          </Typography.Title>
          <StatusTag status={detail.status} testId="case-status" />
          <Link to={`/cases/${encodeURIComponent(detail.id)}/print`} data-testid="case-print">
            <PrinterOutlined /> {t('print.open')}
          </Link>
        </Flex>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'number', label: t('cases.number'), children: detail.number },
            { key: 'process', label: t('cases.process'), children: text(detail.processName) },
            { key: 'applicant', label: t('cases.applicant'), children: detail.applicant.displayName },
            { key: 'created', label: t('cases.createdAt'), children: <DateTime value={detail.createdAt} /> },
            { key: 'updated', label: t('cases.updatedAt'), children: <DateTime value={detail.updatedAt} /> },
            ...(detail.outcome
              ? [
                  {
                    key: 'outcome',
                    label: t('cases.outcome'),
                    children: outcomeLabel(detail, text, i18n.language),
                  },
                ]
              : []),
          ]}
        />
        <ApplicantActions detail={detail} isApplicant={!!me && me.user.id === detail.applicant.id} />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            {/* Content first: on a phone the data comes before the step waiting on the reader. */}
            {phone ? dataCard : tasksCard}
            {phone ? tasksCard : dataCard}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12}>
            <Card title={t('cases.progress')} size="small" data-testid="case-progress">
              <ProgressView detail={detail} />
            </Card>
            <Card title={t('cases.timeline')} size="small">
              <CaseTimeline detail={detail} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {/* The fixed decision bar covers the page's end: leave as much room below it. */}
      {sheetTask && <div aria-hidden style={{ height: DECISION_BAR_HEIGHT }} />}
    </Flex>
  );
}

/** The outcome as the definition names it (the end step's name), else the status; never the code. */
function outcomeLabel(detail: CaseDetailDto, text: ReturnType<typeof useLocalText>, lng: string): string {
  const ended = detail.timeline.find((e) => e.type === 'case-ended');
  return outcomeText(detail, lng) ?? (ended?.stepName ? text(ended.stepName) : '—');
}
