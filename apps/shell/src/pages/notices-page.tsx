import { useQuery } from '@tanstack/react-query';
import type { NoticeItemDto } from '@unionflow/contracts';
import { ProblemAlert, useLocalText } from '@unionflow/ui';
import { Button, Card, Descriptions, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../layout/page-skeleton';
import { noticeApi } from '../notices/notice-api';
import { ObjectionDialog } from '../notices/objection-dialog';

function NoticeCard({ notice, onObject }: { notice: NoticeItemDto; onObject: () => void }) {
  const { t } = useTranslation();
  const text = useLocalText();
  return (
    <Card
      size="small"
      data-testid="notice-card"
      title={<span style={{ whiteSpace: 'normal' }}>{text(notice.title)}</span>}
      extra={
        <Button size="small" danger onClick={onObject} data-testid="notice-object">
          {t('notices.object')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('notices.name'), children: notice.maskedName },
          { key: 'unit', label: t('notices.unit'), children: notice.unit },
          ...notice.fields.map((f) => ({ key: f.key, label: text(f.label), children: text(f.value) })),
          { key: 'ends', label: t('notices.endsOn'), children: notice.endsOn },
        ]}
      />
    </Card>
  );
}

/** 公示: what is on public notice in my own unit, and a way to object to it. */
export function NoticesPage() {
  const { t } = useTranslation();
  const board = useQuery({ queryKey: ['notices'], queryFn: noticeApi.board });
  const [objecting, setObjecting] = useState<NoticeItemDto | null>(null);
  if (board.isPending) return <PageSkeleton />;
  if (board.error) return <ProblemAlert error={board.error} onRetry={() => void board.refetch()} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.notices')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('notices.intro')}</Typography.Text>
      {board.data.items.length === 0 ? <Empty description={t('notices.empty')} /> : null}
      {board.data.items.map((n) => (
        <NoticeCard key={n.caseId} notice={n} onObject={() => setObjecting(n)} />
      ))}
      <ObjectionDialog notice={objecting} onClose={() => setObjecting(null)} />
    </Flex>
  );
}
