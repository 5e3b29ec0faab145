import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Turns any thrown value into one translated sentence: `errors.<code>` for API errors. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') });
      return t('errors.INTERNAL');
    },
    [t],
  );
}
