import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hasAnyRole, requireRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { notify } from '../notifications/notifications.service.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { networkPolicy } from './network.policy.ts';
import { networkExperts, networkLectures, networkMentoringLogs, networkMentorships } from './network.schema.ts';
import { loadSchool, reaches, usersWithRoleAt } from './network.store.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

/** The registry of university and industry experts, with their lectures and the schools they mentor. */
export async function listExperts(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, networkPolicy.staff);
  const experts = await ctx.db.select().from(networkExperts).orderBy(asc(networkExperts.name));
  const ids = experts.map((e) => e.id);
  const [mentorships, lectures] = ids.length
    ? await Promise.all([
        ctx.db
          .select({ m: networkMentorships, school: schools })
          .from(networkMentorships)
          .innerJoin(schools, eq(schools.id, networkMentorships.schoolId))
          .where(inArray(networkMentorships.expertId, ids)),
        ctx.db.select().from(networkLectures).where(inArray(networkLectures.expertId, ids)).orderBy(desc(networkLectures.on)),
      ])
    : [[], []];
  return {
    canManage: hasAnyRole(actor, networkPolicy.manageExperts),
    items: experts.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      affiliation: e.affiliation,
      fields: e.fields,
      availability: e.availability,
      mentorships: mentorships
        .filter((r) => r.m.expertId === e.id)
        .map((r) => ({
          id: r.m.id,
          schoolId: r.school.id,
          school: r.school.names,
          focus: r.m.focus,
          // The mentoring log is for the school's own staff and the bureaus above it.
          canLog: reaches(actor, networkPolicy.logMentoring, r.school),
        })),
      lectures: lectures.filter((l) => l.expertId === e.id).map((l) => ({ id: l.id, title: l.title, on: l.on, eventRef: l.eventRef })),
    })),
  };
}

export async function createExpert(
  ctx: Ctx,
  body: { name: string; kind: 'university' | 'industry'; affiliation: string; fields: string[]; availability: string },
) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, networkPolicy.manageExperts);
  const id = await ctx.db.transaction(async (tx) => {
    const [e] = await tx.insert(networkExperts).values(body).returning({ id: networkExperts.id });
    await recordAudit(tx, actor, {
      action: 'network.expert.create',
      targetType: 'network_expert',
      targetId: e.id,
      details: { name: body.name },
    });
    return e.id;
  });
  return { id };
}

/** Pairs an expert with a school (结对指导); the school's principals are told. */
export async function pairExpert(ctx: Ctx, expertId: string, body: { schoolId: string; focus: string }) {
  const actor = requireUser(ctx.actor);
  const school = await loadSchool(ctx.db, body.schoolId);
  if (!reaches(actor, networkPolicy.pairExpert, school)) throw new AppError('NOT_FOUND');
  const [expert] = await ctx.db.select().from(networkExperts).where(eq(networkExperts.id, expertId));
  if (!expert) throw new AppError('NOT_FOUND');
  const id = await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(networkMentorships)
      .values({ expertId, schoolId: school.id, focus: body.focus, createdBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: networkMentorships.id });
    if (!m) throw new AppError('NETWORK_MENTORSHIP_EXISTS');
    await recordAudit(tx, actor, {
      action: 'network.mentorship.create',
      targetType: 'network_mentorship',
      targetId: m.id,
      jurisdictionId: school.jurisdictionId,
      schoolId: school.id,
      details: { expertId },
    });
    await notify(tx, {
      userIds: (await usersWithRoleAt(tx, school.id, 'principal')).filter((u) => u !== actor.id),
      kind: 'network.mentorship',
      data: { expert: expert.name, focus: body.focus },
      link: '/network/experts',
    });
    return m.id;
  });
  return { id };
}

async function loadMentorship(ctx: Ctx, id: string) {
  const [m] = await ctx.db.select().from(networkMentorships).where(eq(networkMentorships.id, id));
  if (!m) throw new AppError('NOT_FOUND');
  const school = await loadSchool(ctx.db, m.schoolId);
  if (!reaches(ctx.actor, networkPolicy.logMentoring, school)) throw new AppError('NOT_FOUND');
  return { mentorship: m, school };
}

export async function listMentoringLog(ctx: Ctx, mentorshipId: string) {
  requireUser(ctx.actor);
  await loadMentorship(ctx, mentorshipId);
  const rows = await ctx.db
    .select()
    .from(networkMentoringLogs)
    .where(eq(networkMentoringLogs.mentorshipId, mentorshipId))
    .orderBy(desc(networkMentoringLogs.on));
  return { items: rows.map((r) => ({ id: r.id, on: r.on, minutes: r.minutes, note: r.note })) };
}

export async function addMentoringLog(ctx: Ctx, mentorshipId: string, body: { on: string; minutes: number; note: string }) {
  const actor = requireUser(ctx.actor);
  const { school } = await loadMentorship(ctx, mentorshipId);
  await ctx.db.transaction(async (tx) => {
    const [l] = await tx
      .insert(networkMentoringLogs)
      .values({ mentorshipId, ...body, authorId: actor.id })
      .returning({ id: networkMentoringLogs.id });
    await recordAudit(tx, actor, {
      action: 'network.mentoring.log',
      targetType: 'network_mentorship',
      targetId: mentorshipId,
      jurisdictionId: school.jurisdictionId,
      schoolId: school.id,
      details: { logId: l.id, minutes: body.minutes },
    });
  });
  return listMentoringLog(ctx, mentorshipId);
}

export async function addLecture(ctx: Ctx, expertId: string, body: { title: string; on: string; eventRef?: string }) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, networkPolicy.manageExperts);
  const [expert] = await ctx.db.select().from(networkExperts).where(eq(networkExperts.id, expertId));
  if (!expert) throw new AppError('NOT_FOUND');
  const id = await ctx.db.transaction(async (tx) => {
    const [l] = await tx
      .insert(networkLectures)
      .values({ expertId, title: body.title, on: body.on, eventRef: body.eventRef ?? null })
      .returning({ id: networkLectures.id });
    await recordAudit(tx, actor, {
      action: 'network.lecture.create',
      targetType: 'network_expert',
      targetId: expertId,
      details: { lectureId: l.id },
    });
    return l.id;
  });
  return { id };
}
