import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DecisionActionValue, TaskDto } from '@unionflow/contracts';
import { ActionKeys, ApiError, api, asFormFields, FormFields, ProblemAlert, toCaseData } from '@unionflow/ui';
import { App, Button, Flex, Form, Input } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface DecisionVars {
  action: DecisionActionValue;
  comment?: string;
  data?: Record<string, unknown>;
}

/** Approve / reject (or submit an applicant task) right where the task is shown. */
export function TaskActions({ task }: { task: TaskDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const fields = useMemo(() => asFormFields(task.form), [task.form]);
  // One key per user action, kept across retries of that same action (see ActionKeys).
  const keys = useRef(new ActionKeys());

  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['inbox'] });
    void client.invalidateQueries({ queryKey: ['case', task.caseId] });
    void client.invalidateQueries({ queryKey: ['cases'] });
  };

  const settleOnAnswer = (err: unknown) => {
    if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.settle();
  };

  const claim = useMutation({
    mutationFn: () => api.claim(task.id, keys.current.keyFor(`claim:${task.id}`)),
    onSuccess: () => {
      keys.current.settle();
      message.success(t('inbox.claimed'));
      refresh();
    },
    onError: settleOnAnswer,
  });

  const decide = useMutation({
    mutationFn: (vars: DecisionVars) =>
      api.decide(task.id, vars, keys.current.keyFor(`${task.id}:${JSON.stringify(vars)}`)),
    onSuccess: (_, vars) => {
      keys.current.settle();
      message.success(t('inbox.decided', { action: t(`action.${vars.action}`) }));
      form.resetFields();
      refresh();
    },
    onError: settleOnAnswer,
  });

  const submit = async (action: DecisionActionValue) => {
    const needsComment = action === 'reject';
    const names = needsComment ? ['comment'] : undefined;
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields(names);
      if (needsComment && !String(values.comment ?? '').trim()) {
        form.setFields([{ name: 'comment', errors: [t('inbox.rejectNeedsComment')] }]);
        return;
      }
      values = form.getFieldsValue(true);
    } catch {
      return;
    }
    const comment = String(values.comment ?? '').trim() || undefined;
    const data = action === 'reject' || !fields.length ? undefined : toCaseData(fields, values);
    decide.mutate({ action, comment, data });
  };

  const busy = decide.isPending || claim.isPending;
  const canClaim = task.status === 'open' && !task.assignee && task.candidates.length > 1;
  const error = decide.error ?? claim.error;

  return (
    <Form form={form} layout="vertical" disabled={busy} style={{ marginTop: 8 }}>
      {fields.length > 0 && <FormFields fields={fields} />}
      <Form.Item name="comment" label={t('form.comment')} style={{ marginBottom: 8 }}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('inbox.commentPlaceholder')}
        />
      </Form.Item>
      {error ? (
        <div style={{ marginBottom: 8 }}>
          <ProblemAlert
            error={error}
            action={
              error instanceof ApiError && error.status === 409 ? (
                <Button size="small" onClick={refresh}>
                  {t('action.refresh')}
                </Button>
              ) : undefined
            }
          />
        </div>
      ) : null}
      <Flex gap={8} wrap justify="flex-end">
        {canClaim && (
          <Button onClick={() => claim.mutate()} loading={claim.isPending}>
            {t('action.claim')}
          </Button>
        )}
        {task.kind === 'approval' ? (
          <>
            <Button
              danger
              data-testid="task-reject"
              onClick={() => void submit('reject')}
              loading={decide.isPending && decide.variables?.action === 'reject'}
            >
              {t('action.reject')}
            </Button>
            <Button
              type="primary"
              data-testid="task-approve"
              onClick={() => void submit('approve')}
              loading={decide.isPending && decide.variables?.action === 'approve'}
            >
              {t('action.approve')}
            </Button>
          </>
        ) : (
          <Button type="primary" onClick={() => void submit('approve')} loading={decide.isPending}>
            {t('action.submit')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}
