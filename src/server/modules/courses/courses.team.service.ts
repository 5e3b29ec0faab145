import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import type { InviteBody } from '../../../shared/api/courses.ts';
import { managedCourse } from './courses.access.ts';
import type { CoursesCtx } from './courses.context.ts';
import { presentInvitation } from './courses.present.ts';
import { courseInvitations, courseMembers, courses } from './courses.schema.ts';

/**
 * Course teams cross schools and jurisdictions on purpose (a Nansha, a Kowloon and a Macao teacher write
 * one course). Inviting needs only a username or a school code; the invitee's personal data shown to the
 * team is their display name, school and jurisdiction, and only once they accept.
 */
export async function invite(ctx: CoursesCtx, courseId: string, input: InviteBody) {
  return ctx.db.transaction(async (tx) => {
    const course = await managedCourse(tx, ctx.actor, courseId);
    let invitees: { id: string }[];
    let viaSchoolId: string | null = null;
    if (input.username) {
      invitees = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.username, input.username.toLowerCase()), eq(users.status, 'active')));
      if (!invitees.length) throw new AppError('COURSE_INVITEE_UNKNOWN');
    } else {
      const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.code, input.schoolCode!));
      if (!school) throw new AppError('COURSE_INVITEE_UNKNOWN');
      viaSchoolId = school.id;
      invitees = await tx
        .selectDistinct({ id: users.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.schoolId, school.id), eq(memberships.role, 'teacher'), eq(users.status, 'active')));
    }
    const members = await tx.select({ userId: courseMembers.userId }).from(courseMembers).where(eq(courseMembers.courseId, courseId));
    const pending = await tx
      .select({ userId: courseInvitations.userId })
      .from(courseInvitations)
      .where(and(eq(courseInvitations.courseId, courseId), eq(courseInvitations.status, 'pending')));
    const skip = new Set([...members, ...pending].map((m) => m.userId));
    const fresh = invitees.filter((u) => !skip.has(u.id));
    if (input.username && !fresh.length) throw new AppError('COURSE_ALREADY_INVITED');
    const rows = fresh.length
      ? await tx
          .insert(courseInvitations)
          .values(fresh.map((u) => ({ courseId, userId: u.id, role: input.role, viaSchoolId, invitedBy: ctx.actor.id! })))
          .returning()
      : [];
    await recordAudit(tx, ctx.actor, {
      action: 'course.invite',
      targetType: 'course',
      targetId: courseId,
      schoolId: course.schoolId,
      jurisdictionId: course.jurisdictionId,
      details: { role: input.role, username: input.username ?? null, schoolCode: input.schoolCode ?? null, invited: rows.length },
    });
    return { invited: rows.length };
  });
}

/** The invitations addressed to the signed-in user, open ones first. */
export async function myInvitations(ctx: CoursesCtx) {
  if (!ctx.actor.id) return { items: [] };
  const rows = await ctx.db
    .select({ inv: courseInvitations, title: courses.title, invitedBy: users.displayName })
    .from(courseInvitations)
    .innerJoin(courses, eq(courses.id, courseInvitations.courseId))
    .innerJoin(users, eq(users.id, courseInvitations.invitedBy))
    .where(eq(courseInvitations.userId, ctx.actor.id))
    .orderBy(sql`${courseInvitations.status} = 'pending' desc`, desc(courseInvitations.createdAt))
    .limit(100);
  return { items: rows.map((r) => presentInvitation(r.inv, r.title, r.invitedBy)) };
}

/** Open invitations of a course (for its owner). */
export async function courseInvitationsList(ctx: CoursesCtx, courseId: string) {
  await managedCourse(ctx.db, ctx.actor, courseId);
  const rows = await ctx.db
    .select({ inv: courseInvitations, title: courses.title, invitee: users.displayName })
    .from(courseInvitations)
    .innerJoin(courses, eq(courses.id, courseInvitations.courseId))
    .innerJoin(users, eq(users.id, courseInvitations.userId))
    .where(and(eq(courseInvitations.courseId, courseId), eq(courseInvitations.status, 'pending')))
    .orderBy(desc(courseInvitations.createdAt))
    .limit(200);
  return { items: rows.map((r) => ({ ...presentInvitation(r.inv, r.title, ''), invitee: r.invitee })) };
}

export async function decideInvitation(ctx: CoursesCtx, invitationId: string, accept: boolean) {
  return ctx.db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(courseInvitations)
      .where(and(eq(courseInvitations.id, invitationId), eq(courseInvitations.userId, ctx.actor.id ?? sql`null`)));
    if (!inv) throw new AppError('NOT_FOUND');
    if (inv.status !== 'pending') throw new AppError('COURSE_INVITATION_DECIDED');
    await tx
      .update(courseInvitations)
      .set({ status: accept ? 'accepted' : 'declined', decidedAt: new Date() })
      .where(eq(courseInvitations.id, invitationId));
    if (accept) await tx.insert(courseMembers).values({ courseId: inv.courseId, userId: inv.userId, role: inv.role }).onConflictDoNothing();
    const [course] = await tx.select().from(courses).where(eq(courses.id, inv.courseId));
    await recordAudit(tx, ctx.actor, {
      action: accept ? 'course.invitation.accept' : 'course.invitation.decline',
      targetType: 'course',
      targetId: inv.courseId,
      schoolId: course.schoolId,
      jurisdictionId: course.jurisdictionId,
      details: { role: inv.role },
    });
    return { courseId: inv.courseId, status: accept ? 'accepted' : 'declined' };
  });
}

/** Removes a member (the owner cannot be removed; a member may leave by removing themself). */
export async function removeMember(ctx: CoursesCtx, courseId: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const course = userId === ctx.actor.id ? null : await managedCourse(tx, ctx.actor, courseId);
    const [target] = await tx
      .select()
      .from(courseMembers)
      .where(and(eq(courseMembers.courseId, courseId), eq(courseMembers.userId, userId)));
    if (!target) throw new AppError('NOT_FOUND');
    if (target.role === 'owner') throw new AppError('COURSE_OWNER_STAYS');
    await tx.delete(courseMembers).where(and(eq(courseMembers.courseId, courseId), eq(courseMembers.userId, userId)));
    const [c] = course ? [course] : await tx.select().from(courses).where(eq(courses.id, courseId));
    await recordAudit(tx, ctx.actor, {
      action: 'course.member.remove',
      targetType: 'course',
      targetId: courseId,
      schoolId: c.schoolId,
      jurisdictionId: c.jurisdictionId,
      details: { userId, role: target.role },
    });
  });
}
