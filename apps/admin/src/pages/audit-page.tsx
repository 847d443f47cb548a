import { useMutation } from '@tanstack/react-query';
import { apiRequest, ProblemAlert } from '@unionflow/ui';
import { Alert, Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: { id: string; eventKey: string; reason: string } | null;
}

/** Checks the audit log's hash chain on demand. */
export function AuditPage() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => apiRequest<AuditVerification>('/api/audit/verify') });
  return (
    <Card title={t('admin.audit.title')} size="small">
      <Flex vertical gap={12} align="start">
        <Button
          type="primary"
          onClick={() => verify.mutate()}
          loading={verify.isPending}
          data-testid="audit-verify"
        >
          {t('admin.audit.verify')}
        </Button>
        {verify.error ? <ProblemAlert error={verify.error} /> : null}
        {verify.data && (
          <Alert
            data-testid="audit-result"
            type={verify.data.ok ? 'success' : 'error'}
            title={
              verify.data.ok
                ? t('admin.audit.ok', { count: verify.data.checked })
                : t('admin.audit.broken', { at: verify.data.firstBroken?.eventKey ?? '?' })
            }
            description={verify.data.firstBroken?.reason}
          />
        )}
      </Flex>
    </Card>
  );
}
