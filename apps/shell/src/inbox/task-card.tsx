import type { TaskDto } from '@unionflow/contracts';
import { DateTime, isOverdue, StatusTag, useLocalText } from '@unionflow/ui';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { holdersOf } from '../cases/progress';
import { TaskActions } from '../cases/task-actions';

/** One inbox entry: what, which case, due when, and the decision controls. */
export function TaskCard({ task }: { task: TaskDto }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const overdue = isOverdue(task.dueAt);
  return (
    <Card
      size="small"
      data-testid="task-card"
      title={
        <Flex gap={8} wrap align="center" style={{ whiteSpace: 'normal', padding: '4px 0' }}>
          <span>{text(task.stepName)}</span>
          <StatusTag status={task.status} kind="task" />
          {overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
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
      <TaskActions task={task} />
    </Card>
  );
}
