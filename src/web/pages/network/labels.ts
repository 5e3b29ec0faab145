import type { TFunction } from 'i18next';
import type { Role } from '../../../shared/roles.ts';
import type { MatchReason } from '../../api/network.ts';

/** Shared bits of the network pages: who sees what, and how a match reason reads. */
export const STAFF_ROLES: readonly Role[] = [
  'teacher',
  'principal',
  'school_admin',
  'researcher',
  'bureau_admin',
  'data_steward',
  'platform_admin',
];
export const SCHOOL_STAFF_ROLES: readonly Role[] = ['teacher', 'principal', 'school_admin', 'researcher'];

/** A reason code with its values, in the reader's language: "Common interests: Robotics, Programming". */
export function reasonText(t: TFunction, r: MatchReason): string {
  const items = (r.values?.items ?? []).map((i) => t(`network.interests.${i}`)).join(t('network.listSeparator'));
  const languages = (r.values?.languages ?? []).map((l) => t(`network.languageFamilies.${l}`)).join(t('network.listSeparator'));
  return t(`network.reasons.${r.code}`, { items, languages, km: r.values?.km, count: r.values?.count });
}
