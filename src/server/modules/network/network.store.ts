import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { placesFor, reachesSchool, type Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { notify } from '../notifications/notifications.service.ts';
import { authorityUnits, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { Role } from '../../../shared/roles.ts';
import { UI_LANGUAGES, type LocalisedName, type UiLanguage } from '../../../shared/languages.ts';
import { networkPairs } from './network.schema.ts';

/** Shared reads of the network services: schools, principals, the actor's own schools. */

export type SchoolRow = typeof schools.$inferSelect;

export async function loadSchool(db: DbOrTx, id: string): Promise<SchoolRow> {
  const [s] = await db.select().from(schools).where(eq(schools.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

/** The schools where the actor holds one of `roles` directly (a principal's own school). */
export function ownSchoolIds(actor: Actor, roles: readonly Role[]): string[] {
  return [
    ...new Set(
      placesFor(actor, roles)
        .map((p) => p.schoolId)
        .filter((s): s is string => !!s),
    ),
  ];
}

/** The one school the actor acts for with `roles`: the one asked for, or their only one. */
export function actingSchool(actor: Actor, roles: readonly Role[], wanted?: string): string {
  const own = ownSchoolIds(actor, roles);
  if (!own.length) throw new AppError('FORBIDDEN');
  if (wanted) {
    if (!own.includes(wanted)) throw new AppError('FORBIDDEN');
    return wanted;
  }
  return own[0];
}

/** Active accounts holding `role` directly at the school: who a school-to-school message is for. */
export async function usersWithRoleAt(db: DbOrTx, schoolId: string, role: Role): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, role)));
  return rows.map((r) => r.userId);
}

export function reaches(actor: Actor, roles: readonly Role[], school: SchoolRow): boolean {
  return reachesSchool(actor, roles, school);
}

/** Jurisdiction codes and unit codes of some schools, for presenting and for district centroids. */
export async function schoolPlaces(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, { jurisdiction: string; unitCode: string; unitNames: unknown; ancestorCodes: string[] }>();
  const rows = await db
    .select({
      id: schools.id,
      jurisdiction: jurisdictions.code,
      unitCode: authorityUnits.code,
      unitNames: authorityUnits.names,
      ancestorIds: authorityUnits.ancestorIds,
    })
    .from(schools)
    .innerJoin(jurisdictions, eq(jurisdictions.id, schools.jurisdictionId))
    .innerJoin(authorityUnits, eq(authorityUnits.id, schools.authorityUnitId))
    .where(inArray(schools.id, ids));
  const ancestorIds = [...new Set(rows.flatMap((r) => r.ancestorIds))];
  const units = ancestorIds.length
    ? await db
        .select({ id: authorityUnits.id, code: authorityUnits.code })
        .from(authorityUnits)
        .where(inArray(authorityUnits.id, ancestorIds))
    : [];
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        jurisdiction: r.jurisdiction,
        unitCode: r.unitCode,
        unitNames: r.unitNames,
        // Nearest first, so the closest unit with a known centroid wins.
        ancestorCodes: [...r.ancestorIds].reverse().map((id) => codeOf.get(id) ?? ''),
      },
    ]),
  );
}

/** Active pair counts per school (one grouped query). */
export async function activePairCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ a: networkPairs.schoolAId, b: networkPairs.schoolBId })
    .from(networkPairs)
    .where(and(eq(networkPairs.status, 'active'), or(inArray(networkPairs.schoolAId, ids), inArray(networkPairs.schoolBId, ids))));
  const counts = new Map<string, number>();
  for (const r of rows) for (const s of [r.a, r.b]) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** A pair still proposed or active between the two schools, in either direction. */
export async function openPairBetween(db: DbOrTx, x: string, y: string) {
  const [p] = await db
    .select({ id: networkPairs.id })
    .from(networkPairs)
    .where(
      and(
        inArray(networkPairs.status, ['proposed', 'active']),
        or(
          and(eq(networkPairs.schoolAId, x), eq(networkPairs.schoolBId, y)),
          and(eq(networkPairs.schoolAId, y), eq(networkPairs.schoolBId, x)),
        ),
      ),
    );
  return p ?? null;
}

/**
 * Tells users in their own language: notification values are plain strings, so a school's name is picked from
 * its localised names per reader's UI language (a Hong Kong principal reads 南沙灣橋實驗學校, not 南沙湾桥…).
 */
export async function notifyLocalised(
  tx: DbOrTx,
  notice: { userIds: string[]; kind: string; link: string; data: (language: UiLanguage) => Record<string, unknown> },
) {
  const ids = [...new Set(notice.userIds)];
  if (!ids.length) return;
  const readers = await tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, ids));
  for (const language of UI_LANGUAGES) {
    const userIds = readers.filter((r) => r.locale === language).map((r) => r.id);
    if (userIds.length) await notify(tx, { userIds, kind: notice.kind, data: notice.data(language), link: notice.link });
  }
}

export const nameIn = (names: LocalisedName, language: UiLanguage) => names[language] ?? names.en;
