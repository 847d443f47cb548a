import { useQuery } from '@tanstack/react-query';
import {
  api,
  DateTime,
  formatFen,
  type HostPaths,
  ProblemAlert,
  useLocalText,
  useViewer,
} from '@unionflow/ui';
import { Card, Empty, Input, List, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReuseButton } from './reuse-button';

/** 借鉴共享: approved results other teams can reuse, searchable by words. */
export function LibraryPanel({ hostPaths }: { hostPaths?: HostPaths }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const [q, setQ] = useState('');
  const viewerId = useViewer()?.user.id;
  const library = useQuery({
    queryKey: ['library', q],
    queryFn: () => api.library({ q: q || undefined, limit: 50 }),
  });
  return (
    <Card size="small" title={t('innovation.tabs.library')}>
      <Input.Search
        placeholder={t('innovation.search')}
        aria-label={t('innovation.search')}
        allowClear
        onSearch={(v) => setQ(v.trim())}
        style={{ marginBottom: 12 }}
      />
      {library.isPending && <Spin />}
      {library.error && <ProblemAlert error={library.error} onRetry={() => void library.refetch()} />}
      {library.data?.items.length === 0 && <Empty description={t('innovation.libraryEmpty')} />}
      <List
        dataSource={library.data?.items ?? []}
        renderItem={(e) => (
          <List.Item key={e.caseId} data-testid="library-entry">
            <div style={{ minWidth: 0 }}>
              <div style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                {hostPaths ? <Link to={hostPaths.caseDetail(e.caseId)}>{e.title}</Link> : e.title}
              </div>
              <Typography.Paragraph style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>
                {e.summary}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.author.displayName} · {e.orgName} · <DateTime value={e.publishedAt} />
              </Typography.Text>
              <div>
                {e.tierName && <Tag>{text(e.tierName)}</Tag>}
                {e.awardFen !== null && <Tag>{t('innovation.award', { amount: formatFen(e.awardFen) })}</Tag>}
                <ReuseButton entry={e} viewerId={viewerId} />
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
