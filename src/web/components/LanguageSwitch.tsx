import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/languages.ts';
import { UI_LANGUAGES } from '../../shared/languages.ts';
import { useUiLanguage } from '../app/language.ts';
import { LANGUAGE_LABELS } from '../i18n/language.ts';

/** 简体 / 繁體 / English, each written in its own script so anyone can find theirs. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useUiLanguage();
  return (
    <Segmented<UiLanguage>
      aria-label={t('common.language')}
      size={size}
      value={language}
      onChange={setLanguage}
      options={UI_LANGUAGES.map((code) => ({ value: code, label: <span lang={code}>{LANGUAGE_LABELS[code]}</span> }))}
    />
  );
}
