import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../test-app.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../factories.ts';
import { readCartridge } from '../../../lib/cc/read-cartridge.ts';
import { CartridgeError } from '../../../lib/cc/cartridge.types.ts';
import { anyBytes, anyText, entryName, xmlDocument } from './arbitraries.ts';
import { expectClearRefusal, expectNoServerError, fuzzOptions, fuzzTimeout, rowCounts } from './fuzz.support.ts';

const COURSE_TABLES = ['courses', 'course_units', 'course_lessons', 'course_members', 'audit_entries'] as const;

const MANIFEST_ELEMENTS = [
  'manifest',
  'metadata',
  'schema',
  'schemaversion',
  'lomimscc:lom',
  'lomimscc:general',
  'lomimscc:title',
  'lomimscc:string',
  'organizations',
  'organization',
  'item',
  'title',
  'resources',
  'resource',
  'file',
  'dependency',
  'webLink',
  'url',
  'topic',
  'text',
];

/** A Common Cartridge shaped archive: a generated manifest plus pages and links it may or may not name. */
const cartridgeZip = fc
  .record({
    manifest: fc.oneof(
      xmlDocument(MANIFEST_ELEMENTS),
      anyText(200),
      fc.constant('<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><manifest>&b;</manifest>'),
    ),
    manifestName: fc.constantFrom('imsmanifest.xml', 'IMSMANIFEST.XML', 'sub/imsmanifest.xml'),
    pages: fc.dictionary(entryName, fc.oneof(anyText(200).map(strToU8), anyBytes(200)), { maxKeys: 4 }),
    link: fc.option(xmlDocument(['webLink', 'title', 'url', 'topic', 'text', 'cartridge_basiclti_link', 'blti:launch_url'])),
  })
  .map(({ manifest, manifestName, pages, link }) => {
    const entries: Record<string, Uint8Array> = { ...pages, [manifestName]: strToU8(manifest) };
    if (link) entries['links/l1.xml'] = strToU8(link);
    try {
      return zipSync(entries, { level: 1 });
    } catch {
      return zipSync({ [manifestName]: strToU8(manifest) }, { level: 1 });
    }
  });

const anyArchive = fc.oneof(
  { weight: 4, arbitrary: cartridgeZip },
  { weight: 1, arbitrary: anyBytes() },
  // A real zip cut short or with flipped bytes: the central directory lies about what follows.
  { weight: 2, arbitrary: fc.tuple(cartridgeZip, fc.nat(), fc.nat(255)).map(([z, at, b]) => mangle(z, at, b)) },
);

function mangle(zip: Uint8Array, at: number, byte: number): Uint8Array {
  const copy = zip.slice(0, at % 2 ? zip.length : Math.max(4, at % zip.length));
  if (copy.length) copy[at % copy.length] = byte;
  return copy;
}

/** A zip bomb: megabytes of zeros that deflate to a few kilobytes. */
const bomb = (megabytes: number) =>
  zipSync({ 'imsmanifest.xml': strToU8('<manifest/>'), 'web/zeros.html': new Uint8Array(megabytes * 1024 * 1024) }, { level: 9 });

describe('fuzz: Common Cartridge archives (src/lib/cc and POST /api/v1/courses/import)', () => {
  it(
    'readCartridge reads an archive or refuses it with a CartridgeError, and never throws anything else',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyArchive, async (zip) => {
          try {
            const { cartridge } = await readCartridge(zip);
            expect(cartridge.units.some((u) => u.items.length)).toBe(true);
          } catch (e) {
            expect(e, String((e as Error).stack)).toBeInstanceOf(CartridgeError);
          }
        }),
        fuzzOptions(150),
      );
    },
    fuzzTimeout(),
  );

  it('a zip bomb is refused by its inflated size or ratio, before it is held in memory', async () => {
    const zip = bomb(24);
    expect(zip.length).toBeLessThan(1024 * 1024);
    const refused = await readCartridge(zip, { maxEntryBytes: 8 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CartridgeError);
    expect(['ENTRY_TOO_LARGE', 'TOTAL_TOO_LARGE']).toContain((refused as CartridgeError).code);
    // With the default limits the compression ratio gives it away.
    const byRatio = await readCartridge(zip).catch((e: unknown) => e);
    expect(byRatio).toBeInstanceOf(CartridgeError);
  });

  describe('over HTTP', () => {
    let t: TestApp;
    let teacher: Session;

    beforeAll(async () => {
      t = await createTestApp();
      const school = await makeSchool(t.database.db, { jurisdiction: 'MO' });
      teacher = await signIn(t.app, (await makeUser(t.database.db, { role: 'teacher', school })).username, TEST_PASSWORD);
    });
    afterAll(() => t.close());

    const importZip = (bytes: Uint8Array, filename = 'course.imscc') => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), filename);
      return t.app.inject({ method: 'POST', url: '/api/v1/courses/import', headers: teacher.headers, payload: form });
    };

    it(
      'an import creates one course or is refused with a translated 4xx that leaves no course, unit or lesson behind',
      async () => {
        await fc.assert(
          fc.asyncProperty(anyArchive, fc.oneof(fc.constant('course.imscc'), entryName), async (zip, filename) => {
            const before = await rowCounts(t.database.db, COURSE_TABLES);
            const res = await importZip(zip, filename);
            expectNoServerError(res);
            const after = await rowCounts(t.database.db, COURSE_TABLES);
            if (res.statusCode === 201) expect(after.courses).toBe(before.courses + 1);
            else expect(after).toEqual(before);
          }),
          fuzzOptions(40),
        );
      },
      fuzzTimeout(),
    );

    it('a zip bomb upload is refused with a 4xx and creates nothing', async () => {
      const before = await rowCounts(t.database.db, COURSE_TABLES);
      const res = await importZip(bomb(24));
      expectClearRefusal(res);
      expect(await rowCounts(t.database.db, COURSE_TABLES)).toEqual(before);
    });
  });
});
