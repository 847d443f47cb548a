import { useMutation } from '@tanstack/react-query';
import { api, newIdempotencyKey, ProblemAlert, ToneTag, UserPicker } from '@unionflow/ui';
import { Alert, Button, Card, Form, Input, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** When someone leaves or is away long: their open tasks move to a colleague, and new ones follow. */
export function HandOverPage() {
  const { t } = useTranslation();
  const run = useMutation({
    mutationFn: (v: { from: string; to: string; reason: string }) =>
      api.handOver(v.from.trim(), { to: v.to.trim(), reason: v.reason.trim() }, newIdempotencyKey()),
  });
  return (
    <Card title={t('admin.handOver.title')} size="small">
      <Alert type="info" title={t('admin.handOver.intro')} style={{ marginBottom: 12 }} />
      <Form layout="vertical" name="hand-over" onFinish={(v) => run.mutate(v)} style={{ maxWidth: 480 }}>
        <Form.Item
          name="from"
          label={t('admin.handOver.from')}
          rules={[{ required: true, whitespace: true }]}
        >
          <UserPicker data-testid="hand-over-from" />
        </Form.Item>
        <Form.Item name="to" label={t('admin.handOver.to')} rules={[{ required: true, whitespace: true }]}>
          <UserPicker data-testid="hand-over-to" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('admin.handOver.reason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={run.isPending}>
          {t('admin.handOver.run')}
        </Button>
      </Form>
      {run.error ? <ProblemAlert error={run.error} /> : null}
      {run.data && (
        <div style={{ marginTop: 12 }}>
          <Alert
            type={run.data.failed ? 'warning' : 'success'}
            title={t('admin.handOver.result', { moved: run.data.moved, failed: run.data.failed })}
          />
          <List
            size="small"
            dataSource={run.data.tasks}
            renderItem={(task) => (
              <List.Item key={task.taskId}>
                <span style={{ overflowWrap: 'anywhere' }}>{task.caseId}</span>
                {task.ok ? (
                  <Tag>{t('admin.handOver.moved')}</Tag>
                ) : (
                  <ToneTag tone="red">{task.detail ?? ''}</ToneTag>
                )}
              </List.Item>
            )}
          />
        </div>
      )}
    </Card>
  );
}
