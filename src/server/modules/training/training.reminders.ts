import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { enqueueJob, type JobDefinition } from '../../jobs/jobs.runner.ts';
import { notify } from '../notifications/notifications.service.ts';
import { trainingEnrolments, trainingProgrammes, trainingSessionReminders, trainingSessions } from './training.schema.ts';

/**
 * Session reminders. Each session gets one durable job, due `reminderMinutesBefore` (default 24 h) before it
 * starts; teachers who join after that moment get a job due at once. The job reminds every enrolled teacher
 * and the programme's organiser, and `training_session_reminders` (primary key session × person) makes
 * "once per session per person" hold however many jobs run, twice, or concurrently.
 */
export const sessionReminderJob: JobDefinition<{ sessionId: string }> = {
  name: 'training.session-reminder',
  payload: z.object({ sessionId: z.uuid() }),
  maxAttempts: 5,
  async handler({ db, payload }) {
    const [row] = await db
      .select({ s: trainingSessions, programmeTitle: trainingProgrammes.title, organiserId: trainingProgrammes.createdBy })
      .from(trainingSessions)
      .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingSessions.programmeId))
      .where(eq(trainingSessions.id, payload.sessionId));
    if (!row) return { skipped: 'session gone' };
    if (row.s.startsAt.getTime() <= Date.now()) return { skipped: 'session started' };
    return db.transaction(async (tx) => {
      const enrolled = await tx
        .select({ userId: trainingEnrolments.userId })
        .from(trainingEnrolments)
        .where(and(eq(trainingEnrolments.cohortId, row.s.cohortId), eq(trainingEnrolments.status, 'enrolled')));
      const people = [...new Set([...enrolled.map((e) => e.userId), ...(row.organiserId ? [row.organiserId] : [])])];
      if (!people.length) return { reminded: 0 };
      // Claim the (session, person) pairs first: only the ones this run inserted are notified.
      const claimed = await tx
        .insert(trainingSessionReminders)
        .values(people.map((userId) => ({ sessionId: row.s.id, userId })))
        .onConflictDoNothing()
        .returning({ userId: trainingSessionReminders.userId });
      await notify(tx, {
        userIds: claimed.map((c) => c.userId),
        kind: 'training.sessionReminder',
        data: {
          session: row.s.title,
          programme: row.programmeTitle,
          // The UI shows UTC+8 (DESIGN.md §5); written out here so the e-mail reads the same in every language.
          startsAt: formatUtc8(row.s.startsAt),
          where: row.s.mode === 'online' ? { t: 'training.modes.online' } : (row.s.venue ?? ''),
        },
        link: `/training/programmes/${row.s.programmeId}`,
      });
      return { reminded: claimed.length };
    });
  },
};

/** Schedules a new session's reminder; call in the transaction that creates the session. */
export async function scheduleSessionReminder(tx: DbOrTx, session: { id: string; startsAt: Date; reminderMinutesBefore: number }) {
  if (session.startsAt.getTime() <= Date.now()) return;
  const due = new Date(Math.max(Date.now(), session.startsAt.getTime() - session.reminderMinutesBefore * 60_000));
  await enqueueJob(tx, sessionReminderJob, { sessionId: session.id }, { runAfter: due });
}

/**
 * A teacher enrolled after a session's reminder went out would never hear of it: for sessions already inside
 * their reminder window, run the reminder again now (those reminded before are skipped by the claim).
 */
export async function remindLateJoiners(tx: DbOrTx, programmeId: string) {
  const due = await tx
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.programmeId, programmeId),
        gt(trainingSessions.startsAt, sql`now()`),
        lte(sql`${trainingSessions.startsAt} - make_interval(mins => ${trainingSessions.reminderMinutesBefore})`, sql`now()`),
      ),
    );
  for (const s of due) await enqueueJob(tx, sessionReminderJob, { sessionId: s.id });
}

/** `2026-11-24 09:30 (UTC+8)`. */
function formatUtc8(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
}
