import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../test-app.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../factories.ts';
import { CONTENT_LANGUAGES } from '../../../shared/languages.ts';
import { GRADE_BANDS, LICENCES, SUBJECTS } from '../../../shared/library.ts';
import { anyJson, anyText } from './arbitraries.ts';
import { expectClearRefusal, expectNoServerError, fuzzOptions, fuzzTimeout, rowCounts } from './fuzz.support.ts';

const LIBRARY_TABLES = ['resources', 'resource_versions', 'audit_entries'] as const;

/** One JSONL line: mostly valid fields with hostile text, sometimes a wrong field, sometimes not JSON at all. */
const importLine = fc.oneof(
  { weight: 3, arbitrary: validish() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(validish(), fc.constantFrom('title', 'language', 'licence', 'keywords', 'body'), anyJson)
      .map(([l, k, v]) => ({ ...l, [k]: v })),
  },
  { weight: 1, arbitrary: anyJson },
  { weight: 1, arbitrary: anyText(80) },
);

function validish() {
  return fc.record({
    externalId: fc.oneof(fc.constantFrom('ext-1', 'ext-2', 'ext-3'), anyText(30)),
    title: fc.oneof(fc.constant('人工智能入門'), anyText(60)),
    summary: anyText(60),
    body: fc.oneof(anyText(200), fc.constantFrom('<script>alert(1)</script><p>x</p>', '<img src=x onerror=alert(1)>', '<p><b>未闭合')),
    language: fc.constantFrom(...CONTENT_LANGUAGES),
    subject: fc.constantFrom(...SUBJECTS),
    gradeBand: fc.constantFrom(...GRADE_BANDS),
    keywords: fc.array(anyText(20), { maxLength: 4 }),
    licence: fc.constantFrom(...LICENCES),
  });
}

const jsonlBody = fc
  .tuple(fc.array(importLine, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join(eol));

interface Report {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { line: number }[];
}

describe('fuzz: resource import JSONL (library.import.service.ts, POST /api/v1/resources/import)', () => {
  let t: TestApp;
  let admin: Session;
  let schoolId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const school = await makeSchool(t.database.db, { jurisdiction: 'HK' });
    schoolId = school.id;
    admin = await signIn(t.app, (await makeUser(t.database.db, { role: 'school_admin', school })).username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it(
    'stores exactly the lines it reports as created or updated, and nothing for a refused body',
    async () => {
      await fc.assert(
        fc.asyncProperty(jsonlBody, fc.constantFrom('private', 'school'), async (body, level) => {
          const before = await rowCounts(t.database.db, LIBRARY_TABLES);
          const res = await t.app.inject({
            method: 'POST',
            url: `/api/v1/resources/import?schoolId=${schoolId}&publishLevel=${level}`,
            headers: { ...admin.headers, 'content-type': 'application/x-ndjson' },
            payload: body,
          });
          expectNoServerError(res);
          const after = await rowCounts(t.database.db, LIBRARY_TABLES);
          if (res.statusCode !== 200) {
            expectClearRefusal(res);
            expect(after).toEqual(before);
            return;
          }
          const report = res.json() as Report;
          expect(after.resources - before.resources).toBe(report.created);
          // A version and an audit entry for every stored line, none for a refused one.
          expect(after.resource_versions - before.resource_versions).toBe(report.created + report.updated);
          expect(after.audit_entries - before.audit_entries).toBe(report.created + report.updated);
          const lineCount = body.split(/\r?\n/).filter((l) => l.trim()).length;
          expect(report.created + report.updated + report.unchanged + report.failed).toBe(lineCount);
          for (const e of report.errors) expect(e.line).toBeGreaterThan(0);
        }),
        fuzzOptions(50),
      );
    },
    fuzzTimeout(),
  );

  it(
    'a body that is not text (random bytes, another content type) is refused with a translated 4xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 512 }),
          fc.constantFrom('application/octet-stream', 'application/json', 'text/csv'),
          async (bytes, type) => {
            const before = await rowCounts(t.database.db, LIBRARY_TABLES);
            const res = await t.app.inject({
              method: 'POST',
              url: `/api/v1/resources/import?schoolId=${schoolId}`,
              headers: { ...admin.headers, 'content-type': type },
              payload: Buffer.from(bytes),
            });
            expectNoServerError(res);
            if (res.statusCode >= 400) expect(await rowCounts(t.database.db, LIBRARY_TABLES)).toEqual(before);
          },
        ),
        fuzzOptions(40),
      );
    },
    fuzzTimeout(),
  );
});
