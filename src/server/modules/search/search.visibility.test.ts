import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { seedJurisdictions } from '../../demo/demo.seed.ts';
import { makeSchool, makeUnit, makeUser } from '../../test/factories.ts';
import { freshDatabase } from '../../test/test-database.ts';
import type { Actor } from '../identity/identity.access.ts';
import { indexDocument } from './search.index.ts';
import { searchDocuments } from './search.schema.ts';
import { actorOf, makeSearchDocument } from './search.test-data.ts';
import { visibleWhere } from './search.visibility.ts';
import type { SearchDocument } from './search.types.ts';

/**
 * The visibility rule of the library ↔ search contract, on a real tree: Guangdong province → Guangzhou
 * city → two districts, a Hong Kong district, and the people at each place.
 */
describe('who may see a resource', () => {
  let database: DatabaseHandle;
  const actors: Record<string, Actor | null> = {};
  const docs: Record<string, SearchDocument> = {};

  beforeAll(async () => {
    database = await freshDatabase();
    const db = database.db;
    await seedJurisdictions(db);
    const province = await makeUnit(db, { jurisdiction: 'GD', level: 'province' });
    const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city', parentId: province.id });
    const nansha = await makeUnit(db, { jurisdiction: 'GD', level: 'district', parentId: city.id });
    const tianhe = await makeUnit(db, { jurisdiction: 'GD', level: 'district', parentId: city.id });
    const hk = await makeUnit(db, { jurisdiction: 'HK', level: 'province' });
    const hkDistrict = await makeUnit(db, { jurisdiction: 'HK', level: 'district', parentId: hk.id });
    const schoolA = await makeSchool(db, { jurisdiction: 'GD', unitId: nansha.id });
    const schoolB = await makeSchool(db, { jurisdiction: 'GD', unitId: nansha.id });
    const schoolN = await makeSchool(db, { jurisdiction: 'GD', unitId: tianhe.id });
    const schoolH = await makeSchool(db, { jurisdiction: 'HK', unitId: hkDistrict.id });
    const people = {
      author: await makeUser(db, { role: 'teacher', school: schoolA }),
      colleague: await makeUser(db, { role: 'teacher', school: schoolA }),
      principal: await makeUser(db, { role: 'principal', school: schoolA }),
      sameDistrict: await makeUser(db, { role: 'teacher', school: schoolB }),
      neighbourDistrict: await makeUser(db, { role: 'teacher', school: schoolN }),
      districtResearcher: await makeUser(db, { role: 'researcher', unit: nansha }),
      cityBureau: await makeUser(db, { role: 'bureau_admin', unit: city }),
      gdWide: await makeUser(db, { role: 'bureau_admin', jurisdiction: 'GD' }),
      hongKong: await makeUser(db, { role: 'teacher', school: schoolH }),
    };
    for (const [name, user] of Object.entries(people)) actors[name] = await actorOf(db, user.id);
    actors.anonymous = null;

    const base = { authorId: people.author.id, schoolId: schoolA.id, jurisdictionId: schoolA.jurisdictionId };
    const make = (name: string, o: Partial<SearchDocument>) => (docs[name] = makeSearchDocument({ ...base, title: name, ...o }));
    make('private', { publishLevel: 'private' });
    make('school', { publishLevel: 'school' });
    make('district', { publishLevel: 'district', anchorUnitId: nansha.id });
    make('city', { publishLevel: 'city', anchorUnitId: city.id });
    make('province', { publishLevel: 'province', anchorUnitId: province.id });
    make('bay-area', { publishLevel: 'bay-area' });
    make('public', { publishLevel: 'public' });
    make('public draft', { publishLevel: 'public', status: 'draft' });
    make('public withdrawn', { publishLevel: 'public', status: 'withdrawn' });
    make('district in review', { publishLevel: 'district', anchorUnitId: nansha.id, status: 'in_review' });
    make('school in review', { publishLevel: 'school', status: 'in_review' });
    for (const doc of Object.values(docs)) await indexDocument(db, doc);
  });
  afterAll(() => database.close());

  async function seenBy(name: string): Promise<string[]> {
    const rows = await database.db
      .select({ title: searchDocuments.title })
      .from(searchDocuments)
      .where(visibleWhere(actors[name], searchDocuments));
    return rows.map((r) => r.title).sort();
  }
  const sorted = (xs: string[]) => [...xs].sort();
  const everyone = ['bay-area', 'public'];

  it('the author sees all of their own resources, drafts and withdrawn ones included', async () => {
    expect(await seenBy('author')).toEqual(sorted(Object.keys(docs)));
  });

  it('a private or unpublished resource never appears to another school, nor to a colleague', async () => {
    for (const name of ['colleague', 'sameDistrict', 'neighbourDistrict', 'cityBureau', 'gdWide', 'hongKong', 'anonymous']) {
      const seen = await seenBy(name);
      for (const hidden of ['private', 'public draft', 'public withdrawn']) expect(seen, name).not.toContain(hidden);
    }
  });

  it('a school-level resource is seen at its school and by the units above it, not by another school', async () => {
    expect(await seenBy('colleague')).toEqual(sorted(['school', 'district', 'city', 'province', ...everyone]));
    expect(await seenBy('sameDistrict')).not.toContain('school');
    expect(await seenBy('districtResearcher')).toContain('school');
    expect(await seenBy('gdWide')).toContain('school');
  });

  it('a district-level resource is seen in its district and by the city above, not by the neighbouring district', async () => {
    expect(await seenBy('sameDistrict')).toEqual(sorted(['district', 'city', 'province', ...everyone]));
    expect(await seenBy('cityBureau')).toEqual(sorted(['school', 'district', 'city', 'province', ...everyone]));
    expect(await seenBy('neighbourDistrict')).toEqual(sorted(['city', 'province', ...everyone]));
  });

  it('a bay-area resource is seen by every jurisdiction; a province-level one stays in its own', async () => {
    expect(await seenBy('hongKong')).toEqual(sorted(everyone));
  });

  it('an anonymous reader sees published public resources only', async () => {
    expect(await seenBy('anonymous')).toEqual(['public']);
  });

  it('a submission in review is seen by the reviewers at its level’s anchor, not by units above', async () => {
    expect(await seenBy('districtResearcher')).toContain('district in review');
    expect(await seenBy('districtResearcher')).not.toContain('school in review');
    expect(await seenBy('principal')).toContain('school in review');
    expect(await seenBy('principal')).not.toContain('district in review');
    expect(await seenBy('cityBureau')).not.toContain('district in review');
    expect(await seenBy('colleague')).not.toContain('school in review');
  });
});
