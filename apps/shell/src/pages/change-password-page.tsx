import { problemMessage } from '@unionflow/ui/core';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChangePassword } from '../auth/use-me';

/** Mirrors the server's rule so people learn it before they submit; the server has the last word. */
const MIN_LENGTH = 12;

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Change my password. `forced`: the first sign-in of a user an administrator created, who can do
 * nothing else until the initial password is replaced.
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('password.changed'));
          void navigate('/inbox', { replace: true });
        },
      },
    );
  const problem = change.error ? problemMessage(change.error, t) : null;

  return (
    <Card style={{ maxWidth: 480, margin: forced ? '10vh auto' : '0 auto' }}>
      <Typography.Title level={3}>{t('password.title')}</Typography.Title>
      {forced && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('password.forced')} />}
      <Typography.Paragraph type="secondary">{t('password.rule', { min: MIN_LENGTH })}</Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problem.title}
          description={problem.detail}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t(forced ? 'password.initial' : 'password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { min: MIN_LENGTH, message: t('password.tooShort', { min: MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
