import { useQuery } from '@tanstack/react-query';
import { adminApi, ProblemAlert, ToneTag, useLocalText } from '@unionflow/ui';
import { Alert, List, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Before publishing: the running cases on older versions (they keep their steps), then confirm. */
export function PublishDialog({
  open,
  processKey,
  canPublish,
  publishing,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  processKey: string;
  canPublish: boolean;
  publishing: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useLocalText();
  const impact = useQuery({
    queryKey: ['admin', 'impact', processKey],
    queryFn: () => adminApi.impact(processKey),
    enabled: open,
    staleTime: 0,
  });
  // A retired process comes back when published: say so before the admin confirms.
  const list = useQuery({ queryKey: ['admin', 'definitions'], queryFn: adminApi.definitions, enabled: open });
  const retired = list.data?.find((d) => d.key === processKey)?.retiredAt ?? null;
  const cases = impact.data?.cases ?? [];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('admin.publish.title')}
      okText={t('admin.publish.confirm')}
      okButtonProps={{ disabled: !canPublish || impact.isPending, 'data-testid': 'publish-confirm' } as never}
      confirmLoading={publishing}
      onOk={onConfirm}
      destroyOnHidden
    >
      {!canPublish && <Alert type="error" title={t('admin.publish.invalid')} style={{ marginBottom: 12 }} />}
      {retired && (
        <Alert
          type="warning"
          title={t('admin.publish.revives')}
          style={{ marginBottom: 12 }}
          data-testid="publish-revives"
        />
      )}
      {impact.isPending && <Spin />}
      {impact.error && <ProblemAlert error={impact.error} />}
      {impact.isSuccess && (
        <div data-testid="publish-impact">
          <Typography.Paragraph>
            {cases.length ? t('admin.publish.impact', { count: cases.length }) : t('admin.publish.noImpact')}
          </Typography.Paragraph>
          {cases.length > 0 && (
            <List
              size="small"
              dataSource={cases}
              renderItem={(c) => (
                <List.Item key={c.caseId} data-testid="impact-case">
                  <span style={{ overflowWrap: 'anywhere' }}>
                    {c.number} · {c.title} · {t('admin.versions.version', { version: c.version })} ·{' '}
                    {c.currentSteps.map((s) => (s.name ? text(s.name) : s.nodeId)).join('、')}
                  </span>
                  <ToneTag tone={c.canMove ? 'green' : 'grey'}>
                    {c.canMove ? t('admin.publish.canMove') : t('admin.publish.cannotMove')}
                  </ToneTag>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
      {error ? <ProblemAlert error={error} /> : null}
    </Modal>
  );
}
