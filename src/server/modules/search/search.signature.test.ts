import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedJurisdictions } from '../../demo/demo.seed.ts';
import { makeSchool, makeUser } from '../../test/factories.ts';
import { freshDatabase } from '../../test/test-database.ts';
import { analyseDocument } from './search.analyse.ts';
import { indexRow, upsertRows } from './search.index.ts';
import { bodyBoundExpression, bodyScoreBound, headScoreExpression, prepareQuery, rankSource, scoreExpression } from './search.query.ts';
import { searchDocuments as d } from './search.schema.ts';
import { anywhereSignature, SIGNATURE_BITS, signatureBits, signatureMayHold } from './search.signature.ts';
import { makeSearchDocument } from './search.test-data.ts';

/**
 * The anywhere signature bounds the body part of the score per row. It must never be below the real body
 * part (that would make the two-phase page inexact), and it should usually be below the global bound
 * (or it saves nothing).
 */
describe('the anywhere signature', () => {
  it('never misses a value it was given, and tells most others apart', () => {
    const words = Array.from({ length: 300 }, (_, i) => `词${i}`);
    const signature = anywhereSignature({ terms: words, bigrams: [], english: ['robot'] });
    expect(words.every((w) => signatureMayHold(signature, 'w', w))).toBe(true);
    expect(signatureMayHold(signature, 'e', 'robot')).toBe(true);
    const others = Array.from({ length: 1000 }, (_, i) => `别的${i}`);
    const falsePositives = others.filter((w) => signatureMayHold(signature, 'w', w)).length;
    expect(falsePositives).toBeLessThan(40); // ≈ 1 % expected at 301 values
    // The kind is part of the key: the word 机器 and the bigram 机器 are different values.
    const bigramOnly = anywhereSignature({ terms: [], bigrams: ['机器'], english: [] });
    expect(signatureMayHold(bigramOnly, 'b', '机器')).toBe(true);
    for (const bit of signatureBits('w', '机器人')) expect(bit).toBeLessThan(SIGNATURE_BITS);
  });

  describe('in the database', () => {
    let database: DatabaseHandle;
    beforeAll(async () => {
      database = await freshDatabase();
      const db = database.db;
      await seedJurisdictions(db);
      const school = await makeSchool(db, { jurisdiction: 'GD' });
      const user = await makeUser(db, { role: 'teacher', school });
      const owner = { authorId: user.id, schoolId: school.id, jurisdictionId: school.jurisdictionId };
      const bodies = [
        '机器人编程入门：用图形化编程控制小车巡线。数据库和数据分析。',
        '學生用機械人學習編程，Python robot project。',
        '视频剪辑课：学生拍摄影片并剪辑。',
        '数据库设计：表、主键和查询。学生练习数据建模。',
        '神经网络初探：从感知机到深度学习。',
        '人工智能伦理讨论：算法偏见与个人信息保护。',
        '計算思維：分解、模式識別、抽象和算法。',
        'Reading strategies for English lessons with robot stories.',
      ];
      const rows = bodies.map((body, i) => {
        const doc = makeSearchDocument({ ...owner, title: `课${i}`, summary: i % 2 ? body.slice(0, 8) : '', body });
        return indexRow(doc, analyseDocument(doc));
      });
      await upsertRows(db, rows);
    });
    afterAll(() => database.close());

    it('reads the same bits PostgreSQL reads (get_bit numbering)', async () => {
      const [row] = (
        (await database.db.execute(sql`SELECT ${d.anywhereSignature} AS s, ${d.body} AS body FROM ${d} LIMIT 1`)) as unknown as {
          rows: { s: Uint8Array }[];
        }
      ).rows;
      const probes = ['机器人', '编程', '数据库', '不在这里', '视频'];
      for (const value of probes) {
        const [a, b, c] = signatureBits('w', value);
        const result = (await database.db.execute(
          sql`SELECT get_bit(${d.anywhereSignature}, ${sql.raw(String(a))}) & get_bit(${d.anywhereSignature}, ${sql.raw(String(b))})
                & get_bit(${d.anywhereSignature}, ${sql.raw(String(c))}) AS held
              FROM ${d} WHERE ${d.anywhereSignature} = ${Buffer.from(row.s)}`,
        )) as unknown as { rows: { held: number }[] };
        expect(result.rows[0].held === 1, value).toBe(signatureMayHold(row.s, 'w', value));
      }
    });

    it.each(['机器人编程', '数据库', '數據厍', '神经网络', 'robot', '计算思微', '人工智能 伦理'])(
      'bounds the body part of every row from above, and below the global bound somewhere: %s',
      async (q) => {
        const p = prepareQuery(q);
        const rows = (
          (await database.db.execute(
            sql`SELECT ${scoreExpression(p)} - ${headScoreExpression(p)} AS body, ${bodyBoundExpression(p)} AS bound FROM ${d} ${rankSource}`,
          )) as unknown as { rows: { body: string; bound: string }[] }
        ).rows;
        expect(rows.length).toBe(8);
        for (const r of rows) expect(Number(r.bound)).toBeGreaterThanOrEqual(Number(r.body) - 1e-9);
        expect(rows.some((r) => Number(r.bound) < bodyScoreBound(p))).toBe(true);
      },
    );

    it('falls back to the global bound on a row without a signature (indexed before it existed)', async () => {
      const p = prepareQuery('机器人编程');
      await database.db.update(d).set({ anywhereSignature: null });
      const rows = (
        (await database.db.execute(sql`SELECT ${bodyBoundExpression(p)} AS bound FROM ${d}`)) as unknown as { rows: { bound: string }[] }
      ).rows;
      expect(rows.every((r) => Number(r.bound) === bodyScoreBound(p))).toBe(true);
    });
  });
});
