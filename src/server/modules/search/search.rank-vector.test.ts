import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedJurisdictions } from '../../demo/demo.seed.ts';
import { makeSchool, makeUser } from '../../test/factories.ts';
import { freshDatabase } from '../../test/test-database.ts';
import { indexDocument } from './search.index.ts';
import { headVectorLiteral, rankLexeme, rankVectorLiteral } from './search.rank-vector.ts';
import { searchDocuments as d } from './search.schema.ts';
import { makeSearchDocument } from './search.test-data.ts';

const none = { titleTerms: [], titleBigrams: [], titleEnglish: [], keywordTerms: [], keywordBigrams: [], keywordEnglish: [] };
const empty = { ...none, summaryTerms: [], summaryBigrams: [], summaryEnglish: [], terms: [], bigrams: [], english: [] };

describe('the ranking vector', () => {
  it('writes each value with its kind and one weighted position per field', () => {
    const literal = rankVectorLiteral({ ...empty, titleTerms: ['机器人'], bigrams: ['机器'], terms: ['机器人'] });
    expect(literal).toBe("'w:机器人':1A 'w:机器人':4 'b:机器':4");
  });

  it('keeps only the title, keyword and summary entries in the head vector', () => {
    const fields = {
      ...empty,
      titleTerms: ['机器人'],
      keywordBigrams: ['编程'],
      summaryEnglish: ['robot'],
      bigrams: ['机器'],
      terms: ['机器人'],
    };
    expect(headVectorLiteral(fields)).toBe("'w:机器人':1A 'b:编程':2B 'e:robot':3C");
  });

  it('escapes quotes and backslashes so any value is one lexeme', () => {
    expect(rankLexeme('e', "o'k\\")).toBe("'e:o''k\\\\'");
  });

  describe('in the database', () => {
    let database: DatabaseHandle;
    beforeAll(async () => {
      database = await freshDatabase();
      const db = database.db;
      await seedJurisdictions(db);
      const school = await makeSchool(db, { jurisdiction: 'HK' });
      const user = await makeUser(db, { role: 'teacher', school });
      const owner = { authorId: user.id, schoolId: school.id, jurisdictionId: school.jurisdictionId };
      await indexDocument(
        db,
        makeSearchDocument({ ...owner, title: '機械人編程入門', summary: '用 Python 控制感應器', body: "學生's 影片 \\ 課堂" }),
      );
    });
    afterAll(() => database.close());

    const holds = async (query: string) => {
      const result = (await database.db.execute(sql`SELECT (${d.rankVector} @@ ${query}::tsquery) AS ok FROM ${d}`)) as unknown as {
        rows: { ok: boolean }[];
      };
      return result.rows[0].ok;
    };

    it('tells a title word from a body word, and a word from a bigram', async () => {
      expect(await holds("'w:机器人':A")).toBe(true);
      expect(await holds("'w:机器人':C")).toBe(false);
      expect(await holds("'w:视频':D")).toBe(true);
      expect(await holds("'w:视频':A")).toBe(false);
      expect(await holds("'b:编程':A")).toBe(true);
      expect(await holds("'e:python':C")).toBe(true);
    });

    it('stores the head vector as exactly the ranking vector at weights A, B and C, and the migration fills it the same way', async () => {
      const same = async () =>
        (
          (await database.db.execute(
            sql`SELECT (${d.headVector} = ts_filter(${d.rankVector}, '{a,b,c}')) AS same, length(${d.headVector}) AS n FROM ${d}`,
          )) as unknown as { rows: { same: boolean; n: number }[] }
        ).rows[0];
      expect(await same()).toEqual({ same: true, n: expect.any(Number) });
      expect((await same()).n).toBeGreaterThan(3);
      const file = readFileSync(new URL('../../../../migrations/0027_search_head_vector.sql', import.meta.url), 'utf8');
      await database.db.update(d).set({ headVector: null });
      await database.db.execute(sql.raw(file.split('--> statement-breakpoint').at(-1)!));
      expect((await same()).same).toBe(true);
    });

    it('the migration fills rows indexed before the column existed with the same vector', async () => {
      const file = readFileSync(new URL('../../../../migrations/0010_search_tsvector.sql', import.meta.url), 'utf8');
      const backfill = file.split('--> statement-breakpoint').at(-1)!;
      const before = await database.db.select({ v: d.rankVector }).from(d);
      await database.db.update(d).set({ rankVector: null });
      await database.db.execute(sql.raw(backfill));
      const same = (await database.db.execute(sql`SELECT (${d.rankVector} = ${before[0].v}::tsvector) AS same FROM ${d}`)) as unknown as {
        rows: { same: boolean }[];
      };
      expect(same.rows[0].same).toBe(true);
    });
  });
});
