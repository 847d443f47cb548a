import type { TaskDto } from '@unionflow/contracts';
import { DateTime, isOverdue, StatusTag, ToneTag, useLocalText } from '@unionflow/ui';
import { Card, Checkbox, Descriptions, Flex, Tooltip, Typography } from 'antd';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { holdersOf } from '../cases/progress';
import { TaskActions, type TaskActionsHandle } from '../cases/task-actions';
import { bulkBlocker } from './bulk-approve';

/** One inbox entry: what, which case, due when, a bulk-selection box, and the decision controls. */
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
  const overdue = isOverdue(task.dueAt);
  const blocker = bulkBlocker(task);
  const box = onSelect ? (
    <Tooltip title={blocker === 'needs-form' ? t('bulk.needsForm') : undefined}>
      <Checkbox
        checked={selected}
        disabled={!!blocker}
        onChange={(e) => onSelect(e.target.checked)}
        aria-label={`${t('bulk.select')} ${task.caseTitle}`}
        data-testid="task-select"
      />
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
          <span>{text(task.stepName)}</span>
          <StatusTag status={task.status} kind="task" />
          {overdue && <ToneTag tone="red">{t('inbox.overdue')}</ToneTag>}
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'process', label: t('cases.process'), children: text(task.processName) },
          {
            key: 'case',
            label: t('inbox.case'),
            children: (
              <Link to={`/cases/${encodeURIComponent(task.caseId)}`} style={{ overflowWrap: 'anywhere' }}>
                {task.caseNumber} · {task.caseTitle}
              </Link>
            ),
          },
          {
            key: 'due',
            label: t('inbox.due'),
            children: (
              <Typography.Text type={overdue ? 'danger' : undefined}>
                <DateTime value={task.dueAt} />
              </Typography.Text>
            ),
          },
          { key: 'received', label: t('inbox.received'), children: <DateTime value={task.createdAt} /> },
          { key: 'holders', label: t('inbox.holders'), children: holdersOf(task) || t('cases.nobody') },
        ]}
      />
      <TaskActions ref={ref} task={task} />
    </Card>
  );
});
