import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { LocalisedName } from '../../shared/languages.ts';
import { useMe } from '../api/me.ts';
import { useSchool, useSchools } from '../api/tenancy.ts';
import { useUiLanguage } from '../app/language.ts';
import { pickName } from '../i18n/format.ts';

const LAST_SCHOOL_KEY = 'edubridge.school';

/**
 * The school a people-page works on, kept in the address (`?school=`) so a page can be bookmarked or
 * shared with a colleague, and remembered across pages so an admin picks their school once.
 */
export function useSelectedSchool(): [string | undefined, (id: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('school') ?? undefined;
  const selected = fromUrl ?? (sessionStorage.getItem(LAST_SCHOOL_KEY) || undefined);
  const select = (id: string | undefined) => {
    if (id) sessionStorage.setItem(LAST_SCHOOL_KEY, id);
    else sessionStorage.removeItem(LAST_SCHOOL_KEY);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('school', id);
        else next.delete('school');
        return next;
      },
      { replace: true },
    );
  };
  return [selected, select];
}

interface Option {
  id: string;
  code: string;
  names: LocalisedName;
}

/**
 * Picks one of the schools this admin administers: a school admin's own school(s); a bureau admin's
 * jurisdiction; anything for a platform admin. The server enforces the same scope on every call.
 */
export function SchoolPicker({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const { isPlatform, bureauJurisdictions, ownSchools } = useMemo(() => {
    const memberships = me?.memberships ?? [];
    return {
      isPlatform: memberships.some((m) => m.role === 'platform_admin'),
      bureauJurisdictions: [...new Set(memberships.filter((m) => m.role === 'bureau_admin').map((m) => m.jurisdiction.id))],
      ownSchools: memberships.filter((m) => m.role === 'school_admin' && m.school).map((m) => m.school!) as Option[],
    };
  }, [me]);
  const searchesDirectory = isPlatform || bureauJurisdictions.length > 0;
  const directory = useSchools(
    { jurisdictionId: !isPlatform && bureauJurisdictions.length === 1 ? bureauJurisdictions[0] : undefined, q: q.trim() || undefined },
    searchesDirectory,
  );

  // The chosen school may lie outside the current search results; keep its name on screen.
  const chosen = useSchool(value);

  const options = useMemo(() => {
    const found: Option[] = (directory.data?.pages.flatMap((p) => p.items) ?? []).filter(
      (s) => isPlatform || bureauJurisdictions.includes(s.jurisdiction.id),
    );
    const byId = new Map<string, Option>();
    for (const s of [...ownSchools, ...(chosen.data ? [chosen.data] : []), ...found]) byId.set(s.id, s);
    return [...byId.values()].map((s) => ({ value: s.id, label: `${pickName(s.names, language)} (${s.code})` }));
  }, [directory.data, chosen.data, ownSchools, isPlatform, bureauJurisdictions, language]);

  // With exactly one school there is nothing to choose: take it.
  useEffect(() => {
    if (!value && !searchesDirectory && options.length === 1) onChange(options[0].value);
  }, [value, searchesDirectory, options, onChange]);

  return (
    <Select
      data-testid="school-picker"
      placeholder={t('schoolPicker.placeholder')}
      value={value}
      onChange={onChange}
      options={options}
      loading={directory.isFetching}
      showSearch={searchesDirectory ? { filterOption: false, onSearch: setQ } : { optionFilterProp: 'label' }}
      notFoundContent={t('schoolPicker.none')}
      style={{ minWidth: 320 }}
    />
  );
}
