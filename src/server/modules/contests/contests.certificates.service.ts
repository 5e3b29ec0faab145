import { and, eq } from 'drizzle-orm';
import { AppError } from '../../http/app-error.ts';
import { translate } from '../../http/i18n.ts';
import { users } from '../identity/identity.schema.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { renderAwardCertificatePdf } from './contests.certificate-pdf.ts';
import { organiserNames, type Ctx } from './contests.contests.service.ts';
import { visibleEntry } from './contests.registration.service.ts';
import { contestEntryMembers } from './contests.schema.ts';

/** The award certificate of a published entry, for its members, their teachers and the organiser. */
export async function awardCertificate(ctx: Ctx, entryId: string, language: UiLanguage) {
  const { entry, contest } = await visibleEntry(ctx.db, ctx.actor, entryId);
  if (contest.status === 'open' || !entry.award) throw new AppError('CONTESTS_NOT_PUBLISHED');
  const students = await ctx.db
    .select({ name: users.displayName })
    .from(contestEntryMembers)
    .innerJoin(users, eq(users.id, contestEntryMembers.userId))
    .where(and(eq(contestEntryMembers.entryId, entry.id), eq(contestEntryMembers.role, 'student')));
  const organiser = await organiserNames(ctx.db, contest);
  const pdf = await renderAwardCertificatePdf({
    language,
    holderNames: students.map((s) => s.name),
    contestName: contest.name,
    entryTitle: entry.title,
    award: translate(language, `contests.awards.${entry.award}`) ?? entry.award,
    organiserName: organiser?.[language] ?? '',
    publishedAt: contest.publishedAt ?? new Date(),
    entryCode: entry.code,
  });
  return { pdf, filename: `certificate-${entry.code}.pdf` };
}
