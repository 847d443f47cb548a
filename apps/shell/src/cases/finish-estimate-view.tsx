import type { CaseDetailDto } from '@unionflow/contracts';
import { DateTime, useLocalText } from '@unionflow/ui';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 预计办结 as the gateway worked it out (ADR 025): a day, said to come from recent cases when it does;
 * or, when there is no day, the one reason why (waiting on a notice until a date, a step with no limit).
 */
export function FinishEstimate({ estimate }: { estimate: CaseDetailDto['estimate'] }) {
  const { t } = useTranslation();
  const text = useLocalText();
  if (estimate.finishDay)
    return (
      <Typography.Text strong data-testid="finish-estimate">
        {t('progress.estimate', { date: '' })}
        <DateTime value={estimate.finishDay} dateOnly />
        {estimate.basis === 'history' && (
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {t('progress.fromHistory')}
          </Typography.Text>
        )}
        {estimate.lateStep && (
          <Typography.Text type="warning" style={{ fontWeight: 400, display: 'block' }}>
            {t('progress.late', { step: text(estimate.lateStep) })}
          </Typography.Text>
        )}
      </Typography.Text>
    );
  const waiting = estimate.waiting;
  if (waiting)
    return (
      <Typography.Text strong data-testid="finish-estimate">
        {/* The date is a component: split the sentence around it in the reader's language. */}
        {t('progress.waiting', {
          step: waiting.step ? text(waiting.step) : t('cases.waiting'),
          date: '\u0000',
        })
          .split('\u0000')
          .flatMap((part, i) =>
            i === 0 ? [part] : [<DateTime key="date" value={waiting.until} dateOnly />, part],
          )}
      </Typography.Text>
    );
  return (
    <Typography.Text strong data-testid="finish-estimate">
      {estimate.unknownStep
        ? t('progress.unknownStep', { step: text(estimate.unknownStep) })
        : t('progress.noEstimate')}
    </Typography.Text>
  );
}
