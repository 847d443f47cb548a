import type { CaseDetailDto } from '@unionflow/contracts';
import { DateTime, useLocalText } from '@unionflow/ui';
import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildProgress } from './progress';

const STATUS = { done: 'finish', current: 'process', next: 'wait' } as const;

/** Done steps, who holds the case now, and what comes next. */
export function ProgressView({ detail }: { detail: CaseDetailDto }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const steps = buildProgress(detail);
  return (
    <>
      <Steps
        orientation="vertical"
        size="small"
        items={steps.map((s) => ({
          key: `${s.state}:${s.nodeId}`,
          status: STATUS[s.state],
          title: text(s.name) || s.nodeId,
          content: (
            <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
              {t(`cases.${s.state}`)}
              {s.people.length ? ` · ${s.people.map((p) => p.displayName).join('、')}` : ''}
              {s.state !== 'next' && s.at ? (
                <>
                  {' · '}
                  <DateTime value={s.at} />
                </>
              ) : null}
            </Typography.Text>
          ),
        }))}
      />
      {detail.status !== 'running' && (
        <Typography.Text type="secondary">{t('cases.finished')}</Typography.Text>
      )}
    </>
  );
}
