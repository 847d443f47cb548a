import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StartCaseBody } from '@unionflow/contracts';
import {
  ActionKeys,
  ApiError,
  api,
  asFormFields,
  DynamicForm,
  newIdempotencyKey,
  ProblemAlert,
  useLocalText,
} from '@unionflow/ui';
import { App, Button, Card, Empty, Flex, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageSkeleton } from '../layout/page-skeleton';
import { ChainPreviewCard } from '../new-case/chain-preview-card';
import { ProcessGrid } from '../new-case/process-grid';
import { ExistingCaseLink } from './existing-case-link';

/** One object for "nothing typed yet", so the preview's debounce sees no change between renders. */
const NOTHING_TYPED: Record<string, unknown> = {};

/**
 * Pick a process from the app grid, fill in its start form while the approval chain it will take is
 * shown under it, submit. `?process=key` preselects one.
 */
export function NewCasePage() {
  const { t } = useTranslation();
  const text = useLocalText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const processes = useQuery({ queryKey: ['processes'], queryFn: api.processes });
  const keys = useRef(new ActionKeys());
  const selectedKey = params.get('process');
  const draftId = params.get('draft');
  const selected = processes.data?.find((p) => p.key === selectedKey);
  const fields = useMemo(() => asFormFields(selected?.form), [selected]);
  const draft = useQuery({
    queryKey: ['drafts', draftId],
    queryFn: () => api.draft(draftId as string),
    enabled: !!draftId,
  });
  // What is typed so far, for the chain preview; kept per process and draft.
  const formKey = `${selectedKey ?? ''}:${draftId ?? ''}`;
  const [typed, setTyped] = useState<{ formKey: string; data: Record<string, unknown> } | null>(null);
  const typedData = typed?.formKey === formKey ? typed.data : (draft.data?.data ?? NOTHING_TYPED);

  // 随时提报: keep what is filled in so far and finish it later, from any device.
  const saveDraft = useMutation({
    mutationFn: async (data: Record<string, unknown>) =>
      draftId
        ? api.saveDraft(draftId, data)
        : api.createDraft({ processKey: selectedKey as string, data }, newIdempotencyKey()),
    onSuccess: (saved) => {
      message.success(t('drafts.saved'));
      void client.invalidateQueries({ queryKey: ['drafts'] });
      if (!draftId) setParams({ process: saved.processKey, draft: saved.id }, { replace: true });
    },
  });

  const start = useMutation({
    mutationFn: async (body: StartCaseBody) => {
      const key = keys.current.keyFor(JSON.stringify(body));
      if (!draftId) return api.startCase(body, key);
      await api.saveDraft(draftId, body.data);
      return api.submitDraft(draftId, key);
    },
    onSuccess: (detail) => {
      keys.current.settle();
      message.success(t('newCase.submitted'));
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['drafts'] });
      client.setQueryData(['case', detail.id], detail);
      // The case page opens at its top with a "submitted" banner.
      void navigate(`/cases/${encodeURIComponent(detail.id)}`, { state: { submitted: true } });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.settle();
    },
  });

  if (processes.isPending || (draftId && draft.isPending)) return <PageSkeleton />;
  if (processes.error)
    return <ProblemAlert error={processes.error} onRetry={() => void processes.refetch()} />;

  if (!selected) {
    return (
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('newCase.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('newCase.pick')}</Typography.Text>
        {processes.data.length === 0 ? (
          <Empty description={t('newCase.empty')} />
        ) : (
          <ProcessGrid processes={processes.data} onPick={(key) => setParams({ process: key })} />
        )}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {text(selected.name)}
        </Typography.Title>
        <Button onClick={() => setParams({})}>{t('newCase.change')}</Button>
      </Flex>
      <Card>
        {fields.length === 0 && (
          <Typography.Paragraph type="secondary">{t('newCase.noForm')}</Typography.Paragraph>
        )}
        {saveDraft.error ? (
          <div style={{ marginBottom: 12 }}>
            <ProblemAlert error={saveDraft.error} />
          </div>
        ) : null}
        {start.error ? (
          <div style={{ marginBottom: 12 }}>
            <ProblemAlert error={start.error} />
            <ExistingCaseLink error={start.error} />
          </div>
        ) : null}
        <DynamicForm
          key={`${selected.key}:${draftId ?? ''}`}
          fields={fields}
          initialData={draft.data?.data}
          onSaveDraft={(data) => saveDraft.mutate(data)}
          savingDraft={saveDraft.isPending}
          submitting={start.isPending}
          onSubmit={(data) => start.mutate({ processKey: selected.key, data })}
          onChange={(data) => setTyped({ formKey, data })}
          beforeActions={<ChainPreviewCard processKey={selected.key} data={typedData} />}
        />
      </Card>
    </Flex>
  );
}
