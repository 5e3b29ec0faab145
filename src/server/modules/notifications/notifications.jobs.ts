import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { loadMailSettings } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { JobDefinition } from '../../jobs/jobs.runner.ts';
import { users } from '../identity/identity.schema.ts';
import { notificationModule } from '../../../shared/notifications.ts';
import { renderNotificationEmail, sendEmail } from './notifications.mail.ts';
import { notificationPreferences, notifications, type EmailStatus } from './notifications.schema.ts';

const MAX_ATTEMPTS = 5;

/**
 * Sends the e-mail copy of one notification. Enqueued by `notify()` in the writing transaction and run by the
 * job runner after commit; a refusing or unreachable SMTP server makes it throw, and the runner retries with
 * backoff (2, 4, 8, 16 s) before the notification is marked `failed`. Registered by jobs.registry.ts.
 *
 * The SMTP settings are read when the job runs (jobs get no Config): an operator who removes SMTP stops the
 * queue from mailing at once, and its jobs end as `skipped`.
 */
export const sendNotificationEmailJob: JobDefinition<{ notificationId: string }> = {
  name: 'notifications.send-email',
  payload: z.object({ notificationId: z.uuid() }),
  maxAttempts: MAX_ATTEMPTS,
  leaseMs: 60_000,
  async handler({ db, payload, attempt }) {
    const [row] = await db
      .select({
        n: notifications,
        displayName: users.displayName,
        locale: users.locale,
        active: users.status,
        email: notificationPreferences.email,
        emailModules: notificationPreferences.emailModules,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
      .where(eq(notifications.id, payload.notificationId));
    // Sent already (a retry after a lost acknowledgement) or gone: nothing to do, never a second copy.
    if (!row || row.n.emailStatus !== 'pending') return { skipped: row ? row.n.emailStatus : 'gone' };
    const settings = loadMailSettings();
    const stillWanted = row.active === 'active' && row.email && (row.emailModules ?? []).includes(notificationModule(row.n.kind));
    if (!settings || !stillWanted) {
      await setStatus(db, row.n.id, 'skipped');
      return { skipped: settings ? 'recipient opted out' : 'SMTP not configured' };
    }
    const email = renderNotificationEmail(row.n, { displayName: row.displayName, locale: row.locale }, settings.publicUrl);
    try {
      await sendEmail(settings, row.email!, email);
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) await setStatus(db, row.n.id, 'failed');
      throw err;
    }
    await setStatus(db, row.n.id, 'sent');
    return { sent: true };
  },
};

async function setStatus(db: Db, id: string, status: EmailStatus) {
  await db
    .update(notifications)
    .set({ emailStatus: status, emailedAt: status === 'sent' ? new Date() : null })
    .where(and(eq(notifications.id, id), eq(notifications.emailStatus, 'pending')));
}
