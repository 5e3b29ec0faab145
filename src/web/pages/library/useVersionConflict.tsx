import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

/**
 * 412 on a write means someone saved the resource after this page loaded (If-Match was stale). Say so in
 * words and offer a reload, instead of a bare "conflict". Returns whether it handled the error.
 */
export function useVersionConflict(): (error: unknown) => boolean {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  return (error: unknown) => {
    if (!(error instanceof ApiError) || (error.status !== 412 && error.code !== 'VERSION_CONFLICT')) return false;
    modal.warning({
      title: t('errors.VERSION_CONFLICT', { defaultValue: t('library.form.versionConflict') }),
      content: t('library.form.versionConflict'),
      okText: t('library.form.reload'),
      onOk: () => window.location.reload(),
    });
    return true;
  };
}
