import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION } from '../../../lib/text/analysis-version.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedJurisdictions } from '../../demo/demo.seed.ts';
import { jobRegistry } from '../../jobs/jobs.registry.ts';
import { enqueueJob, getJob, runJobsUntilIdle } from '../../jobs/jobs.runner.ts';
import { makeSchool, makeUser } from '../../test/factories.ts';
import { freshDatabase } from '../../test/test-database.ts';
import { indexDocument } from './search.index.ts';
import { reindexSearchJob } from './search.jobs.ts';
import { reindexAll } from './search.reindex.ts';
import { searchDocuments as d } from './search.schema.ts';
import { searchDocuments } from './search.service.ts';
import { makeSearchDocument } from './search.test-data.ts';

describe('re-indexing when lib/text changes', () => {
  let database: DatabaseHandle;
  const ids: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    const db = database.db;
    await seedJurisdictions(db);
    const school = await makeSchool(db, { jurisdiction: 'HK' });
    const user = await makeUser(db, { role: 'teacher', school });
    const owner = { authorId: user.id, schoolId: school.id, jurisdictionId: school.jurisdictionId };
    for (const title of ['機械人編程入門', '製作科普影片', '程式設計基礎']) {
      const doc = makeSearchDocument({ ...owner, title, language: 'zh-Hant-HK' });
      ids.push(doc.id);
      await indexDocument(db, doc);
    }
  });
  afterAll(() => database.close());

  /** An index written by an older analysis: stale version, and terms that no longer meet the query. */
  const makeStale = () => database.db.update(d).set({ analysisVersion: '0-old', terms: [], bigrams: [], titleTerms: [] });
  const found = async (q: string) => (await searchDocuments({ db: database.db, actor: null }, { q })).items.length;

  it('reindexAll re-analyses every document from its stored fields', async () => {
    await makeStale();
    expect(await found('机器人编程')).toBe(0);
    expect(await reindexAll(database.db)).toBe(3);
    expect(await found('机器人编程')).toBe(1);
    const rows = await database.db.select({ v: d.analysisVersion }).from(d);
    expect(rows.every((r) => r.v === ANALYSIS_VERSION)).toBe(true);
  });

  it('the search.reindex job re-analyses only stale documents and reports how many', async () => {
    await database.db.update(d).set({ analysisVersion: '0-old', terms: [] }).where(eq(d.id, ids[1]));
    const jobId = await enqueueJob(database.db, reindexSearchJob, { all: false });
    await runJobsUntilIdle({ db: database.db, registry: jobRegistry });
    const job = await getJob(database.db, jobId);
    expect(job?.status).toBe('succeeded');
    expect(job?.result).toEqual({ reindexed: 1 });
    expect(await found('影片')).toBe(1);
  });
});
