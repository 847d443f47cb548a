import type { TaskDto } from '@unionflow/contracts';
import { DateTime, isOverdue, StatusTag, ToneTag, useLocalText } from '@unionflow/ui';
import { Card, Checkbox, Flex, Tooltip, Typography } from 'antd';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/use-me';
import { holdersOf } from '../cases/progress';
import { TaskActions, type TaskActionsHandle } from '../cases/task-actions';
import { type BulkBlocker, bulkBlocker } from './bulk-approve';

const BLOCKER_TEXT: Record<BulkBlocker, string> = {
  'needs-form': 'bulk.needsForm',
  'not-approval': 'bulk.notApproval',
  'claimed-by-other': 'bulk.claimedByOther',
};

/**
 * One to-do entry, compact: who submitted what ("张伟提交的创新提案"), the case, the step and its
 * holders, received and due times (overdue tagged), a bulk-selection box that says why it is disabled,
 * and the decision controls.
 */
export const TaskCard = forwardRef<
  TaskActionsHandle,
  {
    task: TaskDto;
    selected?: boolean;
    focused?: boolean;
    onSelect?: (on: boolean) => void;
    onFocus?: () => void;
  }
>(function TaskCard({ task, selected, focused, onSelect, onFocus }, ref) {
  const { t } = useTranslation();
  const text = useLocalText();
  const me = useMe().data;
  const overdue = isOverdue(task.dueAt);
  const blocker = bulkBlocker(task, me?.user.id);
  const box = onSelect ? (
    <Tooltip
      title={blocker ? t(BLOCKER_TEXT[blocker], { name: task.assignee?.displayName ?? '' }) : undefined}
    >
      {/* A disabled checkbox takes no pointer events: the wrapper holds the tooltip. */}
      <span data-testid="task-select-wrap" data-blocker={blocker ?? undefined}>
        <Checkbox
          checked={selected}
          disabled={!!blocker}
          onChange={(e) => onSelect(e.target.checked)}
          aria-label={`${t('bulk.select')} ${task.caseTitle}`}
          data-testid="task-select"
        />
      </span>
    </Tooltip>
  ) : null;
  return (
    <Card
      size="small"
      data-testid="task-card"
      data-task-id={task.id}
      onFocusCapture={onFocus}
      onClick={onFocus}
      style={focused ? { boxShadow: '0 0 0 2px #c8102e' } : undefined}
      title={
        <Flex gap={8} wrap align="center" style={{ whiteSpace: 'normal', padding: '4px 0' }}>
          {box}
          <span style={{ fontWeight: 'normal' }}>
            {t('boxes.submittedBy', { name: task.applicant.displayName, process: text(task.processName) })}
          </span>
          <StatusTag status={task.status} kind="task" />
          {overdue && <ToneTag tone="red">{t('inbox.overdue')}</ToneTag>}
        </Flex>
      }
    >
      <Flex vertical gap={4} data-testid="task-summary">
        <Link
          to={`/cases/${encodeURIComponent(task.caseId)}`}
          style={{ overflowWrap: 'anywhere', fontWeight: 600 }}
        >
          {task.caseNumber} · {task.caseTitle}
        </Link>
        <Typography.Text type="secondary">
          {text(task.stepName)} · {t('inbox.holders')} {holdersOf(task) || t('cases.nobody')}
        </Typography.Text>
        <Flex gap="2px 16px" wrap style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">
            {t('inbox.received')} <DateTime value={task.createdAt} />
          </Typography.Text>
          <Typography.Text type={overdue ? 'danger' : 'secondary'}>
            {t('inbox.due')} <DateTime value={task.dueAt} />
          </Typography.Text>
        </Flex>
      </Flex>
      <TaskActions ref={ref} task={task} />
    </Card>
  );
});
