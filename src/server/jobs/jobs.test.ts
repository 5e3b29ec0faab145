import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { freshDatabase } from '../test/test-database.ts';
import { enqueueJob, getJob, JobRegistry, runJobsUntilIdle } from './jobs.runner.ts';
import { jobs } from './jobs.schema.ts';

describe('background jobs', () => {
  let database: DatabaseHandle;
  const registry = new JobRegistry();
  const processed: number[] = [];
  let crashAt: number | null = null;

  const countTo = registry.define<{ to: number }, { next: number }>({
    name: 'test.count',
    payload: z.object({ to: z.number().int() }),
    async handler(ctx) {
      for (let i = ctx.checkpoint?.next ?? 0; i < ctx.payload.to; i++) {
        if (crashAt === i) {
          crashAt = null;
          throw new Error('simulated crash');
        }
        processed.push(i);
        await ctx.saveCheckpoint({ next: i + 1 });
        await ctx.progress(i + 1, ctx.payload.to);
      }
      return { counted: ctx.payload.to };
    },
  });
  const alwaysFails = registry.define({
    name: 'test.fail',
    payload: z.object({}),
    maxAttempts: 2,
    handler: async () => Promise.reject(new Error('nope')),
  });

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  const runner = () => ({ db: database.db, registry });
  const dueNow = (id: string) =>
    database.db
      .update(jobs)
      .set({ runAfter: new Date(0) })
      .where(eq(jobs.id, id));

  it('runs a job to completion with progress and a result', async () => {
    processed.length = 0;
    const id = await enqueueJob(database.db, countTo, { to: 3 });
    await runJobsUntilIdle(runner());
    const job = await getJob(database.db, id);
    expect(job).toMatchObject({ status: 'succeeded', result: { counted: 3 }, progress: { done: 3, total: 3 } });
    expect(processed).toEqual([0, 1, 2]);
  });

  it('resumes from its checkpoint after a failure instead of starting over', async () => {
    processed.length = 0;
    crashAt = 2;
    const id = await enqueueJob(database.db, countTo, { to: 4 });
    await runJobsUntilIdle(runner());
    expect((await getJob(database.db, id))?.status).toBe('queued');
    await dueNow(id);
    await runJobsUntilIdle(runner());
    expect((await getJob(database.db, id))?.status).toBe('succeeded');
    expect(processed).toEqual([0, 1, 2, 3]);
  });

  it('takes over a job whose worker died (lease expired)', async () => {
    processed.length = 0;
    const id = await enqueueJob(database.db, countTo, { to: 2 });
    // A worker claimed it and was killed: status running, lease in the past.
    await database.db
      .update(jobs)
      .set({ status: 'running', lockedBy: 'dead-worker', lockedUntil: new Date(Date.now() - 1000), attempts: 1, checkpoint: { next: 1 } })
      .where(eq(jobs.id, id));
    await runJobsUntilIdle(runner());
    expect((await getJob(database.db, id))?.status).toBe('succeeded');
    expect(processed).toEqual([1]);
  });

  it('fails cleanly after its last attempt, with the error kept', async () => {
    const id = await enqueueJob(database.db, alwaysFails, {});
    await runJobsUntilIdle(runner());
    await dueNow(id);
    await runJobsUntilIdle(runner());
    expect(await getJob(database.db, id)).toMatchObject({ status: 'failed', error: 'nope', attempts: 2 });
  });

  it('refuses a payload that does not match the job’s schema', async () => {
    await expect(enqueueJob(database.db, countTo, { to: 'many' } as never)).rejects.toThrow();
  });
});
