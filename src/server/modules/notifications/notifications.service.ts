import { and, arrayContains, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { enqueueJob } from '../../jobs/jobs.runner.ts';
import { notificationModule } from '../../../shared/notifications.ts';
import { sendNotificationEmailJob } from './notifications.jobs.ts';
import { notificationPreferences, notifications } from './notifications.schema.ts';

/**
 * One message to one or more users. `kind` is a stable key `<module>.<event>` (e.g. `network.proposal`) that the
 * UI translates with `data` as the values; `link` is the in-app path the message opens.
 */
export interface Notice {
  userIds: readonly string[];
  kind: string;
  data?: Record<string, unknown>;
  link?: string | null;
}

/**
 * Records the notice for every addressee inside the caller's transaction, so it exists only if the change does.
 * Addressees who asked for e-mail from this module get a delivery job in the same transaction; the job sends it
 * after commit, so a slow or broken mail server never holds up the request.
 *
 * Example: `await notify(tx, { userIds: [author.id], kind: 'library.approved', data: { title }, link: '/library/resources/…' })`
 */
export async function notify(tx: DbOrTx, notice: Notice): Promise<void> {
  const userIds = [...new Set(notice.userIds)];
  if (!userIds.length) return;
  const link = notice.link ?? null;
  // A link is opened by the web app's router: only in-app paths, never another site.
  if (link !== null && !/^\/(?!\/)/.test(link)) throw new Error(`notification link must be an in-app path: ${link}`);
  const module = notificationModule(notice.kind);
  const mailed = await tx
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(
      and(
        inArray(notificationPreferences.userId, userIds),
        isNotNull(notificationPreferences.email),
        arrayContains(notificationPreferences.emailModules, [module]),
      ),
    );
  const wantsMail = new Set(mailed.map((r) => r.userId));
  const rows = await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        userId,
        kind: notice.kind,
        data: notice.data ?? {},
        link,
        emailStatus: wantsMail.has(userId) ? ('pending' as const) : ('none' as const),
      })),
    )
    .returning({ id: notifications.id, emailStatus: notifications.emailStatus });
  for (const row of rows) {
    if (row.emailStatus === 'pending') await enqueueJob(tx, sendNotificationEmailJob, { notificationId: row.id });
  }
}
