import { Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * What a page shows while its code or data arrives: the shape of the cards to come, inside the layout
 * that stays, instead of a spinner that blanks the page (ADR 025).
 */
export function PageSkeleton({ cards = 3 }: { cards?: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} role="status" aria-busy="true" aria-label={t('loading')}>
      {Array.from({ length: cards }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Card key={i} size="small">
          <Skeleton active title={{ width: '40%' }} paragraph={{ rows: 2 }} />
        </Card>
      ))}
    </Flex>
  );
}
