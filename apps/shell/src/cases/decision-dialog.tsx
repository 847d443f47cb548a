import { useQuery } from '@tanstack/react-query';
import type { TaskDto } from '@unionflow/contracts';
import { api, UserPicker, useLocalText } from '@unionflow/ui';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** Decisions that need a target: a step (return) or a person (transfer, add signer, delegate). */
export type TargetedAction = 'return' | 'transfer' | 'add-signer' | 'delegate';

/** Steps this case has been through, newest last: where a return may go. */
function useReturnTargets(task: TaskDto, enabled: boolean) {
  const text = useLocalText();
  const detail = useQuery({ queryKey: ['case', task.caseId], queryFn: () => api.case(task.caseId), enabled });
  const seen = new Map<string, string>();
  for (const e of detail.data?.timeline ?? []) {
    if (e.type === 'step-completed' && e.nodeId && e.nodeId !== task.nodeId && e.stepName) {
      seen.set(e.nodeId, text(e.stepName));
    }
  }
  return {
    loading: detail.isPending,
    steps: [...seen.entries()].map(([value, label]) => ({ value, label })),
  };
}

/** Asks for the target and comment of a return, transfer, add-signer or delegation. */
export function DecisionDialog({
  task,
  action,
  busy,
  onCancel,
  onSubmit,
}: {
  task: TaskDto;
  action: TargetedAction | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (vars: { to: string; comment?: string }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ to: string; comment?: string }>();
  const targets = useReturnTargets(task, action === 'return');
  return (
    <Modal
      open={action !== null}
      title={action ? t(`decision.title.${action}`) : ''}
      onCancel={onCancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'decision-confirm' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="decision"
        initialValues={{ to: action === 'return' ? 'applicant' : '' }}
        onFinish={(v) => onSubmit({ to: String(v.to).trim(), comment: v.comment?.trim() || undefined })}
      >
        {action === 'return' ? (
          <Form.Item name="to" label={t('decision.returnTo')} rules={[{ required: true }]}>
            <Select
              loading={targets.loading}
              options={[{ value: 'applicant', label: t('decision.applicant') }, ...targets.steps]}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="to"
            label={t('decision.to')}
            rules={[{ required: true, whitespace: true, message: t('decision.toRequired') }]}
          >
            <UserPicker data-testid="decision-to" caseId={task.caseId} />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={t('form.comment')}
          rules={
            action === 'return'
              ? [{ required: true, whitespace: true, message: t('decision.commentRequired') }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
