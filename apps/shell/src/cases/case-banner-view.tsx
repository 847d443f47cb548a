import type { CaseDetailDto } from '@unionflow/contracts';
import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { caseBanner } from './case-banner';

/** The case page's first line: "submitted, 李娜 has it", or "李娜退回了你的申请：…" with what to do next. */
export function CaseBannerView({
  detail,
  viewerId,
  justSubmitted,
  onResubmit,
}: {
  detail: CaseDetailDto;
  viewerId: string | undefined;
  justSubmitted: boolean;
  /** Takes a returned applicant to their form (a phone opens its sheet). */
  onResubmit?: () => void;
}) {
  const { t } = useTranslation();
  // Arriving from the form, the page opens at its top, where this banner is.
  useEffect(() => {
    if (justSubmitted) window.scrollTo({ top: 0 });
  }, [justSubmitted]);
  const banner = caseBanner(detail, viewerId, justSubmitted);
  if (!banner) return null;
  if (banner.kind === 'submitted')
    return (
      <Alert
        type="success"
        showIcon
        data-testid="case-banner-submitted"
        title={t('banner.submitted')}
        description={
          banner.holders.length
            ? t('banner.nowWith', { who: banner.holders.map((u) => u.displayName).join('、') })
            : undefined
        }
      />
    );
  const who = banner.by?.displayName ?? t('banner.someone');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="case-banner-returned"
      title={
        banner.reason
          ? t('banner.returnedWhy', { who, reason: banner.reason })
          : t('banner.returned', { who })
      }
      description={t('banner.whatNext')}
      action={
        onResubmit ? (
          <Button type="primary" data-testid="banner-resubmit" onClick={onResubmit}>
            {t('banner.resubmit')}
          </Button>
        ) : undefined
      }
    />
  );
}
