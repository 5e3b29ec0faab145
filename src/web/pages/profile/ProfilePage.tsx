import { Alert, App as AntApp, Button, Card, Descriptions, Flex, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UiLanguage } from '../../../shared/languages.ts';
import { UI_LANGUAGES } from '../../../shared/languages.ts';
import { ApiError } from '../../api/client.ts';
import { useChangePassword, useMe, useUpdateMe } from '../../api/me.ts';
import { applyLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MembershipLine } from '../../components/MembershipPlace.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LANGUAGE_LABELS, rememberLanguage } from '../../i18n/language.ts';

/** Matches the server's rule (docs/api.md: at least 10 characters), so the user hears it before sending. */
const MIN_PASSWORD_LENGTH = 10;

interface ProfileForm {
  displayName: string;
  locale: UiLanguage;
}

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const updateMe = useUpdateMe();
  const changePassword = useChangePassword();
  const [profileForm] = Form.useForm<ProfileForm>();
  const [passwordForm] = Form.useForm<PasswordForm>();

  useEffect(() => {
    if (me) profileForm.setFieldsValue({ displayName: me.displayName, locale: me.locale });
  }, [me, profileForm]);

  if (!me) return null;

  const saveProfile = (values: ProfileForm) =>
    updateMe.mutate(
      { displayName: values.displayName.trim(), locale: values.locale },
      {
        onSuccess: (updated) => {
          rememberLanguage(updated.locale);
          applyLanguage(updated.locale);
          void message.success(t('profile.saved'));
        },
      },
    );

  const savePassword = (values: PasswordForm) =>
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          passwordForm.resetFields();
          void message.success(t('profile.password.changed'));
          if (me.mustChangePassword) void navigate('/', { replace: true });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'AUTH_WRONG_PASSWORD') {
            passwordForm.setFields([{ name: 'currentPassword', errors: [t('errors.AUTH_WRONG_PASSWORD')] }]);
          }
        },
      },
    );

  return (
    <Flex vertical gap="large" style={{ maxWidth: 720 }}>
      <PageHeader title={t('profile.title')} />
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title={t('profile.mustChange.title')} description={t('profile.mustChange.text')} />
      )}

      <Card title={t('profile.account')} size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('profile.username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('profile.memberships')}>
            <Flex vertical>
              {me.memberships.map((m) => (
                <MembershipLine key={m.id} membership={m} />
              ))}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
        <Form<ProfileForm> form={profileForm} layout="vertical" onFinish={saveProfile} disabled={me.mustChangePassword}>
          <Form.Item
            name="displayName"
            label={t('profile.displayName')}
            rules={[{ required: true, whitespace: true, message: t('profile.displayNameRequired') }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="locale" label={t('profile.language')}>
            <Select options={UI_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }))} style={{ maxWidth: 240 }} />
          </Form.Item>
          <ErrorAlert error={updateMe.error} style={{ marginBottom: 16 }} />
          <Button type="primary" htmlType="submit" loading={updateMe.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>

      <Card title={t('profile.password.title')} size="small">
        <Form<PasswordForm> form={passwordForm} layout="vertical" onFinish={savePassword}>
          <Form.Item
            name="currentPassword"
            label={t('profile.password.current')}
            rules={[{ required: true, message: t('profile.password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('profile.password.new')}
            extra={t('profile.password.rule', { count: MIN_PASSWORD_LENGTH })}
            rules={[
              { required: true, message: t('profile.password.newRequired') },
              { min: MIN_PASSWORD_LENGTH, message: t('profile.password.rule', { count: MIN_PASSWORD_LENGTH }) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('profile.password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('profile.password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('profile.password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {changePassword.error && !(changePassword.error instanceof ApiError && changePassword.error.code === 'AUTH_WRONG_PASSWORD') && (
            <ErrorAlert error={changePassword.error} style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
            {t('profile.password.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
