import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Layout, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../../api/me.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths, so a crafted `?from=` link cannot bounce a teacher to another site after login. */
function safeReturnPath(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const login = useLogin();
  const errorText = useErrorText();
  const [form] = Form.useForm<LoginForm>();
  const returnTo = safeReturnPath(params.get('from'));

  if (me && !login.isPending) return <Navigate to={returnTo} replace />;

  const onFinish = (values: LoginForm) => login.mutate(values, { onSuccess: () => void navigate(returnTo, { replace: true }) });

  const fillDemo = (username: string) => form.setFieldsValue({ username, password: DEMO_PASSWORD });

  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f4fb 0%, #f7f9fb 60%)' }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" gap="large" style={{ padding: '24px 16px 48px' }}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={1} style={{ marginBottom: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        <Card title={t('login.title')} style={{ width: '100%', maxWidth: 400 }}>
          <Form<LoginForm> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={login.isPending}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            {login.error && <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} role="alert" />}
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t('login.demo.title')} style={{ width: '100%', maxWidth: 560 }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('login.demo.intro')}{' '}
            <Typography.Text code copyable>
              {DEMO_PASSWORD}
            </Typography.Text>
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="username"
            dataSource={DEMO_ACCOUNTS}
            columns={[
              {
                title: t('login.username'),
                dataIndex: 'username',
                render: (username: string) => <Typography.Link onClick={() => fillDemo(username)}>{username}</Typography.Link>,
              },
              { title: t('login.demo.who'), dataIndex: 'labelKey', render: (key: string) => t(key) },
            ]}
          />
        </Card>
      </Flex>
    </Layout>
  );
}
