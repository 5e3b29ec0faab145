import { and, asc, eq, inArray } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { trainingKeys } from './training.keys.ts';
import { managedProgramme, visibleProgramme } from './training.programmes.service.ts';
import { qrToken, qrWindow, secondsToRotation, verifyQrToken } from './training.qr.ts';
import { trainingAttendance as a, trainingEnrolments as e, trainingSessions } from './training.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

async function sessionById(db: DbOrTx, id: string) {
  const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

/**
 * The QR code the organiser shows in the room (or shares on screen online): a check-in link carrying the
 * current 30-second token. The page refreshes it when `refreshInSeconds` runs out.
 */
export async function sessionQr(ctx: Ctx, sessionId: string, nowMs = Date.now()) {
  const s = await sessionById(ctx.db, sessionId);
  await managedProgramme(ctx.db, ctx.actor, s.programmeId);
  const { qrKey, publicUrl } = trainingKeys();
  const token = qrToken(qrKey, s.id, qrWindow(nowMs));
  const url = `${publicUrl}/training/check-in?session=${s.id}&token=${token}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { sessionId: s.id, token, url, svg, refreshInSeconds: secondsToRotation(nowMs) };
}

/**
 * A teacher marks themselves present with the token from the QR code. Accepted only for a teacher enrolled
 * in the session's cohort and only with the token of the current or previous 30-second window.
 */
export async function checkIn(ctx: Ctx, sessionId: string, token: string, nowMs = Date.now()) {
  const s = await sessionById(ctx.db, sessionId);
  await visibleProgramme(ctx.db, ctx.actor, s.programmeId);
  const [en] = await ctx.db
    .select()
    .from(e)
    .where(and(eq(e.cohortId, s.cohortId), eq(e.userId, ctx.actor.id!), inArray(e.status, ['enrolled', 'completed'])));
  if (!en) throw new AppError('TRAINING_NOT_ENROLLED');
  if (!verifyQrToken(trainingKeys().qrKey, s.id, token, nowMs)) throw new AppError('TRAINING_QR_EXPIRED');
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(a)
      .values({
        sessionId: s.id,
        enrolmentId: en.id,
        userId: en.userId,
        jurisdictionId: en.jurisdictionId,
        schoolId: en.schoolId,
        present: true,
        method: 'qr',
        recordedBy: ctx.actor.id,
      })
      .onConflictDoUpdate({
        target: [a.sessionId, a.userId],
        set: { present: true, method: 'qr', recordedBy: ctx.actor.id, recordedAt: new Date() },
      });
    await recordAudit(tx, ctx.actor, {
      action: 'training.attendance.check_in',
      targetType: 'training_session',
      targetId: s.id,
      jurisdictionId: en.jurisdictionId,
      schoolId: en.schoolId,
    });
    return { sessionId: s.id, present: true, method: 'qr' as const };
  });
}

/** The organiser calls the roll: present or absent for each enrolled teacher named. */
export async function rollCall(ctx: Ctx, sessionId: string, entries: { userId: string; present: boolean }[]) {
  const s = await sessionById(ctx.db, sessionId);
  const prog = await managedProgramme(ctx.db, ctx.actor, s.programmeId);
  return ctx.db.transaction(async (tx) => {
    const cohort = await tx
      .select()
      .from(e)
      .where(
        and(
          eq(e.cohortId, s.cohortId),
          inArray(e.status, ['enrolled', 'completed']),
          inArray(
            e.userId,
            entries.map((x) => x.userId),
          ),
        ),
      );
    const byUser = new Map(cohort.map((c) => [c.userId, c]));
    const missing = entries.findIndex((x) => !byUser.has(x.userId));
    if (missing >= 0)
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: `body.entries.${missing}.userId`, code: 'not_enrolled', message: 'not in this cohort' }],
      });
    for (const x of entries) {
      const en = byUser.get(x.userId)!;
      await tx
        .insert(a)
        .values({
          sessionId: s.id,
          enrolmentId: en.id,
          userId: en.userId,
          jurisdictionId: en.jurisdictionId,
          schoolId: en.schoolId,
          present: x.present,
          method: 'roll_call',
          recordedBy: ctx.actor.id,
        })
        .onConflictDoUpdate({
          target: [a.sessionId, a.userId],
          set: { present: x.present, method: 'roll_call', recordedBy: ctx.actor.id, recordedAt: new Date() },
        });
    }
    await recordAudit(tx, ctx.actor, {
      action: 'training.attendance.roll_call',
      targetType: 'training_session',
      targetId: s.id,
      jurisdictionId: prog.jurisdictionId,
      schoolId: prog.schoolId,
      details: { entries: entries.length },
    });
    return { sessionId: s.id, recorded: entries.length };
  });
}

/** Who of the cohort is marked present at a session, for the organiser console. */
export async function sessionAttendance(ctx: Ctx, sessionId: string) {
  const s = await sessionById(ctx.db, sessionId);
  await managedProgramme(ctx.db, ctx.actor, s.programmeId);
  const rows = await ctx.db
    .select({ userId: e.userId, displayName: users.displayName, present: a.present, method: a.method, recordedAt: a.recordedAt })
    .from(e)
    .innerJoin(users, eq(users.id, e.userId))
    .leftJoin(a, and(eq(a.enrolmentId, e.id), eq(a.sessionId, s.id)))
    .where(and(eq(e.cohortId, s.cohortId), inArray(e.status, ['enrolled', 'completed'])))
    .orderBy(asc(users.displayName));
  return {
    sessionId: s.id,
    items: rows.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      present: r.present ?? false,
      method: r.method,
      recordedAt: r.recordedAt?.toISOString() ?? null,
    })),
  };
}
