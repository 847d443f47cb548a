import { useMutation } from '@tanstack/react-query';
import type { SimulateResultDto } from '@unionflow/contracts';
import { describeDuration, type ProcessDefinition } from '@unionflow/process-model';
import {
  adminApi,
  asFormFields,
  FormFields,
  ProblemAlert,
  toCaseData,
  UserPicker,
  useLocalText,
} from '@unionflow/ui';
import { Button, Form, Modal, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { langOf } from './vocabulary-names';

function Path({ result }: { result: SimulateResultDto }) {
  const { t, i18n } = useTranslation();
  const text = useLocalText();
  return (
    <div data-testid="simulate-result">
      <Typography.Title level={5}>{t('admin.simulate.path')}</Typography.Title>
      <Steps
        orientation="vertical"
        size="small"
        items={result.steps.map((s) => ({
          key: s.nodeId,
          status: 'wait' as const,
          title: `${text(s.name) || s.nodeId} · ${t(`admin.kinds.${s.kind}`, { defaultValue: s.kind })}`,
          content: (
            <Typography.Text type="secondary">
              {s.assignees.length
                ? s.assignees.map((u) => u.displayName).join('、')
                : s.emptyPolicyApplied
                  ? t('admin.simulate.nobody', { policy: t(`admin.empty.${s.emptyPolicyApplied}`) })
                  : ''}
              {s.due ? ` · ${t('admin.panel.due')} ${describeDuration(s.due, langOf(i18n.language))}` : ''}
            </Typography.Text>
          ),
        }))}
      />
      <Typography.Text strong>
        {result.outcome
          ? t('admin.simulate.outcome', { outcome: result.outcome })
          : t('admin.simulate.noOutcome')}
      </Typography.Text>
    </div>
  );
}

/** Runs the edited definition against sample data: which steps, who would be asked, which outcome. */
export function SimulateDialog({
  open,
  onClose,
  def,
}: {
  open: boolean;
  onClose: () => void;
  def: ProcessDefinition;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const fields = asFormFields(def.form);
  const run = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      adminApi.simulate(def.key, {
        document: def as unknown as Record<string, unknown>,
        applicant: String(values.__applicant ?? '').trim() || undefined,
        data: toCaseData(fields, values),
      }),
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('admin.simulate.title')}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => run.mutate(v)}
        initialValues={{ __applicant: 'zhangwei' }}
      >
        <Form.Item name="__applicant" label={t('admin.simulate.applicant')}>
          <UserPicker />
        </Form.Item>
        <Typography.Text type="secondary">{t('admin.simulate.data')}</Typography.Text>
        <FormFields fields={fields.map((f) => ({ ...f, required: false }))} />
        <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="simulate-run">
          {t('admin.simulate.run')}
        </Button>
      </Form>
      {run.error ? <ProblemAlert error={run.error} /> : null}
      {run.data && (
        <div style={{ marginTop: 16 }}>
          <Path result={run.data} />
        </div>
      )}
    </Modal>
  );
}
