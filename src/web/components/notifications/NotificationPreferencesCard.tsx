import { App, Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotificationPreferences } from '../../../shared/api/notifications.ts';
import { useSaveNotificationPreferences } from '../../api/notifications.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** In-app always; e-mail per module, when the node has a mail server. */
export function NotificationPreferencesCard({ preferences }: { preferences: NotificationPreferences }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveNotificationPreferences();
  const [form] = Form.useForm<{ email: string; emailModules: string[] }>();

  return (
    <Card title={t('notifications.preferences.title')} size="small">
      <Typography.Paragraph type="secondary">{t('notifications.preferences.intro')}</Typography.Paragraph>
      {!preferences.emailAvailable ? (
        <Alert type="info" showIcon title={t('notifications.preferences.unavailable')} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ email: preferences.email ?? '', emailModules: preferences.emailModules }}
          onFinish={(v) =>
            save.mutate(
              { email: v.email.trim() || null, emailModules: v.emailModules },
              { onSuccess: () => void message.success(t('notifications.preferences.saved')) },
            )
          }
        >
          <Form.Item
            name="email"
            label={t('notifications.preferences.email')}
            extra={t('notifications.preferences.emailHint')}
            rules={[{ type: 'email', message: t('errors.VALIDATION_FAILED') }]}
          >
            <Input
              type="email"
              autoComplete="email"
              placeholder={t('notifications.preferences.emailPlaceholder')}
              data-testid="notification-email"
            />
          </Form.Item>
          <Form.Item name="emailModules" label={t('notifications.preferences.perModule')}>
            <Checkbox.Group
              options={preferences.modules.map((m) => ({ value: m, label: t(`notifications.preferences.modules.${m}`) }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
          <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('notifications.preferences.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
