import type { Role } from '../../../shared/roles.ts';

/** Mirrors training.policy.ts on the server, only to decide which buttons to show; the server decides. */
export const ORGANISER_ROLES: readonly Role[] = ['bureau_admin', 'researcher', 'platform_admin', 'principal', 'school_admin'];
export const DASHBOARD_ROLES: readonly Role[] = ['principal', 'school_admin', 'bureau_admin', 'researcher', 'platform_admin'];

/** Session times in UTC+8, short: "11月23日 14:00–16:00". */
export function sessionTime(startsAt: string, endsAt: string, locale: string): string {
  const opts = { timeZone: 'Asia/Shanghai' } as const;
  const day = new Intl.DateTimeFormat(locale, { ...opts, month: 'short', day: 'numeric', weekday: 'short' }).format(new Date(startsAt));
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { ...opts, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
  return `${day} ${time(startsAt)}–${time(endsAt)}`;
}

export const STATUS_COLOURS: Record<string, string> = {
  pending: 'gold',
  enrolled: 'green',
  waitlisted: 'orange',
  rejected: 'red',
  withdrawn: 'default',
  completed: 'blue',
  submitted: 'gold',
  passed: 'green',
  needs_revision: 'orange',
};

/** "第二期（香港） 2026-12-01 – 2027-01-15": name and dates, as teachers choose between cohorts. */
export function cohortLabel(c: { name: string; startsOn: string | null; endsOn: string | null }): string {
  const dates = c.startsOn || c.endsOn ? ` ${c.startsOn ?? '…'} – ${c.endsOn ?? '…'}` : '';
  return `${c.name}${dates}`;
}
