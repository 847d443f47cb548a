import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ProblemAlert } from '@unionflow/ui';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useMe } from '../auth/use-me';
import { LanguageSwitch } from '../layout/language-switch';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in form with the demo accounts listed; renders even when the API is down. */
export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/inbox';

  if (me.data) return <Navigate to={from} replace />;

  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '32px 12px',
        background: 'linear-gradient(#fff1f0, #f5f5f5 40%)',
      }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400, marginTop: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, textAlign: 'center' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('signIn.title')}
        </Typography.Paragraph>
        <Form<Credentials>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => login.mutate(values, { onSuccess: () => navigate(from, { replace: true }) })}
        >
          <Form.Item
            name="username"
            label={t('signIn.username')}
            rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {login.error ? (
            <Form.Item>
              <ProblemAlert error={login.error} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('action.signIn')}
          </Button>
        </Form>
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          title={t('signIn.demoTitle')}
          description={<span style={{ overflowWrap: 'anywhere' }}>{t('signIn.demoUsers')}</span>}
        />
      </Card>
    </Flex>
  );
}
