import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { notify } from '../notifications/notifications.service.ts';
import { authorityUnits, jurisdictions, schools } from '../tenancy/tenancy.schema.ts';
import type { CreateEventBody } from '../../../shared/api/contests.ts';
import { managesOrganiser } from './contests.access.ts';
import { organiserNames, type Ctx } from './contests.contests.service.ts';
import { contestsPolicy, ORGANISER_ROLES } from './contests.policy.ts';
import { presentEvent } from './contests.present.ts';
import { contestEventSignups, contestEvents } from './contests.schema.ts';

/**
 * Events (院士专家进校园, 科普日, lab and enterprise visits): capacity, sign-up, a first-come waitlist with
 * automatic promotion when a seat frees, attendance, feedback, and a public listing per jurisdiction.
 * Every seat-changing write locks the event row first, so two sign-ups can never take the last seat twice.
 */

type EventRow = typeof contestEvents.$inferSelect;

async function counts(db: DbOrTx, eventIds: string[]) {
  if (!eventIds.length) return new Map<string, { confirmed: number; waitlisted: number }>();
  const rows = await db
    .select({
      eventId: contestEventSignups.eventId,
      confirmed: sql<number>`count(*) filter (where ${contestEventSignups.status} = 'confirmed')`.mapWith(Number),
      waitlisted: sql<number>`count(*) filter (where ${contestEventSignups.status} = 'waitlisted')`.mapWith(Number),
    })
    .from(contestEventSignups)
    .where(inArray(contestEventSignups.eventId, eventIds))
    .groupBy(contestEventSignups.eventId);
  return new Map(rows.map((r) => [r.eventId, r]));
}

async function present(db: DbOrTx, rows: EventRow[], lang: 'zh-Hans' | 'zh-Hant' | 'en' = 'zh-Hans') {
  const c = await counts(
    db,
    rows.map((r) => r.id),
  );
  return Promise.all(
    rows.map(async (r) => presentEvent(r, c.get(r.id) ?? { confirmed: 0, waitlisted: 0 }, (await organiserNames(db, r))?.[lang] ?? null)),
  );
}

export async function createEvent(ctx: Ctx, input: CreateEventBody) {
  requireRole(ctx.actor, ORGANISER_ROLES);
  if (!!input.organiserUnitId === !!input.organiserSchoolId || input.endsAt < input.startsAt) throw new AppError('VALIDATION_FAILED');
  const ref = { organiserUnitId: input.organiserUnitId ?? null, organiserSchoolId: input.organiserSchoolId ?? null };
  const [place] = ref.organiserSchoolId
    ? await ctx.db.select({ jurisdictionId: schools.jurisdictionId }).from(schools).where(eq(schools.id, ref.organiserSchoolId))
    : await ctx.db
        .select({ jurisdictionId: authorityUnits.jurisdictionId })
        .from(authorityUnits)
        .where(eq(authorityUnits.id, ref.organiserUnitId!));
  if (!place) throw new AppError('NOT_FOUND');
  if (!(await managesOrganiser(ctx.db, ctx.actor, { ...ref, jurisdictionId: place.jurisdictionId }))) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: contestEvents.id }).from(contestEvents).where(eq(contestEvents.code, input.code));
    if (taken) throw new AppError('CONTESTS_CODE_TAKEN');
    const [row] = await tx
      .insert(contestEvents)
      .values({ ...input, ...ref, jurisdictionId: place.jurisdictionId })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'contests.event.create',
      targetType: 'contest_event',
      targetId: row.id,
      jurisdictionId: row.jurisdictionId,
    });
    return (await present(tx, [row]))[0];
  });
}

/** Upcoming events of the actor's jurisdictions (the calendar), with the actor's own sign-up status. */
export async function listEvents(ctx: Ctx) {
  const jids = [...new Set(ctx.actor.memberships.map((m) => m.jurisdictionId))];
  if (!jids.length) return { items: [] };
  const rows = await ctx.db
    .select()
    .from(contestEvents)
    .where(and(inArray(contestEvents.jurisdictionId, jids), gte(contestEvents.endsAt, new Date(Date.now() - 30 * 86400_000))))
    .orderBy(asc(contestEvents.startsAt))
    .limit(200);
  const mine = ctx.actor.id
    ? await ctx.db
        .select({ eventId: contestEventSignups.eventId, status: contestEventSignups.status, id: contestEventSignups.id })
        .from(contestEventSignups)
        .where(eq(contestEventSignups.userId, ctx.actor.id))
    : [];
  const items = await present(ctx.db, rows);
  return {
    items: await Promise.all(
      items.map(async (e, i) => ({
        ...e,
        mySignup: mine.find((m) => m.eventId === e.id) ?? null,
        canManage: await managesOrganiser(ctx.db, ctx.actor, rows[i]),
      })),
    ),
  };
}

