import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContestLevel } from '../../../shared/api/contests.ts';
import type { Role } from '../../../shared/roles.ts';
import { useMe } from '../../api/me.ts';
import { useUiLanguage } from '../../app/language.ts';
import { pickName } from '../../i18n/format.ts';

/** Roles that organise rounds and events for an authority unit, and for their own school (contests.policy.ts). */
const AREA_ROLES: readonly Role[] = ['bureau_admin', 'researcher', 'platform_admin'];
const SCHOOL_ROLES: readonly Role[] = ['principal', 'school_admin'];

export interface OrganiserOption {
  /** `unit:<id>` or `school:<id>`. */
  value: string;
  label: string;
  /** A round's level is its organiser's: a district bureau runs district rounds, a school school rounds. */
  level: ContestLevel;
}

/** The bureaus and schools the signed-in user may organise for, from their memberships. */
export function useOrganiserOptions(): OrganiserOption[] {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const options = new Map<string, { label: string; level: ContestLevel }>();
  for (const m of me?.memberships ?? []) {
    if (AREA_ROLES.includes(m.role) && m.authorityUnit)
      options.set(`unit:${m.authorityUnit.id}`, { label: pickName(m.authorityUnit.names, language), level: m.authorityUnit.level });
    if (SCHOOL_ROLES.includes(m.role) && m.school)
      options.set(`school:${m.school.id}`, { label: pickName(m.school.names, language), level: 'school' });
  }
  return [...options].map(([value, o]) => ({ value, level: o.level, label: o.label || t('contests.create.organiserUnnamed') }));
}

/** Whether the user may organise anything: the "new round / new event" buttons show only then. */
export function useCanOrganise(): boolean {
  return useOrganiserOptions().length > 0;
}

/** The API's organiser fields for an option value. */
export function organiserFields(value: string): { organiserUnitId: string } | { organiserSchoolId: string } {
  const [kind, id] = value.split(':');
  return kind === 'unit' ? { organiserUnitId: id } : { organiserSchoolId: id };
}

export function OrganiserSelect(props: { options: readonly OrganiserOption[]; value?: string; onChange?: (v: string) => void }) {
  return (
    <Select
      style={{ width: 360 }}
      options={props.options.map(({ value, label }) => ({ value, label }))}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
