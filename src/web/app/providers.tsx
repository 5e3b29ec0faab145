import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhHK from 'antd/locale/zh_HK';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/languages.ts';
import { ApiError } from '../api/client.ts';
import { meKey, useMe } from '../api/me.ts';
import { isUiLanguage } from '../i18n/language.ts';
import { applyLanguage } from './language.ts';

const ANTD_LOCALES: Record<UiLanguage, NonNullable<ConfigProviderProps['locale']>> = { 'zh-Hans': zhCN, 'zh-Hant': zhHK, en: enUS };

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that ended elsewhere ("log out everywhere", expiry) shows up as 401 on any query:
      // forget the user so the router sends them to the login page.
      onError: (error, query) => {
        if (error instanceof ApiError && error.code === 'AUTH_REQUIRED' && query.queryKey[0] !== meKey[0]) {
          client.setQueryData(meKey, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status < 500 && error.status > 0) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

/** Once the user is known, their saved `locale` wins over the choice made on the login page. */
function LanguageFromProfile() {
  const { data: me } = useMe();
  useEffect(() => {
    if (me && isUiLanguage(me.locale)) applyLanguage(me.locale);
  }, [me?.id, me?.locale]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

function ThemedAntd({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = isUiLanguage(i18n.language) ? i18n.language : 'zh-Hans';
  useEffect(() => applyLanguage(language), [language]);
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[language]}
      theme={{
        token: {
          colorPrimary: '#0b6e99',
          borderRadius: 6,
          // CJK first in each script's preferred face, so Hong Kong users get HK glyph forms.
          fontFamily:
            language === 'zh-Hant'
              ? "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang HK', 'Microsoft JhengHei', 'Noto Sans CJK HK', 'Noto Sans HK', sans-serif"
              : "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemedAntd>
        <LanguageFromProfile />
        {children}
      </ThemedAntd>
    </QueryClientProvider>
  );
}
