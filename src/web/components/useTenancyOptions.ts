import { useAuthorityUnits, useJurisdictions } from '../api/tenancy.ts';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../app/language.ts';
import { pickName } from '../i18n/format.ts';

/** Select options for jurisdictions and, once one is chosen, its authority units (with their level). */
export function useTenancyOptions(jurisdictionId: string | undefined) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const jurisdictions = useJurisdictions();
  const units = useAuthorityUnits(jurisdictionId);
  return {
    jurisdictionOptions: (jurisdictions.data ?? []).map((j) => ({ value: j.id, label: pickName(j.names, language) })),
    unitOptions: (units.data ?? []).map((u) => ({
      value: u.id,
      label: `${pickName(u.names, language)}（${t(`levels.${u.level}`)}）`,
    })),
    loading: jurisdictions.isPending || (Boolean(jurisdictionId) && units.isPending),
  };
}
