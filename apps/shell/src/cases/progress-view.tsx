import type { CaseDetailDto } from '@unionflow/contracts';
import { isOpenTask } from '@unionflow/contracts/vocabulary';
import { describeDuration } from '@unionflow/process-model/display';
import { DateTime, useLocalText } from '@unionflow/ui';
import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FinishEstimate } from './finish-estimate-view';
import { buildProgress, runningClocks } from './progress';

const STATUS = { done: 'finish', current: 'process', next: 'wait' } as const;

/** Done steps, who holds the case now, and what comes next. */
export function ProgressView({ detail }: { detail: CaseDetailDto }) {
  const { t, i18n } = useTranslation();
  const text = useLocalText();
  const steps = buildProgress(detail);
  const clocks = runningClocks(detail);
  const current = steps.filter((s) => s.state === 'current');
  const holders = current.flatMap((s) => s.people.map((p) => p.displayName)).join('、');
  const due = detail.tasks
    .filter(isOpenTask)
    .map((task) => task.dueAt)
    .filter((d): d is string => !!d)
    .sort()[0];
  return (
    <>
      {detail.status === 'running' && (
        <div data-testid="progress-summary" style={{ marginBottom: 12 }}>
          {holders && due ? (
            <div>
              {t('progress.holdsUntil', { who: holders, date: '' })}
              <DateTime value={due} />
            </div>
          ) : null}
          {clocks.map((clock) => (
            <div key={clock.nodeId} data-testid="progress-clock">
              {t('progress.clock', { step: text(clock.name) || t('cases.waiting'), date: '' })}
              <DateTime value={clock.until} />
            </div>
          ))}
          <FinishEstimate estimate={detail.estimate} />
        </div>
      )}
      <Steps
        orientation="vertical"
        size="small"
        items={steps.map((s) => ({
          key: `${s.state}:${s.nodeId}`,
          status: STATUS[s.state],
          title: text(s.name) || s.nodeId,
          content: (
            <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
              {/* A current step nobody holds is a wait: a timer or a public notice. */}
              {t(s.state === 'current' && s.people.length === 0 ? 'cases.waiting' : `cases.${s.state}`)}
              {s.people.length ? ` · ${s.people.map((p) => p.displayName).join('、')}` : ''}
              {s.state === 'next' && s.due
                ? ` · ${t('inbox.due')} ${describeDuration(s.due, i18n.language.startsWith('en') ? 'en' : 'zh')}`
                : ''}
              {s.until ? (
                <>
                  {` · ${t('progress.until', { date: '' })}`}
                  <DateTime value={s.until} />
                </>
              ) : null}
              {s.state !== 'next' && !s.until && s.at ? (
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
