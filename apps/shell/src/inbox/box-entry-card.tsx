import type { BoxEntryDto, BoxPageDto } from '@unionflow/contracts';
import { DateTime, isOverdue, StatusTag, ToneTag, useLocalText } from '@unionflow/ui';
import { Badge, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const AT_LABEL: Record<BoxPageDto['box'], string> = {
  done: 'boxes.decidedAt',
  started: 'boxes.appliedAt',
  cc: 'boxes.copiedAt',
};

/**
 * One case in the done, started or cc box: who submitted what, the case, where it stands, and what the
 * box adds: my decision (已处理), the current step (我发起的), an unread dot (抄送我的). Opening an
 * unread copy marks it read (`onOpen`).
 */
export function BoxEntryCard({
  box,
  entry,
  onOpen,
}: {
  box: BoxPageDto['box'];
  entry: BoxEntryDto;
  onOpen?: (entry: BoxEntryDto) => void;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const running = entry.status === 'running';
  const overdue = running && isOverdue(entry.dueAt);
  return (
    <Card
      size="small"
      data-testid="box-entry"
      data-case-id={entry.caseId}
      data-unread={entry.unread ? 'true' : undefined}
    >
      <Flex vertical gap={4}>
        <Flex gap={8} align="center" wrap>
          {entry.unread && (
            // The dot alone says nothing to a screen reader: the wrapper names it.
            <span role="img" aria-label={t('boxes.unreadMark')} data-testid="unread-dot">
              <Badge status="processing" color="#c8102e" />
            </span>
          )}
          <Typography.Text type="secondary">
            {t('boxes.submittedBy', { name: entry.applicant.displayName, process: text(entry.processName) })}
          </Typography.Text>
          <StatusTag status={entry.status} />
          {overdue && <ToneTag tone="red">{t('inbox.overdue')}</ToneTag>}
        </Flex>
        <Link
          to={`/cases/${encodeURIComponent(entry.caseId)}`}
          onClick={() => onOpen?.(entry)}
          style={{ overflowWrap: 'anywhere', fontWeight: entry.unread ? 600 : undefined }}
        >
          {entry.caseNumber} · {entry.caseTitle}
        </Link>
        {entry.myDecision && (
          <Typography.Text data-testid="my-decision">
            {t('boxes.myDecision', { action: text(entry.myDecision.label) })}
            {entry.myDecision.stepName ? ` · ${text(entry.myDecision.stepName)}` : ''}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" data-testid="box-entry-step">
          {running
            ? t('boxes.currentStep', { step: entry.currentStep ? text(entry.currentStep) : '—' })
            : t('boxes.ended')}
        </Typography.Text>
        <Flex gap="2px 16px" wrap style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">
            {t(AT_LABEL[box])} <DateTime value={entry.at} />
          </Typography.Text>
          {running && entry.dueAt && (
            <Typography.Text type={overdue ? 'danger' : 'secondary'}>
              {t('boxes.due')} <DateTime value={entry.dueAt} />
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
