import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { AppError } from '../../http/app-error.ts';
import { decodeCursor } from '../../modules/federation/federation.feed.ts';
import { ZFeedItem, ZFeedPage } from '../../modules/federation/federation.wire.ts';
import { checkFormula, evaluateFormula, FORMULA_VARIABLES, FormulaError, formulaToSql } from '../../modules/insights/insights.formula.ts';
import { anyJson, anyText } from './arbitraries.ts';
import { expectClearRefusal, fuzzOptions, fuzzTimeout, rowCounts } from './fuzz.support.ts';

const FEDERATION_TABLES = ['federation_peers', 'federation_nonces', 'federated_items', 'audit_entries'] as const;

/** Formula-shaped strings: variables, numbers, operators, functions, and things that must be refused. */
const formula = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...FORMULA_VARIABLES),
        fc.double({ noNaN: true }).map(String),
        fc.constantFrom(
          '+',
          '-',
          '*',
          '/',
          '(',
          ')',
          ',',
          'min(',
          'max(',
          '^',
          '%',
          '!',
          '==',
          'x',
          'import(',
          'evaluate(',
          '1e400',
          "'; drop table jobs; --",
          '"a"',
          '[1,2]',
          '{a:1}',
          'f(x)=x',
          'a=1',
          '?',
          ':',
          'sqrt(',
          'pi',
          'e',
          '$',
          '\\',
        ),
      ),
      { maxLength: 12 },
    )
    .map((tokens) => tokens.join(' ')),
  anyText(60),
);

const vars = fc.dictionary(fc.constantFrom(...FORMULA_VARIABLES), fc.oneof(fc.double(), fc.integer()), { maxKeys: 6 });

describe('fuzz: indicator formulas (insights.formula.ts) and federation payloads (federation wire API)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(
    'a formula is accepted or refused with a FormulaError; an accepted one evaluates to a number and runs as SQL',
    async () => {
      await fc.assert(
        fc.asyncProperty(formula, vars, async (f, v) => {
          try {
            checkFormula(f);
          } catch (e) {
            expect(e, String(e)).toBeInstanceOf(FormulaError);
            return;
          }
          expect(typeof evaluateFormula(f, v)).toBe('number');
          // The compiled SQL runs on the real engine with any values: no injection, no SQL error.
          const finite = Object.fromEntries(Object.entries(v).filter(([, x]) => Number.isFinite(x)));
          const expr = formulaToSql(f, sql`v.vars`);
          await t.database.db.execute(sql`select ${expr} as x from (select ${JSON.stringify(finite)}::jsonb as vars) v`);
        }),
        fuzzOptions(150),
      );
    },
    fuzzTimeout(),
  );

  it(
    'feed payloads and cursors from a peer are parsed or refused, never thrown past the parser',
    () => {
      fc.assert(
        fc.property(fc.oneof(anyJson, fc.anything()), anyText(80), (payload, cursor) => {
          ZFeedPage.safeParse(payload);
          ZFeedItem.safeParse(payload);
          try {
            decodeCursor(cursor);
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
          }
          try {
            decodeCursor(Buffer.from(cursor).toString('base64url'));
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
          }
        }),
        fuzzOptions(300),
      );
    },
    fuzzTimeout(),
  );

  it(
    'an unsigned or badly signed federation request is refused with a translated 4xx and stores nothing',
    async () => {
      const header = fc.oneof(
        anyText(120).filter((s) => /^[\x20-\x7e]*$/.test(s)),
        fc.constantFrom('sig1=:AAAA:', 'sig1=("@method" "@target-uri");created=1;keyid="x"'),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            ['POST', '/federation/v1/peering'],
            ['POST', '/federation/v1/peering/accept'],
            ['POST', '/federation/v1/peering/revoke'],
            ['GET', '/federation/v1/changes'],
            ['GET', '/federation/v1/blobs/00'],
          ) as fc.Arbitrary<['GET' | 'POST', string]>,
          fc.record({ signature: header, 'signature-input': header, 'content-digest': header }, { requiredKeys: [] }),
          fc.oneof(
            anyJson.map((j) => JSON.stringify(j)),
            anyText(100),
          ),
          async ([method, url], headers, body) => {
            const before = await rowCounts(t.database.db, FEDERATION_TABLES);
            const res = await t.app.inject({
              method,
              url,
              headers: { ...headers, 'content-type': 'application/json' },
              ...(method === 'POST' ? { payload: body } : {}),
            });
            expectClearRefusal(res);
            expect(await rowCounts(t.database.db, FEDERATION_TABLES)).toEqual(before);
          },
        ),
        fuzzOptions(60),
      );
    },
    fuzzTimeout(),
  );
});
