import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, DateTime, useLocalText } from '@unionflow/ui';
import { Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Saved, unsubmitted applications: open one to finish it, or throw it away. */
export function DraftsCard() {
  const { t } = useTranslation();
  const text = useLocalText();
  const client = useQueryClient();
  const drafts = useQuery({ queryKey: ['drafts'], queryFn: api.drafts, retry: false });
  const remove = useMutation({
    mutationFn: (id: string) => api.deleteDraft(id),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['drafts'] }),
  });
  const items = drafts.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('drafts.title')} styles={{ body: { padding: 0 } }} data-testid="drafts">
      <List
        dataSource={items}
        renderItem={(d) => (
          <List.Item
            key={d.id}
            style={{ paddingInline: 16 }}
            actions={[
              <Button key="del" size="small" type="link" danger onClick={() => remove.mutate(d.id)}>
                {t('form.remove')}
              </Button>,
            ]}
          >
            <Link to={`/new?process=${encodeURIComponent(d.processKey)}&draft=${encodeURIComponent(d.id)}`}>
              <div style={{ fontWeight: 500 }}>{String(d.data.title ?? text(d.processName))}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text(d.processName)} · <DateTime value={d.updatedAt} />
              </Typography.Text>
              {d.missing.length > 0 && (
                <Tag style={{ marginInlineStart: 8 }}>{t('drafts.missing', { count: d.missing.length })}</Tag>
              )}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
