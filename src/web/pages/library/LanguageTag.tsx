import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContentLanguage } from '../../../shared/languages.ts';
import { LANGUAGE_COLOURS } from './labels.ts';

/** 简体 / 繁體·香港 / 繁體·澳門 / English / Português — the language a resource is written in. */
export function LanguageTag({ language }: { language: ContentLanguage }) {
  const { t } = useTranslation();
  return (
    <Tag color={LANGUAGE_COLOURS[language]} data-testid="language-tag" title={t(`contentLanguages.${language}`)}>
      {t(`library.languageTags.${language}`)}
    </Tag>
  );
}
