import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedJurisdictions } from '../../demo/demo.seed.ts';
import { makeSchool, makeUser } from '../../test/factories.ts';
import { freshDatabase } from '../../test/test-database.ts';
import { analyseDocument } from './search.analyse.ts';
import type { SearchCursor } from './search.cursor.ts';
import { indexRow, upsertRows } from './search.index.ts';
import { bodyScoreBound, matchCondition, prepareQuery } from './search.query.ts';
import { fullyScoredPage, twoPhasePage, twoPhasePageWithFacets, type PageRequest, type RankedRow } from './search.rank-page.ts';
import { searchDocuments as d } from './search.schema.ts';
import { makeSearchDocument } from './search.test-data.ts';
import { visibleWhere } from './search.visibility.ts';

/**
 * The two-phase ranking reads the ranking vector of few rows; it must give exactly the page that scoring
 * every match gives: same ids, same order, same scores, on every page. Checked on a generated index of
 * lessons that share a small vocabulary (so many documents tie, and broad one-word queries match most of
 * the index), written in both scripts, with English, for many queries and page sizes.
 */

const WORDS = [
  '机器人',
  '機械人',
  '编程',
  '程式',
  '程序设计',
  '視頻',
  '影片',
  '剪辑',
  '数据',
  '數據',
  '网络',
  '人工智能',
  '机器学习',
  '學習',
  '学生',
  '课堂',
  '项目',
  '设计',
  '传感器',
  '感應器',
  '图形化',
  '小车',
  '巡线',
  '安全',
];
const ENGLISH = ['robot', 'learning', 'python', 'design', 'data', 'students'];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const QUERIES = [
  '学生',
  '学习',
  '机器人',
  '機械人',
  '编程',
  '程式設計',
  '视频',
  '影片剪辑',
  '数据',
  '人工智能',
  '机器学系',
  '機器學羽',
  '设计',
  '课堂项目',
  '机器人编程',
  '机器人 编程',
  '传感器 数据',
  '學生項目',
  'robot',
  'python learning',
  'data 网络',
  '安全 design',
  '图形化编程小车',
  '巡线',
];

