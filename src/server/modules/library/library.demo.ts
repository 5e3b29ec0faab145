import { eq, inArray, like } from 'drizzle-orm';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { Readable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import type { BlobStore } from '../../blobs/blob-store.ts';
import { users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { convertForDisplay } from '../../../lib/text/convert-for-display.ts';
import type { ContentLanguage } from '../../../shared/languages.ts';
import { allowsDerivatives, type Licence, type PublishLevel } from '../../../shared/library.ts';
import { DEMO_REVIEWS, DEMO_TOPICS } from './library.demo-data.ts';
import { availableLevels, reviewPlaceFor, unitsAbove } from './library.levels.ts';
import { metadataOf } from './library.resource-store.ts';
import { sanitiseBody } from './library.sanitise.ts';
import {
  collectionItems,
  collections,
  resourceFavourites,
  resourceFiles,
  resourceRatings,
  resources,
  resourceSubmissions,
  resourceVersions,
  type ResourceRow,
} from './library.schema.ts';
import { reindexResource } from './library.search-doc.ts';

/**
 * The library's demo: about 60 invented lessons in Simplified Chinese, Hong Kong and Macao Traditional
 * and English, published at every level from the demo schools, with editions, adaptations, ratings,
 * favourites, a collection, a review waiting for the Guangzhou bureau and one real PDF to preview.
 * Idempotent (skipped whole when present) and bulk-inserted, so a start stays fast.
 */
const LICENCES: Licence[] = [
  'CC-BY-SA-4.0',
  'CC-BY-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-NC-ND-4.0',
  'CC0-1.0',
  'CC-BY-NC-4.0',
  'LicenseRef-All-Rights-Reserved',
];
const LEVELS: PublishLevel[] = ['public', 'bay-area', 'province', 'city', 'district', 'school', 'bay-area', 'public', 'private'];

export async function seedLibraryDemo(db: Db, blobs: BlobStore | null): Promise<{ created: number }> {
  const [present] = await db.select({ id: resources.id }).from(resources).where(like(resources.externalId, 'demo:%')).limit(1);
  if (present) return { created: 0 };
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(users.username, [
        'gd-teacher',
        'hk-teacher',
        'mo-teacher',
        'hb-teacher',
        'gd-principal',
        'hk-principal',
        'gd-student',
        'hk-student',
        'gd-bureau',
      ]),
    );
  const user = new Map(people.map((p) => [p.username, p.id]));
  const schoolRows = await db
    .select()
    .from(schools)
    .where(inArray(schools.code, ['gd-demo-school', 'hk-demo-school', 'mo-demo-school', 'hb-demo-school']));
  const school = new Map(schoolRows.map((s) => [s.code, s]));
  if (user.size < 9 || school.size < 4) return { created: 0 }; // the demo tree is not there

  const places = new Map<string, { levels: PublishLevel[]; units: Map<string, string> }>();
  for (const s of schoolRows) places.set(s.code, { levels: await availableLevels(db, s), units: await unitsAbove(db, s) });

  type Draft = typeof resources.$inferInsert & { key: string };
  const drafts: Draft[] = [];
  const make = (
    key: string,
    schoolCode: string,
    author: string,
    language: ContentLanguage,
    text: { title: string; summary: string; body: string },
    i: number,
    extra: Partial<Draft> = {},
  ): Draft => {
    const s = school.get(schoolCode)!;
    const p = places.get(schoolCode)!;
    const wanted = LEVELS[i % LEVELS.length];
    const level = p.levels.includes(wanted) ? wanted : 'province';
    const topic = DEMO_TOPICS.find((t) => key.startsWith(`demo:${t.key}:`))!;
    return {
      key,
      externalId: key,
      jurisdictionId: s.jurisdictionId,
      schoolId: s.id,
      authorId: user.get(author)!,
      title: text.title,
      summary: text.summary,
      bodyHtml: sanitiseBody(text.body),
      language,
      subject: topic.subject,
      gradeBand: topic.gradeBand,
      grades: topic.grades,
      aiCompetencies: topic.competencies,
      keywords: topic.keywords,
      licence: LICENCES[i % LICENCES.length],
      publishLevel: level,
      status: level === 'private' ? 'draft' : 'published',
      anchorUnitId: level === 'district' || level === 'city' || level === 'province' ? p.units.get(level)! : null,
      publishedAt: level === 'private' ? null : new Date(Date.UTC(2026, 2, 1 + i)),
      viewCount: level === 'private' ? 0 : 20 + ((i * 37) % 300),
      downloadCount: level === 'private' ? 0 : (i * 13) % 60,
      ...extra,
    };
  };

  DEMO_TOPICS.forEach((t, i) => {
    const mainland = i % 2 === 0 ? { code: 'gd-demo-school', author: 'gd-teacher' } : { code: 'hb-demo-school', author: 'hb-teacher' };
    drafts.push(
      make(
        `demo:${t.key}:hans`,
        mainland.code,
        i % 5 === 4 ? (i % 2 === 0 ? 'gd-principal' : 'hb-teacher') : mainland.author,
        'zh-Hans',
        t,
        i,
      ),
    );
    const hk = {
      title: convertForDisplay(t.title, 'zh-Hans', 'zh-Hant-HK').text,
      summary: convertForDisplay(t.summary, 'zh-Hans', 'zh-Hant-HK').text,
      body: convertForDisplay(t.body, 'zh-Hans', 'zh-Hant-HK').text,
    };
    drafts.push(make(`demo:${t.key}:hk`, 'hk-demo-school', i % 3 === 0 ? 'hk-principal' : 'hk-teacher', 'zh-Hant-HK', hk, i + 1));
    if (t.en) {
      drafts.push(make(`demo:${t.key}:en`, 'hk-demo-school', 'hk-teacher', 'en', t.en, i + 2, { licence: 'CC-BY-4.0' }));
    } else {
      const mo = {
        title: convertForDisplay(t.title, 'zh-Hans', 'zh-Hant-MO').text,
        summary: convertForDisplay(t.summary, 'zh-Hans', 'zh-Hant-MO').text,
        body: convertForDisplay(t.body, 'zh-Hans', 'zh-Hant-MO').text,
      };
      drafts.push(make(`demo:${t.key}:mo`, 'mo-demo-school', 'mo-teacher', 'zh-Hant-MO', mo, i + 3));
    }
  });

  // Two submissions waiting: one for the Guangzhou bureau (city), one for the GD principal (school).
  const cityWait = drafts.find((d) => d.key === 'demo:chatbot-design:hans')!;
  const schoolWait = drafts.find((d) => d.key === 'demo:ai-career:hans')!;
  const gdPlace = places.get('gd-demo-school')!;
  for (const d of [cityWait, schoolWait]) d.schoolId = school.get('gd-demo-school')!.id;
  Object.assign(cityWait, {
    authorId: user.get('gd-teacher'),
    status: 'in_review',
    publishLevel: 'city',
    anchorUnitId: gdPlace.units.get('city'),
    publishedAt: null,
    viewCount: 0,
    downloadCount: 0,
  });
  Object.assign(schoolWait, {
    authorId: user.get('gd-teacher'),
    jurisdictionId: school.get('gd-demo-school')!.jurisdictionId,
    status: 'in_review',
    publishLevel: 'school',
    anchorUnitId: null,
    publishedAt: null,
    viewCount: 0,
    downloadCount: 0,
  });

  const pdf = blobs ? await demoWorksheet(blobs) : null;

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(resources)
      .values(drafts.map(({ key: _k, ...d }) => d))
      .returning();
    const byKey = new Map(inserted.map((r) => [r.externalId!, r]));
    // Lineage: the Hong Kong versions are editions of the Mainland originals where the licence allows.
    for (const t of DEMO_TOPICS) {
      const source = byKey.get(`demo:${t.key}:hans`)!;
      const hk = byKey.get(`demo:${t.key}:hk`)!;
      if (allowsDerivatives(source.licence)) {
        await tx
          .update(resources)
          .set({
            adaptedFromId: source.id,
            adaptationKind: 'edition',
            licence: source.licence,
            attribution: `${source.title} (${source.licence})`,
          })
          .where(eq(resources.id, hk.id));
      }
    }
    const mo = byKey.get('demo:robot-programming:mo');
    const hkRobot = byKey.get('demo:robot-programming:hk');
    if (mo && hkRobot)
      await tx
        .update(resources)
        .set({ adaptedFromId: hkRobot.id, adaptationKind: 'adaptation', attribution: `${hkRobot.title} (${hkRobot.licence})` })
        .where(eq(resources.id, mo.id));

    let worksheet: typeof resourceFiles.$inferSelect | null = null;
    const imageLesson = byKey.get('demo:image-recognition:hans')!;
    if (pdf) {
      [worksheet] = await tx
        .insert(resourceFiles)
        .values({
          resourceId: imageLesson.id,
          schoolId: imageLesson.schoolId,
          jurisdictionId: imageLesson.jurisdictionId,
          sha256: pdf.sha256,
          size: pdf.size,
          mediaType: 'application/pdf',
          filename: 'image-recognition-worksheet.pdf',
          extractedText: pdf.text,
          extraction: 'done',
          createdBy: imageLesson.authorId,
        })
        .returning();
    }
    const fresh = await tx
      .select()
      .from(resources)
      .where(
        inArray(
          resources.id,
          inserted.map((r) => r.id),
        ),
      );
    await tx.insert(resourceVersions).values(
      fresh.map((r: ResourceRow) => ({
        resourceId: r.id,
        number: 1,
        title: r.title,
        summary: r.summary,
        bodyHtml: r.bodyHtml,
        keywords: r.keywords,
        metadata: metadataOf(r),
        files:
          worksheet && r.id === worksheet.resourceId
            ? [
                {
                  fileId: worksheet.id,
                  filename: worksheet.filename,
                  mediaType: worksheet.mediaType,
                  size: worksheet.size,
                  sha256: worksheet.sha256,
                },
              ]
            : [],
        change: r.adaptationKind ?? 'import',
        createdBy: r.authorId,
      })),
    );

    for (const [r, by] of [
      [byKey.get(cityWait.externalId!)!, 'city'],
      [byKey.get(schoolWait.externalId!)!, 'school'],
    ] as const) {
      const s = school.get('gd-demo-school')!;
      const place = await reviewPlaceFor(tx, s, by);
      await tx.insert(resourceSubmissions).values({
        resourceId: r.id,
        schoolId: s.id,
        jurisdictionId: s.jurisdictionId,
        level: by,
        anchorUnitId: place.anchorUnitId,
        fromLevel: 'private',
        submittedBy: r.authorId,
        note: '请审核，谢谢。',
        resourceVersion: 1,
      });
    }

    // Ratings and favourites on widely shared resources, from people of other places.
    const wide = fresh.filter((r) => r.status === 'published' && (r.publishLevel === 'bay-area' || r.publishLevel === 'public'));
    const raters = ['gd-teacher', 'hk-teacher', 'mo-teacher', 'hb-teacher', 'gd-principal', 'hk-principal'];
    const ratings: (typeof resourceRatings.$inferInsert)[] = [];
    wide.forEach((r, i) => {
      for (const [j, who] of raters
        .filter((u) => user.get(u) !== r.authorId)
        .slice(i % 3, (i % 3) + 2)
        .entries()) {
        const reviews = who.startsWith('gd') || who.startsWith('hb') ? DEMO_REVIEWS['zh-Hans'] : DEMO_REVIEWS['zh-Hant'];
        ratings.push({ resourceId: r.id, userId: user.get(who)!, stars: 3 + ((i + j) % 3), review: reviews[(i + j) % reviews.length] });
      }
    });
    if (ratings.length) await tx.insert(resourceRatings).values(ratings);
    const favourites = wide
      .slice(0, 8)
      .map((r, i) => ({ resourceId: r.id, userId: user.get(i % 2 ? 'gd-teacher' : 'hk-teacher')! }))
      .filter((f) => f.userId !== fresh.find((r) => r.id === f.resourceId)!.authorId);
    if (favourites.length) await tx.insert(resourceFavourites).values(favourites);
    for (const r of wide) {
      const mine = ratings.filter((x) => x.resourceId === r.id);
      await tx
        .update(resources)
        .set({
          ratingCount: mine.length,
          ratingSum: mine.reduce((a, x) => a + x.stars, 0),
          favouriteCount: favourites.filter((f) => f.resourceId === r.id).length,
        })
        .where(eq(resources.id, r.id));
    }

    const gd = school.get('gd-demo-school')!;
    const [col] = await tx
      .insert(collections)
      .values({
        jurisdictionId: gd.jurisdictionId,
        schoolId: gd.id,
        ownerId: user.get('gd-teacher')!,
        title: '人工智能伦理与社会（初中单元）',
        description: '四节课：算法推荐、深度伪造、AI 绘画与版权、数据隐私。',
        language: 'zh-Hans',
        publishLevel: 'school',
        status: 'published',
      })
      .returning({ id: collections.id });
    const unit = ['ai-ethics', 'misinformation', 'ai-art', 'sports-data']
      .map((k) => byKey.get(`demo:${k}:hans`)!)
      .filter((r) => r.status === 'published');
    if (unit.length)
      await tx.insert(collectionItems).values(unit.map((r, i) => ({ collectionId: col.id, resourceId: r.id, position: i + 1 })));

    for (const r of inserted) await reindexResource(tx, r.id);
    return { created: inserted.length };
  });
}

/** A one-page English worksheet made with pdf-lib, so preview and download can be shown in the demo. */
async function demoWorksheet(blobs: BlobStore) {
  const doc = await PDFDocument.create();
  doc.setTitle('Image recognition worksheet');
  doc.setAuthor('EduBridge demo');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  const lines = [
    'Worksheet: teaching a computer to tell cats from dogs',
    '',
    '1. Collect 20 photos of cats and 20 of dogs. Vary light and angle.',
    '2. Label each photo. Keep 5 of each aside for testing.',
    '3. Train the classifier and record its accuracy on the test photos.',
    '4. Which photos did it get wrong? What do they have in common?',
    '5. If the training photos showed only white cats, what would happen?',
    '',
    'Accuracy: ______ / 10        Mistakes we found: ________________________',
  ];
  page.drawText('EduBridge AI lessons', { x: 50, y: 790, size: 20, font: bold, color: rgb(0.1, 0.3, 0.6) });
  lines.forEach((l, i) => page.drawText(l, { x: 50, y: 740 - i * 24, size: 12, font }));
  const bytes = await doc.save();
  const stored = await blobs.put(Readable.from([Buffer.from(bytes)]));
  return { ...stored, text: lines.filter(Boolean).join('\n') };
}