/** Public listing (no sign-in): published upcoming events of one jurisdiction, seat counts only, no names. */
export async function publicEvents(db: Db, jurisdictionCode: string) {
  const [j] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, jurisdictionCode));
  if (!j) throw new AppError('NOT_FOUND');
  const rows = await db
    .select()
    .from(contestEvents)
    .where(and(eq(contestEvents.jurisdictionId, j.id), eq(contestEvents.status, 'published'), gte(contestEvents.endsAt, new Date())))
    .orderBy(asc(contestEvents.startsAt))
    .limit(200);
  return { items: await present(db, rows) };
}

async function lockEvent(tx: DbOrTx, actor: Actor, eventId: string): Promise<EventRow> {
  const jids = [...new Set(actor.memberships.map((m) => m.jurisdictionId))];
  const [ev] = await tx
    .select()
    .from(contestEvents)
    .where(and(eq(contestEvents.id, eventId), jids.length ? inArray(contestEvents.jurisdictionId, jids) : sql`false`))
    .for('update');
  if (!ev) throw new AppError('NOT_FOUND');
  return ev;
}

async function confirmedCount(tx: DbOrTx, eventId: string) {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(contestEventSignups)
    .where(and(eq(contestEventSignups.eventId, eventId), eq(contestEventSignups.status, 'confirmed')));
  return n;
}

/** Signs the actor up: a seat if one is free, else the end of the waitlist. Signing up again re-activates. */
export async function signUp(ctx: Ctx, eventId: string) {
  requireRole(ctx.actor, contestsPolicy.attend);
  return ctx.db.transaction(async (tx) => {
    const ev = await lockEvent(tx, ctx.actor, eventId);
    if (ev.status !== 'published' || ev.startsAt < new Date()) throw new AppError('CONTESTS_EVENT_CLOSED');
    const [me] = await tx
      .select({ schoolId: users.schoolId, jurisdictionId: users.jurisdictionId })
      .from(users)
      .where(eq(users.id, ctx.actor.id!));
    const [existing] = await tx
      .select()
      .from(contestEventSignups)
      .where(and(eq(contestEventSignups.eventId, ev.id), eq(contestEventSignups.userId, ctx.actor.id!)));
    if (existing && existing.status !== 'cancelled') throw new AppError('CONTESTS_ALREADY_SIGNED_UP');
    const status = (await confirmedCount(tx, ev.id)) < ev.capacity ? ('confirmed' as const) : ('waitlisted' as const);
    const [row] = existing
      ? await tx
          .update(contestEventSignups)
          .set({ status, createdAt: new Date() })
          .where(eq(contestEventSignups.id, existing.id))
          .returning()
      : await tx
          .insert(contestEventSignups)
          .values({ eventId: ev.id, userId: ctx.actor.id!, schoolId: me.schoolId, jurisdictionId: me.jurisdictionId, status })
          .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'contests.event.signup',
      targetType: 'contest_event',
      targetId: ev.id,
      jurisdictionId: ev.jurisdictionId,
      schoolId: me.schoolId,
      details: { status },
    });
    return { id: row.id, status: row.status };
  });
}

/** Cancels the actor's sign-up; a freed seat goes to the first on the waitlist at once, who is told. */
export async function cancelSignUp(ctx: Ctx, eventId: string) {
  return ctx.db.transaction(async (tx) => {
    const ev = await lockEvent(tx, ctx.actor, eventId);
    const [mine] = await tx
      .select()
      .from(contestEventSignups)
      .where(
        and(eq(contestEventSignups.eventId, ev.id), eq(contestEventSignups.userId, ctx.actor.id ?? '00000000-0000-0000-0000-000000000000')),
      );
    if (!mine || mine.status === 'cancelled') throw new AppError('NOT_FOUND');
    await tx.update(contestEventSignups).set({ status: 'cancelled' }).where(eq(contestEventSignups.id, mine.id));
    const promoted = await fillFreeSeats(tx, ev);
    await recordAudit(tx, ctx.actor, {
      action: 'contests.event.cancel_signup',
      targetType: 'contest_event',
      targetId: ev.id,
      jurisdictionId: ev.jurisdictionId,
      details: { promoted },
    });
    return { status: 'cancelled' as const, promoted: promoted.length };
  });
}