describe('two-phase ranking', () => {
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await freshDatabase();
    const db = database.db;
    await seedJurisdictions(db);
    const school = await makeSchool(db, { jurisdiction: 'HK' });
    const user = await makeUser(db, { role: 'teacher', school });
    const owner = { authorId: user.id, schoolId: school.id, jurisdictionId: school.jurisdictionId };
    const next = random(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const text = (n: number) => Array.from({ length: n }, () => (next() < 0.12 ? ` ${pick(ENGLISH)} ` : pick(WORDS))).join('');
    const rows = Array.from({ length: 400 }, (_, i) => {
      const doc = makeSearchDocument({
        ...owner,
        title: text(1 + Math.floor(next() * 3)),
        keywords: Array.from({ length: Math.floor(next() * 3) }, () => pick(WORDS)),
        summary: next() < 0.2 ? '' : text(2 + Math.floor(next() * 5)),
        body: text(5 + Math.floor(next() * 30)),
        subject: pick(['ai', 'information-technology', 'math'] as const),
        // Few popularity values, so equal scores often tie on popularity too and fall back to the id.
        popularity: Math.floor(next() * 3),
        status: i % 17 === 0 ? 'draft' : 'published',
      });
      return indexRow(doc, analyseDocument(doc));
    });
    await upsertRows(db, rows);
  });
  afterAll(() => database.close());

  /** Every page of a query, following the cursor as the service does. */
  async function walk(page: (r: PageRequest) => Promise<RankedRow[]>, q: string, limit: number, subject?: 'ai') {
    const prepared = prepareQuery(q);
    const where = and(visibleWhere(null, d), subject ? eq(d.subject, subject) : undefined, matchCondition(prepared))!;
    const all: RankedRow[] = [];
    let cursor: SearchCursor | null = null;
    for (let n = 0; n < 4; n++) {
      const rows = await page({ where, prepared, cursor, limit });
      all.push(...rows.map((r) => ({ id: r.id, score: String(r.score), popularity: Number(r.popularity) })));
      const last = rows.at(-1);
      if (rows.length < limit || !last) break;
      cursor = { query: 'q', score: String(last.score), popularity: Number(last.popularity), id: last.id };
    }
    return all;
  }

  it('bounds the body part of the score by a figure known from the query', () => {
    // 机器人编程: words 机器人 and 编程 (1.5 each), four bigrams (0.3 each), the every-word bonus (3).
    const p = prepareQuery('机器人编程');
    expect(bodyScoreBound(p)).toBeCloseTo(1.5 * p.terms.length + 0.3 * p.allBigrams.length + 3, 6);
  });

  let compared = 0;
  it.each(QUERIES)('gives the same ids, order and scores as scoring every match, on every page: %s', async (q) => {
    const db = database.db;
    for (const limit of [2, 7, 21]) {
      const full = await walk((r) => fullyScoredPage(db, r), q, limit);
      expect(await walk((r) => twoPhasePage(db, r), q, limit), `limit ${limit}`).toEqual(full);
      compared += full.length;
    }
    const filtered = await walk((r) => fullyScoredPage(db, r), q, 5, 'ai');
    expect(await walk((r) => twoPhasePage(db, r), q, 5, 'ai'), 'subject ai').toEqual(filtered);
  });

  /** Counts per facet value over every match, counted the plain way (a separate query per facet). */
  async function plainFacetCounts(q: string, subject?: 'ai') {
    const prepared = prepareQuery(q);
    const where = and(visibleWhere(null, d), subject ? eq(d.subject, subject) : undefined, matchCondition(prepared))!;
    const counts: Record<string, number> = {};
    for (const column of ['subject', 'grade_band', 'language', 'licence'] as const) {
      // The match rule may read the ranking vector (several Han runs): join it as the service does.
      const rows = (await database.db.execute(
        sql`SELECT ${sql.raw(column)} AS v, count(*) AS n FROM ${d} CROSS JOIN LATERAL (SELECT ${d.rankVector} || ''::tsvector AS v OFFSET 0) rv WHERE ${where} GROUP BY 1`,
      )) as unknown as { rows: { v: string; n: string | number }[] };
      for (const r of rows.rows) counts[`${column}:${r.v}`] = Number(r.n);
    }
    return counts;
  }

  it.each(['学生', '机器学系', '机器人 编程', 'python learning', '巡线'])(
    'returns the same page with the facet counts of the whole matching set, from one statement: %s',
    async (q) => {
      const db = database.db;
      const prepared = prepareQuery(q);
      const where = and(visibleWhere(null, d), matchCondition(prepared))!;
      const expected = await plainFacetCounts(q);
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      const ranked = twoPhasePageWithFacets;
      const first = await ranked(db, { where, prepared, cursor: null, limit: 7 });
      expect(first.rows).toEqual(await fullyScoredPage(db, { where, prepared, cursor: null, limit: 7 }));
      const counts = Object.fromEntries(
        first.facets.map((f) => {
          const [column, value] = Object.entries(f).find(([k, v]) => k !== 'n' && v !== null)!;
          return [`${column}:${value}`, f.n];
        }),
      );
      expect(counts).toEqual(expected);
      // A later page (after the cursor) still counts every match, not only what follows the cursor.
      const last = first.rows.at(-1)!;
      const cursor = { query: 'q', score: String(last.score), popularity: Number(last.popularity), id: last.id };
      const second = await ranked(db, { where, prepared, cursor, limit: 7 });
      expect(second.facets).toEqual(first.facets);
      expect(second.rows).toEqual(await fullyScoredPage(db, { where, prepared, cursor, limit: 7 }));
    },
  );

  it('compared many hits, pages and ties included (the checks above are not vacuous)', () => {
    expect(compared).toBeGreaterThan(1_000);
  });
});
