import { and, count, countDistinct, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hasAnyRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { resources } from '../library/library.schema.ts';
import { jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import { trainingCredentials } from '../training/training.schema.ts';
import type { TDirectoryQuery, TUpdateProfileBody } from '../../../shared/api/network.ts';
import { DISTRICT_CENTROIDS } from './network.centroids.ts';
import { rankMatches, type MatchProfile } from './network.match.ts';
import { networkPolicy } from './network.policy.ts';
import { presentMatch, presentProfile, presentSchoolCard, type Strengths } from './network.present.ts';
import { networkPairs, networkProfiles } from './network.schema.ts';
import { activePairCounts, actingSchool, loadSchool, ownSchoolIds, reaches, schoolPlaces, type SchoolRow } from './network.store.ts';

interface Ctx {
  db: Db;
  actor: Actor | null;
}

/**
 * AI strengths read from other modules with one grouped query each: teachers holding a (not revoked) training
 * certificate, and published library resources of the school. Labs and courses come from the profile.
 */
async function strengthsOf(db: DbOrTx, ids: string[], profiles: Map<string, typeof networkProfiles.$inferSelect>) {
  const trained = ids.length
    ? await db
        .select({ schoolId: trainingCredentials.schoolId, n: countDistinct(trainingCredentials.userId) })
        .from(trainingCredentials)
        .where(and(inArray(trainingCredentials.schoolId, ids), isNull(trainingCredentials.revokedAt)))
        .groupBy(trainingCredentials.schoolId)
    : [];
  const library = ids.length
    ? await db
        .select({ schoolId: resources.schoolId, n: count() })
        .from(resources)
        .where(and(inArray(resources.schoolId, ids), eq(resources.status, 'published')))
        .groupBy(resources.schoolId)
    : [];
  const t = new Map(trained.map((r) => [r.schoolId, Number(r.n)]));
  const l = new Map(library.map((r) => [r.schoolId, Number(r.n)]));
  return new Map<string, Strengths>(
    ids.map((id) => [
      id,
      {
        labs: profiles.get(id)?.labs ?? 0,
        coursesOffered: profiles.get(id)?.coursesOffered ?? [],
        trainedTeachers: t.get(id) ?? 0,
        libraryResources: l.get(id) ?? 0,
      },
    ]),
  );
}

async function cardsFor(db: DbOrTx, rows: SchoolRow[]) {
  const ids = rows.map((s) => s.id);
  const profileRows = ids.length ? await db.select().from(networkProfiles).where(inArray(networkProfiles.schoolId, ids)) : [];
  const profiles = new Map(profileRows.map((p) => [p.schoolId, p]));
  const [places, strengths, pairs] = await Promise.all([schoolPlaces(db, ids), strengthsOf(db, ids, profiles), activePairCounts(db, ids)]);
  return {
    profiles,
    places,
    cards: rows.map((s) => presentSchoolCard(s, places.get(s.id), profiles.get(s.id), strengths.get(s.id)!, pairs.get(s.id) ?? 0)),
  };
}

/**
 * The directory of schools open to partnership, across jurisdictions: school names, stage and interests are
 * not personal data, so any reader may browse; contact persons are never in the list.
 */
export async function listDirectory(ctx: Ctx, q: TDirectoryQuery) {
  const where: SQL[] = [];
  if (q.jurisdiction) where.push(eq(jurisdictions.code, q.jurisdiction.toUpperCase()));
  if (q.stage) where.push(eq(schools.stage, q.stage));
  if (q.language) where.push(sql`${q.language} = ANY(${schools.languages})`);
  if (q.interest) where.push(sql`${q.interest} = ANY(${networkProfiles.interests})`);
  if (q.q) where.push(sql`${schools.names}::text ILIKE ${'%' + q.q.replace(/[%_\\]/g, '\\$&') + '%'}`);
  const rows = await ctx.db
    .select({ school: schools })
    .from(schools)
    .innerJoin(jurisdictions, eq(jurisdictions.id, schools.jurisdictionId))
    .leftJoin(networkProfiles, eq(networkProfiles.schoolId, schools.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(jurisdictions.code, schools.code)
    .limit(500);
  const { cards } = await cardsFor(
    ctx.db,
    rows.map((r) => r.school),
  );
  return { items: cards };
}

export async function getProfile(ctx: Ctx, schoolId: string) {
  const school = await loadSchool(ctx.db, schoolId);
  const { cards, profiles } = await cardsFor(ctx.db, [school]);
  const actor = ctx.actor;
  const showContacts = !!actor && hasAnyRole(actor, networkPolicy.staff);
  const canEdit = !!actor && reaches(actor, networkPolicy.editProfile, school);
  const canPropose = !!actor && ownSchoolIds(actor, networkPolicy.principal).some((id) => id !== schoolId);
  return presentProfile(cards[0], profiles.get(schoolId), { showContacts, canEdit, canPropose });
}

/** A principal or school admin describes their school. Optimistic: `expectedVersion` 0 creates the profile. */
export async function updateProfile(ctx: { db: Db; actor: Actor }, schoolId: string, expectedVersion: number, body: TUpdateProfileBody) {
  const actor = requireUser(ctx.actor);
  const school = await loadSchool(ctx.db, schoolId);
  if (!reaches(actor, networkPolicy.editProfile, school))
    throw new AppError(reaches(actor, networkPolicy.staff, school) ? 'FORBIDDEN' : 'NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(networkProfiles).where(eq(networkProfiles.schoolId, schoolId)).for('update');
    if ((current?.version ?? 0) !== expectedVersion) throw new AppError('VERSION_CONFLICT');
    if (current) {
      await tx
        .update(networkProfiles)
        .set({ ...body, version: current.version + 1, updatedAt: new Date() })
        .where(eq(networkProfiles.schoolId, schoolId));
    } else {
      await tx.insert(networkProfiles).values({ schoolId, jurisdictionId: school.jurisdictionId, ...body });
    }
    await recordAudit(tx, actor, {
      action: 'network.profile.update',
      targetType: 'school',
      targetId: schoolId,
      jurisdictionId: school.jurisdictionId,
      schoolId,
      // Field names only: contact details are personal data and stay out of the audit trail.
      details: { fields: Object.keys(body) },
    });
  });
  return getProfile(ctx, schoolId);
}

function locationOf(
  profile: typeof networkProfiles.$inferSelect | undefined,
  place: { unitCode: string; ancestorCodes: string[] } | undefined,
): MatchProfile['location'] {
  if (profile?.latitude != null && profile.longitude != null) return { lat: profile.latitude, lng: profile.longitude };
  for (const code of place?.ancestorCodes ?? []) {
    const c = DISTRICT_CENTROIDS[code];
    if (c) return { lat: c[0], lng: c[1] };
  }
  return null;
}

/** Ranked partner suggestions for one of the actor's schools, with the reasons behind each score. */
export async function suggestPartners(ctx: { db: Db; actor: Actor }, wantedSchoolId?: string) {
  const actor = requireUser(ctx.actor);
  const schoolId = actingSchool(actor, networkPolicy.staff, wantedSchoolId);
  const all = await ctx.db.select().from(schools).orderBy(schools.code).limit(2000);
  const { cards, profiles, places } = await cardsFor(ctx.db, all);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const asMatch = (s: SchoolRow): MatchProfile => {
    const card = byId.get(s.id)!;
    return {
      schoolId: s.id,
      code: s.code,
      jurisdiction: card.jurisdiction,
      stage: s.stage,
      languages: s.languages,
      interests: card.interests,
      seeks: card.seeks,
      location: locationOf(profiles.get(s.id), places.get(s.id)),
      activePairs: card.activePairs,
    };
  };
  const me = all.find((s) => s.id === schoolId);
  if (!me) throw new AppError('NOT_FOUND');
  const partners = await ctx.db
    .select({ a: networkPairs.schoolAId, b: networkPairs.schoolBId })
    .from(networkPairs)
    .where(
      and(
        inArray(networkPairs.status, ['proposed', 'active']),
        sql`(${networkPairs.schoolAId} = ${schoolId} OR ${networkPairs.schoolBId} = ${schoolId})`,
      ),
    );
  const exclude = new Set(partners.flatMap((p) => [p.a, p.b]));
  const ranked = rankMatches(asMatch(me), all.map(asMatch), exclude).slice(0, 20);
  return { schoolId, items: ranked.map((m) => presentMatch(m, byId.get(m.schoolId)!)) };
}
