import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhHans from './zh-Hans.json';
import zhHant from './zh-Hant.json';
import { initialLanguage } from './language.ts';

/** All catalogues are bundled: three small JSON files, so there is no flash of untranslated keys. */
void i18n.use(initReactI18next).init({
  resources: {
    'zh-Hans': { translation: zhHans },
    'zh-Hant': { translation: zhHant },
    en: { translation: en },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['zh-Hans', 'zh-Hant', 'en'],
  // i18next would otherwise try 'zh' for 'zh-Hans'; our codes are exact.
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
