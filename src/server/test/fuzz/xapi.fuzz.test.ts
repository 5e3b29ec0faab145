import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { validateStatement, validateStatements } from '../../../lib/xapi/validate-statement.ts';
import { makeLrsClient, makeStatement, type LrsClient } from '../../modules/records/records.test-support.ts';
import { anyBytes, anyJson, anyText } from './arbitraries.ts';
import { expectClearRefusal, expectNoServerError, fuzzOptions, fuzzTimeout, rowCounts } from './fuzz.support.ts';

const LRS_TABLES = ['xapi_statements', 'xapi_statement_keys', 'xapi_activities', 'xapi_attachments'] as const;

/** Field names a statement has, at any depth, so mutations land where the validator looks. */
const KEYS = [
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'id',
  'objectType',
  'mbox',
  'mbox_sha1sum',
  'openid',
  'account',
  'homePage',
  'name',
  'member',
  'display',
  'definition',
  'extensions',
  'score',
  'scaled',
  'raw',
  'min',
  'max',
  'duration',
  'contextActivities',
  'parent',
  'registration',
  'language',
  'attachments',
  'usageType',
  'sha2',
  'length',
  'contentType',
  'version',
  'authority',
  'stored',
  'en-US',
  'zh-Hans',
];

/** A valid statement with one value somewhere inside replaced, added or deleted. */
const mutatedStatement = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...KEYS), fc.nat(3).map(String)), { minLength: 1, maxLength: 4 }), fc.option(anyJson))
  .map(([path, value]) => {
    const statement = structuredClone(makeStatement({ id: randomUUID() })) as unknown as Record<string, unknown>;
    let node: Record<string, unknown> = statement;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const last = path[path.length - 1];
    if (value === null) delete node[last];
    else node[last] = value;
    return statement as unknown;
  });

const statementBody = fc.oneof(
  mutatedStatement,
  fc.array(mutatedStatement, { minLength: 1, maxLength: 4 }),
  anyJson,
  fc.constant(makeStatement() as unknown),
);

describe('fuzz: xAPI statements (src/lib/xapi and /xapi/statements)', () => {
  it(
    'the validator answers ok or a list of issues for any JSON, and never throws',
    () => {
      fc.assert(
        fc.property(fc.oneof(statementBody, fc.anything()), (input) => {
          const one = validateStatement(input);
          const many = validateStatements(input);
          for (const r of [one, many]) if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        }),
        fuzzOptions(500),
      );
    },
    fuzzTimeout(),
  );

  describe('over HTTP', () => {
    let t: TestApp;
    let client: LrsClient;

    beforeAll(async () => {
      t = await createTestApp();
      client = await makeLrsClient(t.database.db);
    });
    afterAll(() => t.close());

    it(
      'POST stores exactly the statements it returns ids for, or refuses with a translated 4xx and stores nothing',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              statementBody.map((b) => ({ body: JSON.stringify(b), type: 'application/json' })),
              anyBytes().map((b) => ({ body: Buffer.from(b), type: 'application/json' })),
              anyText().map((s) => ({ body: s, type: 'multipart/mixed; boundary=x' })),
            ),
            async ({ body, type }) => {
              const before = await rowCounts(t.database.db, LRS_TABLES);
              const res = await t.app.inject({
                method: 'POST',
                url: '/xapi/statements',
                headers: { ...client.headers, 'content-type': type },
                payload: body,
              });
              expectNoServerError(res);
              const after = await rowCounts(t.database.db, LRS_TABLES);
              if (res.statusCode === 200) {
                expect(after.xapi_statements).toBe(before.xapi_statements + (res.json() as string[]).length);
              } else {
                expectClearRefusal(res);
                expect(after).toEqual(before);
              }
            },
          ),
          fuzzOptions(60),
        );
      },
      fuzzTimeout(),
    );

    it(
      'PUT with any statementId and body stores one statement or refuses and stores nothing',
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.oneof(fc.uuid(), anyText(40)), statementBody, async (statementId, body) => {
            const before = await rowCounts(t.database.db, LRS_TABLES);
            const res = await t.app.inject({
              method: 'PUT',
              url: '/xapi/statements',
              query: { statementId },
              headers: { ...client.headers, 'content-type': 'application/json' },
              payload: JSON.stringify(body),
            });
            expectNoServerError(res);
            const after = await rowCounts(t.database.db, LRS_TABLES);
            if (res.statusCode === 204) expect(after.xapi_statements - before.xapi_statements).toBeLessThanOrEqual(1);
            else expect(after).toEqual(before);
          }),
          fuzzOptions(60),
        );
      },
      fuzzTimeout(),
    );
  });
});
