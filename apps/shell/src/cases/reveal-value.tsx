import { useMutation } from '@tanstack/react-query';
import { api, ProblemAlert } from '@unionflow/ui';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A reveal-only value (an ID number): shown as the gateway masked it, with a 查看 button that asks for
 * the whole value. Each click is one audited reveal; the value is kept only while the page is open.
 */
export function RevealValue({ caseId, field, masked }: { caseId: string; field: string; masked: ReactNode }) {
  const { t } = useTranslation();
  const reveal = useMutation({ mutationFn: () => api.revealField(caseId, field) });
  if (reveal.data) return <span data-testid={`revealed-${field}`}>{String(reveal.data.value ?? '')}</span>;
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" wrap>
        <span>{masked}</span>
        <Button
          size="small"
          type="link"
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          data-testid={`reveal-${field}`}
          title={t('cases.revealHint')}
        >
          {t('cases.reveal')}
        </Button>
      </Flex>
      <ProblemAlert error={reveal.error} />
    </Flex>
  );
}
