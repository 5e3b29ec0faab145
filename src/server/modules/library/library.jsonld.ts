import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { LICENCE_URLS } from '../../../shared/library.ts';
import { currentFiles, loadVisible } from './library.resource-store.ts';
import { plainText } from './library.sanitise.ts';

const GRADE_BAND_NAMES = {
  primary: 'Primary education (ISCED 1)',
  junior: 'Lower secondary education (ISCED 2)',
  senior: 'Upper secondary education (ISCED 3)',
};

/**
 * A resource as schema.org `LearningResource` JSON-LD with LRMI properties (educationalLevel,
 * learningResourceType, educationalAlignment to the UNESCO AI competency framework, licence, encodings),
 * for the public page to embed so search engines and other repositories can harvest it.
 */
export async function resourceJsonLd(ctx: { db: Db; actor: Actor | null; publicUrl: string }, id: string) {
  const r = await loadVisible(ctx.db, ctx.actor, id);
  const [author] = await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, r.authorId));
  const [school] = await ctx.db.select({ names: schools.names }).from(schools).where(eq(schools.id, r.schoolId));
  const files = await currentFiles(ctx.db, id);
  const api = `${ctx.publicUrl}/api/v1/resources/${id}`;
  const nameLang = r.language.startsWith('zh-Hant') ? 'zh-Hant' : r.language === 'zh-Hans' ? 'zh-Hans' : 'en';
  return {
    '@context': 'https://schema.org',
    '@type': 'LearningResource',
    '@id': `${ctx.publicUrl}/library/${id}`,
    url: `${ctx.publicUrl}/library/${id}`,
    identifier: r.externalId ? [r.id, r.externalId] : r.id,
    name: r.title,
    description: r.summary || plainText(r.bodyHtml).slice(0, 300),
    inLanguage: r.language,
    keywords: r.keywords.join(', '),
    about: r.subject,
    educationalLevel: { '@type': 'DefinedTerm', name: GRADE_BAND_NAMES[r.gradeBand], termCode: r.gradeBand },
    typicalAgeRange: r.gradeBand === 'primary' ? '6-12' : r.gradeBand === 'junior' ? '12-15' : '15-18',
    learningResourceType: files.length ? 'lesson plan with materials' : 'lesson plan',
    audience: { '@type': 'EducationalAudience', educationalRole: 'teacher' },
    educationalAlignment: r.aiCompetencies.map((t) => ({
      '@type': 'AlignmentObject',
      alignmentType: 'teaches',
      educationalFramework: 'UNESCO AI competency framework for students (2024)',
      targetName: `${t.competency} — ${t.level}`,
    })),
    license: LICENCE_URLS[r.licence] ?? `https://spdx.org/licenses/${r.licence}.html`,
    ...(r.attribution ? { creditText: r.attribution } : {}),
    author: { '@type': 'Person', name: author?.name ?? '' },
    sourceOrganization: { '@type': 'EducationalOrganization', name: school?.names[nameLang] ?? '' },
    ...(r.adaptedFromId ? { isBasedOn: `${ctx.publicUrl}/library/${r.adaptedFromId}` } : {}),
    dateCreated: r.createdAt.toISOString(),
    dateModified: r.updatedAt.toISOString(),
    ...(r.publishedAt ? { datePublished: r.publishedAt.toISOString() } : {}),
    version: r.version,
    isAccessibleForFree: true,
    ...(r.ratingCount
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: Math.round((r.ratingSum / r.ratingCount) * 10) / 10,
            ratingCount: r.ratingCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    interactionStatistic: [
      { '@type': 'InteractionCounter', interactionType: 'https://schema.org/ViewAction', userInteractionCount: r.viewCount },
      { '@type': 'InteractionCounter', interactionType: 'https://schema.org/DownloadAction', userInteractionCount: r.downloadCount },
    ],
    encoding: files.map((f) => ({
      '@type': 'MediaObject',
      name: f.filename,
      contentUrl: `${api}/files/${f.id}`,
      encodingFormat: f.mediaType,
      contentSize: String(f.size),
      sha256: f.sha256,
    })),
  };
}
