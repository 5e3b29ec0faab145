import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { enqueueJob, type JobDefinition } from '../../jobs/jobs.runner.ts';
import { jobs } from '../../jobs/jobs.schema.ts';
import { assistantConversations, assistantProviders } from './assistant.schema.ts';

/** Days kept when a jurisdiction has no provider row (offline mode still keeps conversations). */
export const DEFAULT_RETENTION_DAYS = 30;

/**
 * Retention: conversations (prompts and answers) older than the jurisdiction's retention period are
 * deleted, messages with them. Returns how many conversations went.
 */
export async function purgeExpiredConversations(db: DbOrTx, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(assistantConversations)
    .where(
      lt(
        assistantConversations.updatedAt,
        sql`${now.toISOString()}::timestamptz - make_interval(days => coalesce((select ${assistantProviders.retentionDays} from ${assistantProviders} where ${assistantProviders.jurisdictionId} = ${assistantConversations.jurisdictionId}), ${DEFAULT_RETENTION_DAYS}))`,
      ),
    )
    .returning({ id: assistantConversations.id });
  return deleted.length;
}

/** The daily housekeeping job: purges, then schedules its next run a day later. */
export const retentionPurgeJob: JobDefinition<Record<string, never>> = {
  name: 'assistant.retention-purge',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  maxAttempts: 3,
  async handler({ db }) {
    const purged = await purgeExpiredConversations(db);
    await enqueueJob(db, retentionPurgeJob, {}, { runAfter: new Date(Date.now() + 86_400_000) });
    return { purged };
  },
};

/** Starts the daily chain once (called when a conversation is created); a no-op while one is pending. */
export async function ensureRetentionPurge(tx: DbOrTx): Promise<void> {
  const [pending] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, retentionPurgeJob.name), inArray(jobs.status, ['queued', 'running'])))
    .limit(1);
  if (!pending) await enqueueJob(tx, retentionPurgeJob, {}, { runAfter: new Date(Date.now() + 3600_000) });
}
