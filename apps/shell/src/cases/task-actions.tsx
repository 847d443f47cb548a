import { DownOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionActionValue, TaskDto } from '@unionflow/contracts';
import { MASKED_VALUE, REVIEWER_ACTIONS } from '@unionflow/contracts/vocabulary';
import {
  ActionKeys,
  ApiError,
  api,
  asFormFields,
  FormFields,
  ProblemAlert,
  toCaseData,
  toFormValues,
} from '@unionflow/ui';
import { App, Button, Dropdown, Flex, Form, Input } from 'antd';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me';
import { noteSeen } from '../live/seen-projections';
import { DecisionDialog } from './decision-dialog';
import { type DECISION_BUTTONS, menuActions, type TargetedAction } from './reviewer-actions';

interface DecisionVars {
  action: DecisionActionValue;
  comment?: string;
  data?: Record<string, unknown>;
  to?: string;
  position?: 'before' | 'after';
}

/** What keyboard shortcuts may trigger on a task's controls. */
export interface TaskActionsHandle {
  approve: () => void;
  reject: () => void;
  claim: () => void;
}

/** Approve / reject, claim or release, and the catalog's other reviewer actions (in a dialog), in place. */
export const TaskActions = forwardRef<TaskActionsHandle, { task: TaskDto }>(function TaskActions(
  { task },
  ref,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useMe().data;
  const [form] = Form.useForm();
  const [targeted, setTargeted] = useState<TargetedAction | null>(null);
  // One key per user action, kept across retries of that same action (see ActionKeys).
  const keys = useRef(new ActionKeys());
  // A step's form starts from what the case already holds: a case returned to the applicant asks for
  // its own form again, and a committee adjusts the award the grassroots union proposed.
  const prefill = asFormFields(task.form).length > 0;
  const detail = useQuery({
    queryKey: ['case', task.caseId],
    queryFn: () => api.case(task.caseId),
    enabled: prefill,
  });
  // The case view carries this task's form with bounds read from the case (an award band), which an
  // inbox entry cannot: the range shows under the input and the form checks it before sending.
  const resolvedForm = detail.data?.tasks.find((open) => open.id === task.id)?.form;
  const fields = useMemo(() => asFormFields(resolvedForm ?? task.form), [resolvedForm, task.form]);
  const filled = useRef(false);
  useEffect(() => {
    // A cached view being refreshed may predate the step (the proposal before it): wait for the fresh one.
    if (!prefill || filled.current || !detail.data || detail.isFetching) return;
    filled.current = true;
    // Reveal-only values (an ID number) arrive partly masked, and values this reader may not see
    // arrive as a mask: asked for again, never sent back masked.
    const { revealable } = detail.data;
    const known = Object.fromEntries(
      Object.entries(detail.data.data).filter(
        ([key, value]) => !revealable.includes(key) && value !== MASKED_VALUE,
      ),
    );
    // What the reader typed while the case loaded is theirs: only untouched fields are filled.
    const values = toFormValues(fields, known);
    form.setFieldsValue(
      Object.fromEntries(Object.entries(values).filter(([key]) => !form.isFieldTouched(key))),
    );
  }, [prefill, detail.data, detail.isFetching, fields, form]);

  const refreshLists = () => {
    void client.invalidateQueries({ queryKey: ['inbox'] });
    void client.invalidateQueries({ queryKey: ['cases'] });
  };
  const refresh = () => {
    refreshLists();
    void client.invalidateQueries({ queryKey: ['case', task.caseId] });
  };
  const settleOnAnswer = (err: unknown) => {
    if (err instanceof ApiError && err.status >= 400 && err.status < 500) keys.current.settle();
  };

  const claim = useMutation({
    mutationFn: (release: boolean) =>
      release
        ? api.release(task.id, keys.current.keyFor(`release:${task.id}`))
        : api.claim(task.id, keys.current.keyFor(`claim:${task.id}`)),
    onSuccess: (_, release) => {
      keys.current.settle();
      message.success(release ? t('decision.released') : t('inbox.claimed'));
      refresh();
    },
    onError: settleOnAnswer,
  });

  const decide = useMutation({
    mutationFn: (vars: DecisionVars) => {
      const key = keys.current.keyFor(`${task.id}:${JSON.stringify(vars)}`);
      // The applicant completes their own task by supplementing the case.
      if (task.kind === 'applicant-task' && vars.action === 'approve') {
        return api.applicantAction(
          task.caseId,
          'supplement',
          { comment: vars.comment, data: vars.data },
          key,
        );
      }
      return api.decide(task.id, vars, key);
    },
    onSuccess: (detail, vars) => {
      keys.current.settle();
      message.success(t('inbox.decided', { action: t(`action.${vars.action}`) }));
      form.resetFields();
      setTargeted(null);
      // The answer is the case after the decision: keep it instead of fetching it again.
      client.setQueryData(['case', task.caseId], detail);
      noteSeen(task.caseId, detail.seq);
      refreshLists();
    },
    onError: settleOnAnswer,
  });

  const submit = async (action: (typeof DECISION_BUTTONS)[number]) => {
    const needsComment = REVIEWER_ACTIONS[action].comment !== 'optional';
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields(needsComment ? ['comment'] : undefined);
      if (needsComment && !String(values.comment ?? '').trim()) {
        form.setFields([{ name: 'comment', errors: [t('inbox.rejectNeedsComment')] }]);
        return;
      }
      values = form.getFieldsValue(true);
    } catch {
      return;
    }
    const comment = String(values.comment ?? '').trim() || undefined;
    const data =
      !REVIEWER_ACTIONS[action].carriesData || !fields.length ? undefined : toCaseData(fields, values);
    decide.mutate({ action, comment, data });
  };

  const busy = decide.isPending || claim.isPending;
  const mine = !!me && task.assignee?.id === me.user.id;
  const canClaim = task.status === 'open' && !task.assignee && task.candidates.length > 1;
  const canRelease = task.status === 'claimed' && mine && task.candidates.length > 1;
  const error = decide.error ?? claim.error;

  useImperativeHandle(ref, () => ({
    approve: () => void submit('approve'),
    reject: () => void submit('reject'),
    claim: () => canClaim && claim.mutate(false),
  }));

  const more = menuActions(task);

  return (
    <Form form={form} layout="vertical" disabled={busy} style={{ marginTop: 8 }}>
      {fields.length > 0 && <FormFields fields={fields} />}
      <Form.Item
        name="comment"
        label={task.kind === 'approval' ? t('form.comment') : t('applicant.comment')}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={task.kind === 'approval' ? t('inbox.commentPlaceholder') : undefined}
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
        {(more.length > 0 || canRelease) && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                ...(canRelease ? [{ key: 'release', label: t('decision.release') }] : []),
                ...more.map((a) => ({ key: a, label: t(`action.${a}`), 'data-testid': `task-${a}` })),
              ],
              onClick: ({ key }) =>
                key === 'release' ? claim.mutate(true) : setTargeted(key as TargetedAction),
            }}
          >
            <Button data-testid="task-more">
              {t('decision.more')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
        {canClaim && (
          <Button onClick={() => claim.mutate(false)} loading={claim.isPending} data-testid="task-claim">
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
          <Button
            type="primary"
            data-testid="task-approve"
            onClick={() => void submit('approve')}
            loading={decide.isPending}
          >
            {t('action.submit')}
          </Button>
        )}
      </Flex>
      <DecisionDialog
        task={task}
        action={targeted}
        busy={decide.isPending}
        onCancel={() => setTargeted(null)}
        onSubmit={(vars) => targeted && decide.mutate({ action: targeted, ...vars })}
      />
    </Form>
  );
});
