import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { placesFor, reachesSchool, reachesUnit, type Actor } from '../identity/identity.access.ts';
import { authorityUnits, schools } from '../tenancy/tenancy.schema.ts';
import { contestsPolicy } from './contests.policy.ts';
import { contestEntryMembers, contestJudges, contests } from './contests.schema.ts';

/**
 * Where contests and events are visible and who manages them. Visibility: anyone signed in within the
 * contest's jurisdiction (contests are public calls); management: an area role at or above the organiser
 * unit, or a school organiser of the organiser school — answered by identity.access, never re-derived.
 */

export type Contest = typeof contests.$inferSelect;
export type OrganiserRef = { jurisdictionId: string; organiserUnitId: string | null; organiserSchoolId: string | null };

export function contestsVisibleTo(actor: Actor): SQL {
  const jurisdictionIds = [...new Set(actor.memberships.map((m) => m.jurisdictionId))];
  if (!jurisdictionIds.length) return sql`false`;
  return inArray(contests.jurisdictionId, jurisdictionIds);
}

/** Whether the actor organises what `ref` points at (a contest or an event). */
export async function managesOrganiser(db: DbOrTx, actor: Actor, ref: OrganiserRef): Promise<boolean> {
  if (ref.organiserSchoolId) {
    const [s] = await db.select().from(schools).where(eq(schools.id, ref.organiserSchoolId));
    return (
      !!s &&
      (reachesSchool(actor, contestsPolicy.organiseAtSchool, s) ||
        reachesUnit(actor, contestsPolicy.organiseAtArea, {
          id: s.authorityUnitId,
          jurisdictionId: s.jurisdictionId,
          ancestorIds: s.authorityPath,
        }))
    );
  }
  if (!ref.organiserUnitId) return false;
  const [u] = await db.select().from(authorityUnits).where(eq(authorityUnits.id, ref.organiserUnitId));
  return !!u && reachesUnit(actor, contestsPolicy.organiseAtArea, u);
}

/** The contest if visible; NOT_FOUND otherwise. */
export async function visibleContest(db: DbOrTx, actor: Actor, id: string): Promise<Contest> {
  const [row] = await db
    .select()
    .from(contests)
    .where(and(eq(contests.id, id), or(contestsVisibleTo(actor), judgeOf(actor, id))));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The contest if the actor organises it. Seen but not managed → FORBIDDEN. */
export async function managedContest(db: DbOrTx, actor: Actor, id: string): Promise<Contest> {
  const row = await visibleContest(db, actor, id);
  if (!(await managesOrganiser(db, actor, row))) throw new AppError('FORBIDDEN');
  return row;
}

function judgeOf(actor: Actor, contestId: string): SQL {
  if (!actor.id) return sql`false`;
  return sql`exists (select 1 from ${contestJudges} where ${contestJudges.contestId} = ${contestId} and ${contestJudges.userId} = ${actor.id})`;
}

/** Whether the actor is a member (student or advisor) of the entry. */
export async function isEntryMember(db: DbOrTx, actor: Actor, entryId: string): Promise<boolean> {
  if (!actor.id) return false;
  const [m] = await db
    .select({ id: contestEntryMembers.id })
    .from(contestEntryMembers)
    .where(and(eq(contestEntryMembers.entryId, entryId), eq(contestEntryMembers.userId, actor.id)));
  return !!m;
}

/** The schools (ids) where the actor may register pupils. */
export function registrarSchools(actor: Actor): string[] {
  return placesFor(actor, contestsPolicy.register)
    .filter((p) => p.schoolId)
    .map((p) => p.schoolId!);
}
