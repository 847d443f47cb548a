import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseDetailDto } from '@unionflow/contracts';
import { ActionKeys, ApiError, type ApplicantAction, api, formatDateTime, ProblemAlert } from '@unionflow/ui';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urgeState } from './urge-state';

const DONE_MESSAGE: Record<ApplicantAction, string> = {
  withdraw: 'applicant.withdrawn',
  urge: 'applicant.urged',
  supplement: 'applicant.supplemented',
  object: 'applicant.objected',
};

/** A case under public notice whose notice has not finished yet. */
export function underNotice(detail: Pick<CaseDetailDto, 'status' | 'timeline'>): boolean {
  if (detail.status !== 'running') return false;
  const open = new Set<string>();
  for (const e of [...detail.timeline].sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.type === 'notice-published' && e.nodeId) open.add(e.nodeId);
    if ((e.type === 'step-completed' || e.type === 'objection') && e.nodeId) open.delete(e.nodeId);
  }
  return open.size > 0;
}

/** Withdraw, urge and supplement for the applicant; object for anyone while the case is on notice. */
export function ApplicantActions({ detail, isApplicant }: { detail: CaseDetailDto; isApplicant: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const keys = useRef(new ActionKeys());
  const [asking, setAsking] = useState<'supplement' | 'object' | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const act = useMutation({
    mutationFn: ({ action, comment }: { action: ApplicantAction; comment?: string }) =>
      api.applicantAction(
        detail.id,
        action,
        { comment },
        keys.current.keyFor(`${action}:${detail.id}:${comment ?? ''}`),
      ),
    onSuccess: (fresh, vars) => {
      keys.current.settle();
      client.setQueryData(['case', detail.id], fresh);
      void client.invalidateQueries({ queryKey: ['cases'] });
      message.success(t(DONE_MESSAGE[vars.action]));
      setAsking(null);
      form.resetFields();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.settle();
    },
  });

  const notice = underNotice(detail);
  const urge = urgeState(detail);
  if (detail.status !== 'running' || (!isApplicant && !notice)) return null;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        {isApplicant && (
          <>
            {urge.kind === 'ready' && (
              <Button
                onClick={() => act.mutate({ action: 'urge' })}
                loading={act.isPending && act.variables?.action === 'urge'}
                data-testid="case-urge"
              >
                {t('applicant.urge')}
              </Button>
            )}
            {urge.kind === 'urged' && (
              <Tooltip title={t('applicant.urgeAgainAt', { time: formatDateTime(urge.againAt) })}>
                <Button disabled data-testid="case-urged">
                  {t('applicant.urgedToday')}
                </Button>
              </Tooltip>
            )}
            <Button onClick={() => setAsking('supplement')} data-testid="case-supplement">
              {t('applicant.supplement')}
            </Button>
            <Popconfirm
              title={t('applicant.withdrawConfirm')}
              onConfirm={() => act.mutate({ action: 'withdraw' })}
            >
              <Button
                danger
                loading={act.isPending && act.variables?.action === 'withdraw'}
                data-testid="case-withdraw"
              >
                {t('applicant.withdraw')}
              </Button>
            </Popconfirm>
          </>
        )}
        {notice && (
          <Button onClick={() => setAsking('object')} data-testid="case-object">
            {t('applicant.object')}
          </Button>
        )}
      </Flex>
      {act.error && !asking ? <ProblemAlert error={act.error} /> : null}
      <Modal
        open={asking !== null}
        title={asking ? t(`applicant.${asking}`) : ''}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          name="applicant-action"
          onFinish={(v) => asking && act.mutate({ action: asking, comment: v.comment })}
        >
          <Form.Item
            name="comment"
            label={t('applicant.comment')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        </Form>
        {act.error ? <ProblemAlert error={act.error} /> : null}
      </Modal>
    </Flex>
  );
}
