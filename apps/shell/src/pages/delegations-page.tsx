import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  DateTime,
  type DelegationDto,
  newIdempotencyKey,
  ProblemAlert,
  ToneTag,
  UserPicker,
} from '@unionflow/ui';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, List, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../layout/page-skeleton';

function DelegationRow({ d, other, onEnd }: { d: DelegationDto; other: string; onEnd?: () => void }) {
  const { t } = useTranslation();
  return (
    <List.Item
      key={d.id}
      actions={
        onEnd && d.active
          ? [
              <Button key="end" size="small" danger onClick={onEnd}>
                {t('delegation.end')}
              </Button>,
            ]
          : []
      }
    >
      <div style={{ minWidth: 0 }}>
        <div>
          {other}{' '}
          {d.active ? (
            <ToneTag tone="green">{t('delegation.active')}</ToneTag>
          ) : (
            <Tag>{t('delegation.ended')}</Tag>
          )}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <DateTime value={d.startsAt} /> – {d.endsAt ? <DateTime value={d.endsAt} /> : t('delegation.open')}{' '}
          · {d.reason}
        </Typography.Text>
      </div>
    </List.Item>
  );
}

/** Standing delegations: while I am away my new tasks go to a stand-in, recorded as acted-for. */
export function DelegationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ to: string; reason: string; endsAt?: Dayjs }>();
  const list = useQuery({ queryKey: ['delegations'], queryFn: api.delegations });
  const refresh = () => void client.invalidateQueries({ queryKey: ['delegations'] });
  const create = useMutation({
    mutationFn: (v: { to: string; reason: string; endsAt?: Dayjs }) =>
      api.createDelegation(
        {
          to: v.to.trim(),
          reason: v.reason.trim(),
          endsAt: v.endsAt ? v.endsAt.endOf('day').toISOString() : null,
        },
        newIdempotencyKey(),
      ),
    onSuccess: () => {
      message.success(t('delegation.created'));
      form.resetFields();
      refresh();
    },
  });
  const end = useMutation({ mutationFn: (id: string) => api.endDelegation(id), onSuccess: refresh });

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.delegations')}
      </Typography.Title>
      <Card size="small" title={t('delegation.new')}>
        <Typography.Paragraph type="secondary">{t('delegation.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="delegation" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="to" label={t('delegation.to')} rules={[{ required: true, whitespace: true }]}>
            <UserPicker data-testid="delegation-to" purpose="delegation" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('delegation.reason')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="endsAt" label={t('delegation.until')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {create.error ? <ProblemAlert error={create.error} /> : null}
          <Button type="primary" htmlType="submit" loading={create.isPending} style={{ marginTop: 8 }}>
            {t('delegation.create')}
          </Button>
        </Form>
      </Card>
      {list.isPending && <PageSkeleton />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <Card size="small" title={t('delegation.given')}>
            {list.data.given.length ? (
              <List
                dataSource={list.data.given}
                renderItem={(d) => (
                  <DelegationRow d={d} other={`→ ${d.to.displayName}`} onEnd={() => end.mutate(d.id)} />
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          <Card size="small" title={t('delegation.received')}>
            {list.data.received.length ? (
              <List
                dataSource={list.data.received}
                renderItem={(d) => <DelegationRow d={d} other={`← ${d.from.displayName}`} />}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </>
      )}
    </Flex>
  );
}
