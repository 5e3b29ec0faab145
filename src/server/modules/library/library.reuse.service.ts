import { eq } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { makeEdition, type VocabularyChange } from '../../../lib/text/convert-for-display.ts';
import { allowsDerivatives } from '../../../shared/library.ts';
import { notify } from '../notifications/notifications.service.ts';
import { currentFiles, loadVisible, schoolPlace, snapshot } from './library.resource-store.ts';
import { authorSchoolId, getResource, type Ctx } from './library.resources.service.ts';
import { resourceFiles, resources, type ResourceRow } from './library.schema.ts';
import { reindexResource } from './library.search-doc.ts';

/**
 * Reuse (remix) of shared resources: an adaptation is a linked private copy in the adapter's school, with
 * lineage both ways (`adaptedFromId` here, the source lists its adaptations) and the original's
 * attribution kept; a 繁體/简体 edition is an adaptation whose text is machine-converted for the author to
 * correct. The licence travels with the copy, and -ND- or all-rights-reserved works cannot be adapted
 * except by their own author.
 */

type Kind = 'adaptation' | 'edition';

async function copyResource(
  ctx: Ctx,
  source: ResourceRow,
  kind: Kind,
  text: { title: string; summary: string; bodyHtml: string; language: ResourceRow['language'] },
  schoolId: string,
) {
  if (source.authorId !== ctx.actor.id && !allowsDerivatives(source.licence)) throw new AppError('LIBRARY_LICENCE_FORBIDS_ADAPTATION');
  const school = await schoolPlace(ctx.db, schoolId);
  const [author] = await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, source.authorId));
  const [sourceSchool] = await ctx.db.select({ names: schools.names }).from(schools).where(eq(schools.id, source.schoolId));
  const attribution =
    source.attribution ??
    `${source.title} — ${author?.name ?? ''}, ${sourceSchool?.names[source.language.startsWith('zh-Hant') ? 'zh-Hant' : source.language === 'en' ? 'en' : 'zh-Hans'] ?? ''} (${source.licence})`;
  return ctx.db.transaction(async (tx) => {
    const [copy] = await tx
      .insert(resources)
      .values({
        jurisdictionId: school.jurisdictionId,
        schoolId,
        authorId: ctx.actor.id!,
        title: text.title,
        summary: text.summary,
        bodyHtml: text.bodyHtml,
        language: text.language,
        subject: source.subject,
        gradeBand: source.gradeBand,
        grades: source.grades,
        aiCompetencies: source.aiCompetencies,
        keywords: source.keywords,
        licence: source.licence,
        attribution,
        adaptedFromId: source.id,
        adaptationKind: kind,
      })
      .returning({ id: resources.id });
    const files = await currentFiles(tx, source.id);
    if (files.length) {
      await tx.insert(resourceFiles).values(
        files.map((f) => ({
          resourceId: copy.id,
          schoolId,
          jurisdictionId: school.jurisdictionId,
          sha256: f.sha256,
          size: f.size,
          mediaType: f.mediaType,
          filename: f.filename,
          extractedText: f.extractedText,
          extraction: f.extraction,
          createdBy: ctx.actor.id,
        })),
      );
    }
    await snapshot(tx, copy.id, kind, ctx.actor.id);
    await reindexResource(tx, copy.id);
    await recordAudit(tx, ctx.actor, {
      action: kind === 'edition' ? 'resource.edition' : 'resource.adapt',
      targetType: 'resource',
      targetId: copy.id,
      jurisdictionId: school.jurisdictionId,
      schoolId,
      details: { sourceId: source.id, sourceSchoolId: source.schoolId, licence: source.licence, language: text.language },
    });
    if (source.authorId !== ctx.actor.id) {
      await notify(tx, {
        userIds: [source.authorId],
        kind: 'library.adapted',
        data: { resourceId: source.id, title: source.title, adaptationId: copy.id, kind },
        link: `/library/resources/${source.id}`,
      });
    }
    return copy.id;
  });
}

/** "Adapt": a private linked copy in the actor's school. */
export async function adaptResource(ctx: Ctx, id: string, input: { schoolId?: string }) {
  const schoolId = authorSchoolId(ctx.actor, input.schoolId);
  const source = await loadVisible(ctx.db, ctx.actor, id);
  const copyId = await copyResource(
    ctx,
    source,
    'adaptation',
    { title: source.title, summary: source.summary, bodyHtml: source.bodyHtml, language: source.language },
    schoolId,
  );
  return getResource(ctx, copyId, {});
}

/**
 * "Make a 繁體/简体 edition": an adaptation with title, summary and body converted (script and regional
 * vocabulary) by `makeEdition`, plus the list of vocabulary replacements so the editor can point the
 * author at each one. A draft to correct, never published as is.
 */
export async function makeResourceEdition(
  ctx: Ctx,
  id: string,
  input: { language: 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-MO'; schoolId?: string },
) {
  const schoolId = authorSchoolId(ctx.actor, input.schoolId);
  const source = await loadVisible(ctx.db, ctx.actor, id);
  if (!source.language.startsWith('zh') || source.language === input.language) throw new AppError('LIBRARY_EDITION_SAME_LANGUAGE');
  const title = makeEdition(source.title, source.language, input.language);
  const summary = makeEdition(source.summary, source.language, input.language);
  const body = makeEdition(source.bodyHtml, source.language, input.language);
  const copyId = await copyResource(
    ctx,
    source,
    'edition',
    { title: title.text, summary: summary.text, bodyHtml: body.text, language: input.language },
    schoolId,
  );
  const changes = (list: VocabularyChange[]) =>
    list.map(({ start, end, original, replacement, concept }) => ({ start, end, original, replacement, concept }));
  return {
    resource: await getResource(ctx, copyId, {}),
    machineConverted: true,
    vocabularyChanges: {
      title: changes(title.vocabularyChanges),
      summary: changes(summary.vocabularyChanges),
      body: changes(body.vocabularyChanges),
    },
  };
}
