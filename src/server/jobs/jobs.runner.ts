import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { jobs } from './jobs.schema.ts';

/**
 * A small job runner on the node's own database, so it works the same on PGlite and PostgreSQL (queue
 * libraries such as pg-boss need a PostgreSQL server connection of their own). Named handlers with zod
 * payloads (STYLE.md), leases renewed while running, checkpoints for resumption, retries with backoff.
 */

export interface JobContext<P, C = unknown> {
  db: Db;
  /** The node's file store, for jobs that read or write uploads. */
  blobs: BlobStore | null;
  jobId: string;
  payload: P;
  /** The last checkpoint written by an earlier, interrupted run; null on the first run. */
  checkpoint: C | null;
  attempt: number;
  /** Report progress (shown in the UI); cheap enough to call per batch. */
  progress(done: number, total: number | null, message?: string): Promise<void>;
  /** Persist where to resume from. Call it in the same transaction as the work it covers when possible. */
  saveCheckpoint(state: C, tx?: DbOrTx): Promise<void>;
  /** Aborted when the runner stops or the job is cancelled. */
  signal: AbortSignal;
}

export interface JobDefinition<P = unknown, C = unknown> {
  name: string;
  payload: z.ZodType<P>;
  /** Return value is stored as the job's result. Throwing retries (with backoff) until maxAttempts. */
  handler(ctx: JobContext<P, C>): Promise<unknown>;
  maxAttempts?: number;
  /** How long a worker may be silent before its job is taken over. */
  leaseMs?: number;
}

export class JobRegistry {
  private readonly defs = new Map<string, JobDefinition<unknown, unknown>>();
  define<P, C>(def: JobDefinition<P, C>): JobDefinition<P, C> {
    if (this.defs.has(def.name)) throw new Error(`job ${def.name} defined twice`);
    this.defs.set(def.name, def as JobDefinition<unknown, unknown>);
    return def;
  }
  get(name: string) {
    return this.defs.get(name);
  }
}

export interface EnqueueOptions {
  jurisdictionId?: string | null;
  schoolId?: string | null;
  createdBy?: string | null;
  runAfter?: Date;
  maxAttempts?: number;
}

/** Adds a job; call inside the transaction that creates what the job works on, so both commit together. */
export async function enqueueJob<P>(db: DbOrTx, def: JobDefinition<P>, payload: P, opts: EnqueueOptions = {}) {
  const parsed = def.payload.parse(payload);
  const [row] = await db
    .insert(jobs)
    .values({
      name: def.name,
      payload: parsed as object,
      maxAttempts: opts.maxAttempts ?? def.maxAttempts ?? 3,
      runAfter: opts.runAfter ?? new Date(),
      jurisdictionId: opts.jurisdictionId ?? null,
      schoolId: opts.schoolId ?? null,
      createdBy: opts.createdBy ?? null,
    })
    .returning({ id: jobs.id });
  return row.id;
}

const DEFAULT_LEASE_MS = 30_000;

/** Claims one due job (queued, or running with an expired lease) for this worker. */
async function claim(db: Db, workerId: string, leaseMs: number) {
  const rows = await db.execute<{ id: string }>(sql`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = now() + (${leaseMs} || ' milliseconds')::interval, updated_at = now()
    where id = (
      select id from jobs
      where (status = 'queued' and run_after <= now()) or (status = 'running' and locked_until < now())
      order by run_after, created_at
      limit 1
      for update skip locked
    )
    returning id`);
  const id = (rows as unknown as { rows: { id: string }[] }).rows[0]?.id;
  if (!id) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job;
}

export interface RunnerOptions {
  db: Db;
  blobs?: BlobStore;
  registry: JobRegistry;
  pollMs?: number;
  /** Called with errors the runner itself hits (logging). */
  onError?: (err: unknown, jobId?: string) => void;
}

/** Runs one claimed job to completion or failure. Returns false when nothing was due. */
export async function runOneJob(opts: RunnerOptions, workerId: string, signal: AbortSignal): Promise<boolean> {
  const job = await claim(opts.db, workerId, DEFAULT_LEASE_MS);
  if (!job) return false;
  const def = opts.registry.get(job.name);
  const owned = and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId));
  if (!def) {
    await opts.db
      .update(jobs)
      .set({ status: 'failed', error: `no handler for ${job.name}`, finishedAt: new Date(), lockedBy: null })
      .where(owned);
    return true;
  }
  if (job.attempts > job.maxAttempts) {
    await opts.db
      .update(jobs)
      .set({ status: 'failed', error: job.error ?? 'gave up after repeated interruptions', finishedAt: new Date(), lockedBy: null })
      .where(owned);
    return true;
  }
  const leaseMs = def.leaseMs ?? DEFAULT_LEASE_MS;
  const renew = setInterval(
    () => {
      opts.db
        .update(jobs)
        .set({ lockedUntil: new Date(Date.now() + leaseMs) })
        .where(owned)
        .catch((e) => opts.onError?.(e, job.id));
    },
    Math.max(1000, leaseMs / 3),
  );
  try {
    const payload = def.payload.parse(job.payload);
    const result = await def.handler({
      db: opts.db,
      blobs: opts.blobs ?? null,
      jobId: job.id,
      payload,
      checkpoint: job.checkpoint ?? null,
      attempt: job.attempts,
      signal,
      progress: async (done, total, message) => {
        await opts.db.update(jobs).set({ progress: { done, total, message }, updatedAt: new Date() }).where(owned);
      },
      saveCheckpoint: async (state, tx) => {
        await (tx ?? opts.db)
          .update(jobs)
          .set({ checkpoint: state as object })
          .where(owned);
      },
    });
    await opts.db
      .update(jobs)
      .set({
        status: 'succeeded',
        result: (result ?? null) as object,
        finishedAt: new Date(),
        lockedBy: null,
        lockedUntil: null,
        error: null,
      })
      .where(owned);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const finalAttempt = job.attempts >= job.maxAttempts;
    await opts.db
      .update(jobs)
      .set(
        finalAttempt
          ? { status: 'failed', error: message, finishedAt: new Date(), lockedBy: null, lockedUntil: null }
          : {
              status: 'queued',
              error: message,
              runAfter: new Date(Date.now() + 1000 * 2 ** job.attempts),
              lockedBy: null,
              lockedUntil: null,
            },
      )
      .where(owned);
    opts.onError?.(err, job.id);
  } finally {
    clearInterval(renew);
  }
  return true;
}

/** Starts polling for jobs in this process; returns a stop function that waits for the current job. */
export function startJobRunner(opts: RunnerOptions): () => Promise<void> {
  const workerId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    try {
      while (!controller.signal.aborted && (await runOneJob(opts, workerId, controller.signal))) {
        /* drain what is due */
      }
    } catch (e) {
      opts.onError?.(e);
    }
    if (!controller.signal.aborted) timer = setTimeout(() => (current = tick()), opts.pollMs ?? 500);
  };
  current = tick();
  return async () => {
    controller.abort();
    if (timer) clearTimeout(timer);
    await current;
  };
}

/** Tests and CLI commands: run everything due now, then return. */
export async function runJobsUntilIdle(opts: RunnerOptions): Promise<number> {
  const workerId = `inline-${randomBytes(4).toString('hex')}`;
  const signal = new AbortController().signal;
  let n = 0;
  while (await runOneJob(opts, workerId, signal)) n++;
  return n;
}

export async function getJob(db: DbOrTx, id: string) {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}
