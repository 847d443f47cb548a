import type { TimelineEventDto } from '@unionflow/contracts';
import { DateTime, useLocalText } from '@unionflow/ui';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The case history, newest first. */
export function CaseTimeline({ events }: { events: TimelineEventDto[] }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="case-timeline"
      items={sorted.map((e) => ({
        key: e.id,
        content: (
          <div style={{ overflowWrap: 'anywhere' }}>
            <div>
              <strong>{t(`timeline.${e.type}`, { defaultValue: e.type })}</strong>
              {e.stepName ? ` · ${text(e.stepName)}` : ''}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <DateTime value={e.at} />
              {e.actor ? ` · ${e.actor.displayName}` : ''}
              {!e.actor && (e.data as { anonymous?: unknown } | null)?.anonymous === true
                ? ` · ${t('notices.anonymousObjector')}`
                : ''}
              {e.onBehalfOf ? ` (${t('timeline.onBehalfOf', { name: e.onBehalfOf.displayName })})` : ''}
            </Typography.Text>
            {e.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
