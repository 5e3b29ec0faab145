import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { DbOrTx } from '../../db/client.ts';

/**
 * How many cases each property tries. `npm test` keeps it small so the suite stays quick on a shared CI box;
 * `npm run fuzz` sets FUZZ_RUNS for a long run. FUZZ_SEED replays a failure fast-check reported.
 */
export function fuzzOptions(defaultRuns = 60): fc.Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns,
    ...(Number.isFinite(seed) ? { seed } : {}),
    // The HTTP properties are slow per case; fast-check's own time budget would hide the run count.
    endOnFailure: true,
  };
}

/** A long run needs more than the default per-test timeout; a small one never gets near it. */
export const fuzzTimeout = () => Math.max(300_000, (fuzzOptions().numRuns ?? 60) * 2_000);

/**
 * What a user of the API relies on for bad input: a 4xx problem+json with a stable code and a title in
 * their language, never a 500.
 */
export function expectClearRefusal(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json() as { code?: unknown; title?: unknown };
  expect(typeof body.code).toBe('string');
  expect(typeof body.title).toBe('string');
  // A missing catalogue entry falls back to the bare code: that would be an untranslated title.
  expect(body.title).not.toBe(body.code);
}

/** Either a success or a clear refusal; the one thing never allowed is a server error. */
export function expectNoServerError(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode >= 400) expectClearRefusal(res);
}

/** Row counts of the named tables, to prove a refused input left nothing behind. */
export async function rowCounts(db: DbOrTx, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    out[table] = (result as unknown as { rows: { n: number }[] }).rows[0].n;
  }
  return out;
}
