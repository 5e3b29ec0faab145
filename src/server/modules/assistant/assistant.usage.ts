import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { placesFor, reachesSchool, requireUser, schoolsInScope, type Actor } from '../identity/identity.access.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { assistantPolicy } from './assistant.policy.ts';
import { schoolSettingsOf } from './assistant.settings.service.ts';
import { assistantUsage } from './assistant.schema.ts';

/** The day a request counts for: the calendar day in UTC+8, the region's day (DESIGN.md §5). */
export function usageDay(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface ActingPlace {
  userId: string;
  schoolId: string;
  jurisdictionId: string;
}

/** The school a user works with the assistant at: their first school membership in one of `roles`. */
export async function actingPlace(db: DbOrTx, actor: Actor, roles: readonly string[]): Promise<ActingPlace> {
  const place = placesFor(actor, roles as never).find((p) => p.schoolId);
  if (!place || !actor.id) throw new AppError('FORBIDDEN');
  return { userId: actor.id, schoolId: place.schoolId!, jurisdictionId: place.jurisdictionId };
}

/**
 * Counts this request against the school's and the user's daily quota, in the caller's transaction; the
 * request over the limit is refused before anything is sent anywhere.
 */
export async function chargeQuota(tx: DbOrTx, place: ActingPlace, tool: string, offline: boolean): Promise<void> {
  const settings = await schoolSettingsOf(tx, place.schoolId);
  const day = usageDay();
  const [school] = await tx
    .select({ n: count() })
    .from(assistantUsage)
    .where(and(eq(assistantUsage.schoolId, place.schoolId), eq(assistantUsage.day, day)));
  const [user] = await tx
    .select({ n: count() })
    .from(assistantUsage)
    .where(and(eq(assistantUsage.userId, place.userId), eq(assistantUsage.day, day)));
  if (Number(school.n) >= settings.schoolDailyQuota || Number(user.n) >= settings.userDailyQuota) {
    throw new AppError('ASSISTANT_QUOTA_EXCEEDED');
  }
  await tx.insert(assistantUsage).values({ ...place, day, tool, offline });
}

/** Requests per day and tool at a school (or every school the admin reaches), for the dashboard. */
export async function usageDashboard(ctx: { db: Db; actor: Actor }, q: { schoolId?: string; days: number }) {
  const actor = requireUser(ctx.actor);
  const since = usageDay(new Date(Date.now() - (q.days - 1) * 86_400_000));
  let schoolIds: string[];
  if (q.schoolId) {
    const [school] = await ctx.db
      .select({ id: schools.id, jurisdictionId: schools.jurisdictionId, authorityPath: schools.authorityPath })
      .from(schools)
      .where(eq(schools.id, q.schoolId));
    if (!school || !reachesSchool(actor, assistantPolicy.readUsage, school)) throw new AppError('NOT_FOUND');
    schoolIds = [school.id];
  } else {
    if (!placesFor(actor, assistantPolicy.readUsage).length) throw new AppError('FORBIDDEN');
    schoolIds = (await ctx.db.select({ id: schools.id }).from(schools).where(schoolsInScope(actor, assistantPolicy.readUsage))).map(
      (s) => s.id,
    );
  }
  if (!schoolIds.length) return { since, rows: [], total: 0 };
  const rows = await ctx.db
    .select({ day: assistantUsage.day, tool: assistantUsage.tool, offline: assistantUsage.offline, n: count() })
    .from(assistantUsage)
    .where(and(inArray(assistantUsage.schoolId, schoolIds), gte(assistantUsage.day, since)))
    .groupBy(assistantUsage.day, assistantUsage.tool, assistantUsage.offline)
    .orderBy(sql`1, 2`);
  const out = rows.map((r) => ({ day: String(r.day), tool: r.tool, offline: r.offline, count: Number(r.n) }));
  return { since, rows: out, total: out.reduce((s, r) => s + r.count, 0) };
}
