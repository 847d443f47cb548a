import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDateTime, newIdempotencyKey, ProblemAlert } from '@unionflow/ui';
import { Alert, App as AntApp, Button, Card, Flex, List, Popconfirm, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { attentionApi } from './attention-api';

const KEY = ['admin', 'attention'];

/** Parked cases (ADR 013): why each one stopped, and the two ways out. */
export function AttentionPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => attentionApi.list() });
  const resolve = useMutation({
    mutationFn: (v: { caseId: string; action: 'retry' | 'terminate' }) =>
      v.action === 'retry'
        ? attentionApi.retry(v.caseId, newIdempotencyKey())
        : attentionApi.terminate(v.caseId, newIdempotencyKey()),
    onSuccess: (_data, v) => {
      void message.success(t(v.action === 'retry' ? 'attention.retried' : 'attention.terminated'));
    },
    // A retry that fails again updates the reason shown: reload either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  if (list.isPending) return <Spin />;
  if (list.error) return <ProblemAlert error={list.error} />;
  return (
    <Card title={t('attention.title')} size="small">
      <Alert type="info" title={t('attention.intro')} style={{ marginBottom: 12 }} />
      {resolve.error ? <ProblemAlert error={resolve.error} /> : null}
      <List
        data-testid="attention-list"
        locale={{ emptyText: t('attention.empty') }}
        dataSource={list.data.items}
        renderItem={(item) => (
          <List.Item
            key={item.caseId}
            actions={[
              <Button
                key="retry"
                type="primary"
                loading={resolve.isPending && resolve.variables?.caseId === item.caseId}
                onClick={() => resolve.mutate({ caseId: item.caseId, action: 'retry' })}
              >
                {t('attention.retry')}
              </Button>,
              <Popconfirm
                key="terminate"
                title={t('attention.terminateConfirm')}
                onConfirm={() => resolve.mutate({ caseId: item.caseId, action: 'terminate' })}
              >
                <Button danger>{t('attention.terminate')}</Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{item.caseNumber ?? ''}</span>
                  <span>{item.title ?? t('attention.untitled')}</span>
                </Space>
              }
              description={
                <Flex vertical gap={2}>
                  <span>{t('attention.since', { time: formatDateTime(item.since) })}</span>
                  <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                    {t('attention.reason')}：{item.message}
                  </Typography.Text>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
