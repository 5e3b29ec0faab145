import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/languages.ts';
import { setApiLanguage } from '../api/client.ts';
import { useMe, useUpdateMe } from '../api/me.ts';
import { isUiLanguage, localeTag, rememberLanguage } from '../i18n/language.ts';
import i18n from '../i18n/index.ts';

/** Switches the UI language everywhere that depends on it outside React: i18next, the API, `<html lang>`, the tab title. */
export function applyLanguage(language: UiLanguage): void {
  setApiLanguage(language);
  document.documentElement.lang = localeTag(language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.title = i18n.getFixedT(language)('app.name');
}

/**
 * The current UI language and a setter. Before login the choice lives in localStorage; signed in, it is
 * the user's `locale` and the setter saves it to the profile, so it follows the user to other computers.
 */
export function useUiLanguage(): [UiLanguage, (language: UiLanguage) => void] {
  const { i18n: instance } = useTranslation();
  const { data: me } = useMe();
  const updateMe = useUpdateMe();
  const language = isUiLanguage(instance.language) ? instance.language : 'zh-Hans';
  const setLanguage = useCallback(
    (next: UiLanguage) => {
      rememberLanguage(next);
      applyLanguage(next);
      if (me && me.locale !== next) updateMe.mutate({ locale: next });
    },
    [me, updateMe],
  );
  return [language, setLanguage];
}
