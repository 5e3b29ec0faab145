import { useTranslation } from 'react-i18next';
import type { Membership } from '../api/types.ts';
import { useUiLanguage } from '../app/language.ts';
import { pickName } from '../i18n/format.ts';

/** Where a role is held: the school, else the authority unit, else the jurisdiction — named in the reader's language. */
export function useMembershipPlace(): (m: Membership) => string {
  const [language] = useUiLanguage();
  return (m) => {
    const jurisdiction = pickName(m.jurisdiction.names, language);
    if (m.school) return `${pickName(m.school.names, language)} · ${jurisdiction}`;
    if (m.authorityUnit) return `${pickName(m.authorityUnit.names, language)} · ${jurisdiction}`;
    return jurisdiction;
  };
}

export function MembershipLine({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const place = useMembershipPlace();
  return (
    <span>
      {t(`roles.${membership.role}`)} — {place(membership)}
    </span>
  );
}
