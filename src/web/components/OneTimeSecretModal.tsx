import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface OneTimeSecret {
  /** What the secret is for, e.g. "Initial password". */
  label: string;
  username: string;
  displayName: string;
  secret: string;
}

/**
 * A password the server returns once and never again (it keeps only the argon2id hash): show it with a
 * copy button and say plainly that closing the window loses it.
 */
export function OneTimeSecretModal({ value, onClose }: { value: OneTimeSecret | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={value?.label}
      onOk={onClose}
      onCancel={onClose}
      okText={t('secret.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      {value && (
        <>
          <Alert type="warning" showIcon title={t('secret.onlyOnce')} style={{ marginBottom: 16 }} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('users.displayName')}>{value.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('users.username')}>{value.username}</Descriptions.Item>
            <Descriptions.Item label={t('secret.password')}>
              <Typography.Text code copyable={{ tooltips: [t('secret.copy'), t('secret.copied')] }} data-testid="one-time-secret">
                {value.secret}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('secret.mustChange')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
