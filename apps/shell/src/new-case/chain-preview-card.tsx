import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, useLocalText } from '@unionflow/ui';
import { Alert, Steps, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chainEntries, chainInput, chainLine } from './chain-entries';
import { useDebounced } from './use-debounced';

/**
 * 审批流程: who the case will go to, for me and what I have typed so far. Asked again, after a pause in
 * typing, only when a field the chain reads (a condition's amount, a chosen person) changes.
 */
export function ChainPreviewCard({
  processKey,
  data,
}: {
  processKey: string;
  data: Record<string, unknown>;
}) {
  const { t, i18n } = useTranslation();
  const text = useLocalText();
  const client = useQueryClient();
  const settled = useDebounced(data, 400);
  // Which fields matter comes with every answer; the first one (nothing typed) is kept as the chain for {}.
  const reads = useQuery({
    queryKey: ['chain-reads', processKey],
    queryFn: async () => {
      const first = await api.previewChain(processKey, {});
      client.setQueryData(['chain', processKey, {}], first);
      return first.reads;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const input = useMemo(() => chainInput(settled, reads.data), [settled, reads.data]);
  const preview = useQuery({
    queryKey: ['chain', processKey, input],
    queryFn: ({ signal }) => api.previewChain(processKey, input, signal),
    enabled: reads.isSuccess,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const entries = preview.data ? chainEntries(preview.data, t, text) : [];
  return (
    <section data-testid="chain-preview" aria-busy={preview.isFetching} style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        {t('chain.title')}
      </Typography.Title>
      {preview.error || reads.error ? (
        <Alert type="warning" showIcon title={t('chain.failed')} />
      ) : !preview.data ? (
        <Typography.Text type="secondary">{t('chain.loading')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph data-testid="chain-line" style={{ overflowWrap: 'anywhere' }}>
            {chainLine(entries, preview.data.complete, i18n.language === 'en')}
          </Typography.Paragraph>
          <Steps
            orientation="vertical"
            size="small"
            current={-1}
            items={[
              { key: 'applicant', title: t('chain.applicant'), content: preview.data.applicant.displayName },
              ...entries.map((e) => ({
                key: e.nodeId,
                title: e.step,
                content: (
                  <>
                    {[e.people, e.note].filter(Boolean).join(' · ')}
                    {e.copied && (
                      <Typography.Text type="secondary" data-testid="chain-cc" style={{ display: 'block' }}>
                        {t('chain.cc', { names: e.copied })}
                      </Typography.Text>
                    )}
                  </>
                ),
              })),
            ]}
          />
          {!preview.data.complete && <Typography.Text type="secondary">{t('chain.later')}</Typography.Text>}
        </>
      )}
    </section>
  );
}
