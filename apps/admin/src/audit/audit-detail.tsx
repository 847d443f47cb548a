import type { AuditEntryDto } from '@unionflow/contracts';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { payloadLines, type SummaryText } from './audit-format';

/**
 * The expanded row of the audit log: each field the event recorded on its own line, in words
 * (before → after for a change), and the chain hash. Never the raw payload: it holds codes and ids.
 */
export function AuditDetail({ entry, text }: { entry: AuditEntryDto; text: SummaryText }) {
  const { t } = useTranslation();
  const comment = typeof entry.payload.comment === 'string' ? entry.payload.comment : '';
  const lines = payloadLines(entry.payload, text);
  return (
    <div data-testid="audit-detail">
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(comment ? [{ key: 'comment', label: t('admin.auditLog.comment'), children: comment }] : []),
          ...lines.map((l) => ({
            key: l.field,
            label: l.label,
            children: <span style={{ overflowWrap: 'anywhere' }}>{l.value}</span>,
          })),
          {
            key: 'hash',
            label: t('admin.auditLog.hash'),
            children: (
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                {entry.hash}
              </Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