/** Moves waitlisted people (oldest first) into free seats. Call with the event row locked. */
async function fillFreeSeats(tx: DbOrTx, ev: EventRow): Promise<string[]> {
  const free = ev.capacity - (await confirmedCount(tx, ev.id));
  if (free <= 0) return [];
  const next = await tx
    .select()
    .from(contestEventSignups)
    .where(and(eq(contestEventSignups.eventId, ev.id), eq(contestEventSignups.status, 'waitlisted')))
    .orderBy(asc(contestEventSignups.createdAt), asc(contestEventSignups.id))
    .limit(free);
  if (!next.length) return [];
  await tx
    .update(contestEventSignups)
    .set({ status: 'confirmed' })
    .where(
      inArray(
        contestEventSignups.id,
        next.map((n) => n.id),
      ),
    );
  await notify(tx, {
    userIds: next.map((n) => n.userId),
    kind: 'contests.event_seat',
    data: { event: ev.title },
    link: `/contests/events`,
  });
  return next.map((n) => n.userId);
}

/** The organiser's sign-up list (names: organisers only). */
export async function eventSignups(ctx: Ctx, eventId: string) {
  const ev = await lockEvent(ctx.db, ctx.actor, eventId).catch(() => null);
  if (!ev) throw new AppError('NOT_FOUND');
  if (!(await managesOrganiser(ctx.db, ctx.actor, ev))) throw new AppError('FORBIDDEN');
  const rows = await ctx.db
    .select({ s: contestEventSignups, displayName: users.displayName })
    .from(contestEventSignups)
    .innerJoin(users, eq(users.id, contestEventSignups.userId))
    .where(eq(contestEventSignups.eventId, ev.id))
    .orderBy(asc(contestEventSignups.createdAt));
  return {
    items: rows.map(({ s, displayName }) => ({
      id: s.id,
      displayName,
      status: s.status,
      attended: s.attended,
      rating: s.rating,
      feedback: s.feedback,
      signedUpAt: s.createdAt.toISOString(),
    })),
  };
}

export async function markAttendance(ctx: Ctx, eventId: string, input: { signupIds: string[]; attended: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const ev = await lockEvent(tx, ctx.actor, eventId);
    if (!(await managesOrganiser(tx, ctx.actor, ev))) throw new AppError('FORBIDDEN');
    const rows = input.signupIds.length
      ? await tx
          .update(contestEventSignups)
          .set({ attended: input.attended })
          .where(
            and(
              eq(contestEventSignups.eventId, ev.id),
              eq(contestEventSignups.status, 'confirmed'),
              inArray(contestEventSignups.id, input.signupIds),
            ),
          )
          .returning({ id: contestEventSignups.id })
      : [];
    await recordAudit(tx, ctx.actor, {
      action: 'contests.event.attendance',
      targetType: 'contest_event',
      targetId: ev.id,
      jurisdictionId: ev.jurisdictionId,
      details: { count: rows.length, attended: input.attended },
    });
    return { updated: rows.length };
  });
}

/** Feedback from someone who held a seat, once the event has started. */
export async function giveFeedback(ctx: Ctx, eventId: string, input: { rating: number; answers: Record<string, string> }) {
  return ctx.db.transaction(async (tx) => {
    const ev = await lockEvent(tx, ctx.actor, eventId);
    if (ev.startsAt > new Date()) throw new AppError('CONTESTS_EVENT_NOT_STARTED');
    const rows = await tx
      .update(contestEventSignups)
      .set({ rating: input.rating, feedback: input.answers })
      .where(
        and(
          eq(contestEventSignups.eventId, ev.id),
          eq(contestEventSignups.userId, ctx.actor.id ?? '00000000-0000-0000-0000-000000000000'),
          eq(contestEventSignups.status, 'confirmed'),
        ),
      )
      .returning({ id: contestEventSignups.id });
    if (!rows.length) throw new AppError('NOT_FOUND');
    return { ok: true };
  });
}
