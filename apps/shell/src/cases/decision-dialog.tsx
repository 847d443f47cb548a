import { useQuery } from '@tanstack/react-query';
import type { TaskDto } from '@unionflow/contracts';
import { REVIEWER_ACTIONS } from '@unionflow/contracts/vocabulary';
import { api, UserPicker, useLocalText } from '@unionflow/ui';
import { Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DecisionSheet } from './decision-sheet';
import type { TargetedAction } from './reviewer-actions';

/** What the dialog sends: a target and a position when the action takes them, and a comment. */
export interface DialogVars {
  to?: string;
  position?: 'before' | 'after';
  comment?: string;
}

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

/**
 * Asks for what a reviewer action needs, as the catalog declares it: a step, a person, a position, a
 * comment. In a dialog, or on a phone (`asSheet`) in a bottom sheet like the decisions.
 */
export function DecisionDialog({
  task,
  action,
  busy,
  asSheet = false,
  onCancel,
  onSubmit,
}: {
  task: TaskDto;
  action: TargetedAction | null;
  busy: boolean;
  asSheet?: boolean;
  onCancel: () => void;
  onSubmit: (vars: DialogVars) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ to?: string; position?: 'before' | 'after'; comment?: string }>();
  const spec = action ? REVIEWER_ACTIONS[action] : null;
  const targets = useReturnTargets(task, spec?.target === 'step');
  const fields = (
    <Form
      form={form}
      layout="vertical"
      name="decision"
      initialValues={{ to: spec?.target === 'step' ? 'applicant' : '', position: 'after' }}
      onFinish={(v) =>
        onSubmit({
          ...(spec?.target !== 'none' ? { to: String(v.to).trim() } : {}),
          ...(spec?.positioned ? { position: v.position } : {}),
          comment: v.comment?.trim() || undefined,
        })
      }
    >
      {spec?.target === 'step' && (
        <Form.Item name="to" label={t('decision.returnTo')} rules={[{ required: true }]}>
          <Select
            loading={targets.loading}
            options={[{ value: 'applicant', label: t('decision.applicant') }, ...targets.steps]}
          />
        </Form.Item>
      )}
      {spec?.target === 'user' && (
        <Form.Item
          name="to"
          label={t(action === 'remove-signer' ? 'decision.whom' : 'decision.to')}
          rules={[{ required: true, whitespace: true, message: t('decision.toRequired') }]}
        >
          <UserPicker data-testid="decision-to" caseId={task.caseId} />
        </Form.Item>
      )}
      {spec?.positioned && (
        <Form.Item name="position" label={t('decision.position')}>
          <Radio.Group
            data-testid="decision-position"
            options={[
              { value: 'after', label: t('decision.after') },
              { value: 'before', label: t('decision.before') },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item
        name="comment"
        label={t(action === 'comment' ? 'decision.commentText' : 'form.comment')}
        rules={
          spec && spec.comment !== 'optional'
            ? [{ required: true, whitespace: true, message: t('decision.commentRequired') }]
            : []
        }
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </Form>
  );
  const title = action ? t(`decision.title.${action}`) : '';
  if (asSheet)
    return (
      <DecisionSheet
        open={action !== null}
        title={title}
        onClose={onCancel}
        confirm={
          <Button
            size="large"
            type="primary"
            style={{ flex: 2 }}
            loading={busy}
            data-testid="decision-confirm"
            onClick={() => form.submit()}
          >
            {title}
          </Button>
        }
      >
        {/* Mounted afresh each time, as the dialog is: a picker never opens holding the last choice. */}
        {action !== null && fields}
      </DecisionSheet>
    );
  return (
    <Modal
      open={action !== null}
      title={title}
      onCancel={onCancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'decision-confirm' } as never}
      destroyOnHidden
    >
      {fields}
    </Modal>
  );
}
