import { randomInt } from 'node:crypto';
import { and, desc, eq, exists, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reachesSchool, schoolsInScope, type Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { notify } from '../notifications/notifications.service.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import type { RegisterBody } from '../../../shared/api/contests.ts';
import { isEntryMember, managesOrganiser, visibleContest, type Contest } from './contests.access.ts';
import type { Ctx } from './contests.contests.service.ts';
import { activePupils, assertGradesInBands, assertNotRegistered, assertSchoolsAllowed } from './contests.eligibility.ts';
import { contestsPolicy } from './contests.policy.ts';
import { presentEntry } from './contests.present.ts';
import { contestCredentials, contestEntries, contestEntryMembers, contestSubmissions, contests } from './contests.schema.ts';

type Entry = typeof contestEntries.$inferSelect;

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** What blind judges see instead of names: short, unguessable from the team, no confusable letters. */
export function newEntryCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/**
 * Registers an individual or a team. Teacher-first: a teacher (or school leader) registers pupils of a school
 * they hold a role at; a pupil may register alone. Checks, all before anything is written: registration
 * window (server time), guardian consent, track, team size, every pupil is a student at a school inside the
 * organiser's area, in one of the grade bands, and — unless the rules allow — all from the lead school.
 */
export async function registerEntry(ctx: Ctx, contestId: string, input: RegisterBody) {
  const contest = await visibleContest(ctx.db, ctx.actor, contestId);
  const now = new Date();
  if (contest.status !== 'open' || now < contest.registrationOpensAt || now > contest.registrationClosesAt) {
    throw new AppError('CONTESTS_REGISTRATION_CLOSED');
  }
  if (!input.guardianConsent) throw new AppError('CONTESTS_CONSENT_REQUIRED');
  if (!contest.tracks.includes(input.track)) throw new AppError('VALIDATION_FAILED');
  const studentIds = [...new Set(input.studentIds)];
  if (input.kind === 'individual' ? studentIds.length !== 1 : studentIds.length > contest.rules.maxTeamSize) {
    throw new AppError('CONTESTS_TEAM_SIZE');
  }
  const { pupils: students, schools: schoolRows } = await activePupils(ctx.db, studentIds);
  const schoolById = new Map(schoolRows.map((s) => [s.id, s]));
  const lead = schoolById.get(students.find((s) => s.id === studentIds[0])!.schoolId)!;
  const selfRegistration = input.kind === 'individual' && ctx.actor.id === studentIds[0];
  if (!selfRegistration && !reachesSchool(ctx.actor, contestsPolicy.register, lead)) throw new AppError('FORBIDDEN');
  assertSchoolsAllowed(contest, schoolRows, lead.id);
  await assertGradesInBands(ctx.db, contest, studentIds);
  // Advisors: teachers at one of the team's schools; a registering teacher advises by default.
  const advisorIds = [...new Set([...input.advisorIds, ...(!selfRegistration && ctx.actor.id ? [ctx.actor.id] : [])])];
  const advisors = advisorIds.length
    ? await ctx.db
        .selectDistinct({ id: users.id, schoolId: memberships.schoolId, jurisdictionId: users.jurisdictionId })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(
          and(
            inArray(users.id, advisorIds),
            inArray(memberships.role, [...contestsPolicy.register]),
            inArray(memberships.schoolId, [...schoolById.keys()]),
          ),
        )
    : [];
  const advisorRows = [...new Map(advisors.map((a) => [a.id, a])).values()];
  if (advisorRows.length !== advisorIds.length) throw new AppError('CONTESTS_ADVISOR_INVALID');
  return ctx.db.transaction(async (tx) => {
    await assertNotRegistered(tx, contest.id, studentIds);
    const [entry] = await tx
      .insert(contestEntries)
      .values({
        contestId: contest.id,
        code: newEntryCode(),
        title: input.title,
        track: input.track,
        kind: input.kind,
        schoolId: lead.id,
        jurisdictionId: lead.jurisdictionId,
        guardianConsent: true,
        createdBy: ctx.actor.id,
      })
      .returning();
    await tx.insert(contestEntryMembers).values([
      ...studentIds.map((id) => {
        const s = students.find((x) => x.id === id)!;
        return { entryId: entry.id, userId: id, role: 'student' as const, schoolId: s.schoolId, jurisdictionId: s.jurisdictionId };
      }),
      ...advisorRows.map((a) => ({
        entryId: entry.id,
        userId: a.id,
        role: 'advisor' as const,
        schoolId: a.schoolId,
        jurisdictionId: a.jurisdictionId,
      })),
    ]);
    await notify(tx, {
      userIds: studentIds.filter((id) => id !== ctx.actor.id),
      kind: 'contests.registered',
      data: { contest: contest.name, title: entry.title },
      link: `/contests/${contest.id}/entries/${entry.id}`,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'contests.entry.register',
      targetType: 'contest_entry',
      targetId: entry.id,
      jurisdictionId: entry.jurisdictionId,
      schoolId: entry.schoolId,
      details: { contestId: contest.id, kind: entry.kind, students: studentIds.length },
    });
    return entryView(tx, ctx.actor, entry, contest);
  });
}

/** Entries of a contest the actor may see with names: organisers all; teachers their school's; members their own. */
export async function listEntries(ctx: Ctx, contestId: string) {
  const contest = await visibleContest(ctx.db, ctx.actor, contestId);
  const manager = await managesOrganiser(ctx.db, ctx.actor, contest);
  const actorId = ctx.actor.id ?? '00000000-0000-0000-0000-000000000000';
  const rows = await ctx.db
    .select()
    .from(contestEntries)
    .where(
      and(
        eq(contestEntries.contestId, contest.id),
        manager
          ? undefined
          : or(
              sql`${contestEntries.schoolId} IN (SELECT ${schools.id} FROM ${schools} WHERE ${schoolsInScope(ctx.actor, contestsPolicy.register)})`,
              exists(
                ctx.db
                  .select({ one: sql`1` })
                  .from(contestEntryMembers)
                  .where(and(eq(contestEntryMembers.entryId, contestEntries.id), eq(contestEntryMembers.userId, actorId))),
              ),
            ),
      ),
    )
    .orderBy(sql`${contestEntries.rank} asc nulls last`, contestEntries.createdAt)
    .limit(500);
  return { items: await Promise.all(rows.map((e) => entryView(ctx.db, ctx.actor, e, contest))) };
}

/** The entry if the actor may see it with names (member, teacher of its school, organiser); NOT_FOUND otherwise. */
export async function visibleEntry(
  db: DbOrTx,
  actor: Actor,
  entryId: string,
): Promise<{ entry: Entry; contest: Contest; manager: boolean }> {
  const [entry] = await db.select().from(contestEntries).where(eq(contestEntries.id, entryId));
  if (!entry) throw new AppError('NOT_FOUND');
  const [contest] = await db.select().from(contests).where(eq(contests.id, entry.contestId));
  const manager = await managesOrganiser(db, actor, contest);
  if (manager || (await isEntryMember(db, actor, entry.id))) return { entry, contest, manager };
  const [school] = await db.select().from(schools).where(eq(schools.id, entry.schoolId));
  if (reachesSchool(actor, contestsPolicy.register, school)) return { entry, contest, manager };
  throw new AppError('NOT_FOUND');
}

export async function getEntry(ctx: Ctx, entryId: string) {
  const { entry, contest } = await visibleEntry(ctx.db, ctx.actor, entryId);
  const view = await entryView(ctx.db, ctx.actor, entry, contest);
  // History: the rounds this entry came up through (upward recommendation keeps the chain).
  const history: { contestId: string; contestName: string; level: string; rank: number | null; award: string | null }[] = [];
  let source = entry.sourceEntryId;
  while (source && history.length < 5) {
    const [prev] = await ctx.db
      .select({ e: contestEntries, c: contests })
      .from(contestEntries)
      .innerJoin(contests, eq(contests.id, contestEntries.contestId))
      .where(eq(contestEntries.id, source));
    if (!prev) break;
    history.push({ contestId: prev.c.id, contestName: prev.c.name, level: prev.c.level, rank: prev.e.rank, award: prev.e.award });
    source = prev.e.sourceEntryId;
  }
  // Live award credentials of the pupils: the entry page links each to the public verification page.
  const credentials = await ctx.db
    .select({ credentialId: contestCredentials.id, userId: contestCredentials.userId, award: contestCredentials.award })
    .from(contestCredentials)
    .where(and(eq(contestCredentials.entryId, entry.id), isNull(contestCredentials.revokedAt)));
  return { ...view, history, credentials };
}

export async function entryView(db: DbOrTx, _actor: Actor, entry: Entry, contest: Contest) {
  const members = await db
    .select({ userId: users.id, displayName: users.displayName, role: contestEntryMembers.role, schoolNames: schools.names })
    .from(contestEntryMembers)
    .innerJoin(users, eq(users.id, contestEntryMembers.userId))
    .leftJoin(schools, eq(schools.id, contestEntryMembers.schoolId))
    .where(eq(contestEntryMembers.entryId, entry.id));
  const [school] = await db.select({ names: schools.names }).from(schools).where(eq(schools.id, entry.schoolId));
  const [latest] = await db
    .select()
    .from(contestSubmissions)
    .where(eq(contestSubmissions.entryId, entry.id))
    .orderBy(desc(contestSubmissions.version))
    .limit(1);
  return presentEntry(entry, {
    schoolName: (school?.names as never) ?? null,
    members: members.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      role: m.role,
      schoolName: (m.schoolNames as never) ?? null,
    })),
    latest: latest ?? null,
    showResult: contest.status !== 'open',
  });
}
