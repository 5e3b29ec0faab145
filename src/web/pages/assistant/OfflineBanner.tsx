import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { useAssistantStatus } from './assistant.api.ts';
import { PROVIDER_ADMIN_ROLES } from './labels.ts';

/** Says plainly when no model is configured: answers are library passages and templates, not AI. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const status = useAssistantStatus();
  if (!status.data?.offline) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="assistant-offline"
      title={t('assistant.offline.title')}
      description={hasAnyRole(me, PROVIDER_ADMIN_ROLES) ? t('assistant.offline.adminHint') : t('assistant.offline.hint')}
    />
  );
}
