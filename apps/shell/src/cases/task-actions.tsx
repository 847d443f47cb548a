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
  problemFieldErrors,
  toCaseData,
  toFormValues,
} from '@unionflow/ui';
import { App, Button, Dropdown, Flex, Form, Input } from 'antd';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me';
import { noteSeen } from '../live/seen-projections';
import { DecisionDialog } from './decision-dialog';
import { DecisionBar, DecisionSheet } from './decision-sheet';
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
  /** Opens the sheet of the step's main decision (a phone's bar only): the returned banner's 重新提交. */
  openSheet: () => void;
}

/**
 * Approve / reject, claim or release, and the catalog's other reviewer actions (in a dialog), in place.
 * As a `sheet` (the case page on a phone) the buttons sit in a bar fixed at the bottom and a decision
 * opens a bottom sheet with the step's fields and the comment; the other actions open as sheets too.
 */
export const TaskActions = forwardRef<TaskActionsHandle, { task: TaskDto; sheet?: boolean }>(
  function TaskActions({ task, sheet = false }, ref) {
    const { t } = useTranslation();
    const { message } = App.useApp();
    const client = useQueryClient();
    const me = useMe().data;
    const [form] = Form.useForm();
    const [targeted, setTargeted] = useState<TargetedAction | null>(null);
    // The decision whose sheet is open (phone only).
    const [sheetAction, setSheetAction] = useState<(typeof DECISION_BUTTONS)[number] | null>(null);
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
        setSheetAction(null);
        // The answer is the case after the decision: keep it instead of fetching it again.
        client.setQueryData(['case', task.caseId], detail);
        noteSeen(task.caseId, detail.seq);
        refreshLists();
      },
      onError: (err) => {
        settleOnAnswer(err);
        // A problem with one field is shown under it, where the reviewer fixes it.
        const onForm = new Set(fields.map((f) => f.key));
        const marks = problemFieldErrors(err, t).filter((e) => onForm.has(e.field));
        if (marks.length) form.setFields(marks.map((e) => ({ name: e.field, errors: [e.message] })));
      },
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
      openSheet: () => sheet && setSheetAction('approve'),
    }));

    const more = menuActions(task);

    const body = (
      <>
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
      </>
    );

    const size = sheet ? 'large' : undefined;
    // On the bar the decisions share the width; in place they keep their natural size.
    const grow = sheet ? { flex: 1 } : undefined;
    // In place a decision is sent at once; on the bar it opens its sheet first.
    const press = (action: (typeof DECISION_BUTTONS)[number]) =>
      sheet ? setSheetAction(action) : void submit(action);
    const buttons = (
      <>
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
            <Button data-testid="task-more" size={size} disabled={busy}>
              {t('decision.more')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
        {canClaim && (
          <Button
            onClick={() => claim.mutate(false)}
            loading={claim.isPending}
            data-testid="task-claim"
            size={size}
            style={grow}
          >
            {t('action.claim')}
          </Button>
        )}
        {task.kind === 'approval' ? (
          <>
            <Button
              danger
              data-testid="task-reject"
              size={size}
              style={grow}
              disabled={sheet && busy}
              onClick={() => press('reject')}
              loading={!sheet && decide.isPending && decide.variables?.action === 'reject'}
            >
              {t('action.reject')}
            </Button>
            <Button
              type="primary"
              data-testid="task-approve"
              size={size}
              style={grow}
              disabled={sheet && busy}
              onClick={() => press('approve')}
              loading={!sheet && decide.isPending && decide.variables?.action === 'approve'}
            >
              {t('action.approve')}
            </Button>
          </>
        ) : (
          <Button
            type="primary"
            data-testid="task-approve"
            size={size}
            style={grow}
            disabled={sheet && busy}
            onClick={() => press('approve')}
            loading={!sheet && decide.isPending}
          >
            {t('action.submit')}
          </Button>
        )}
      </>
    );
    const dialog = (
      <DecisionDialog
        task={task}
        action={targeted}
        busy={decide.isPending}
        asSheet={sheet}
        onCancel={() => setTargeted(null)}
        onSubmit={(vars) => targeted && decide.mutate({ action: targeted, ...vars })}
      />
    );

    if (sheet) {
      const label = (a: (typeof DECISION_BUTTONS)[number]) =>
        task.kind === 'approval' ? t(`action.${a}`) : t('action.submit');
      return (
        <>
          <DecisionBar>{buttons}</DecisionBar>
          <DecisionSheet
            open={sheetAction !== null}
            title={sheetAction ? label(sheetAction) : ''}
            onClose={() => setSheetAction(null)}
            confirm={
              <Button
                size="large"
                type="primary"
                danger={sheetAction === 'reject'}
                style={{ flex: 2 }}
                data-testid="sheet-confirm"
                loading={decide.isPending}
                onClick={() => sheetAction && void submit(sheetAction)}
              >
                {sheetAction ? t('decision.confirm', { action: label(sheetAction) }) : ''}
              </Button>
            }
          >
            <Form form={form} layout="vertical" disabled={busy} data-testid="decision-sheet-form">
              {body}
            </Form>
          </DecisionSheet>
          {dialog}
        </>
      );
    }

    return (
      <Form form={form} layout="vertical" disabled={busy} style={{ marginTop: 8 }}>
        {body}
        <Flex gap={8} wrap justify="flex-end">
          {buttons}
        </Flex>
        {dialog}
      </Form>
    );
  },
);
