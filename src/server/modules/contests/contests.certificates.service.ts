import { AppError } from '../../http/app-error.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import type { Ctx } from './contests.contests.service.ts';
import { renderEntryCertificate } from './contests.credentials.ts';
import { visibleEntry } from './contests.registration.service.ts';

/**
 * The award certificate of a published entry, for its members, their teachers and the organiser: one page
 * per pupil, each with the QR code of that pupil's verifiable credential.
 */
export async function awardCertificate(ctx: Ctx, entryId: string, language: UiLanguage) {
  const { entry, contest } = await visibleEntry(ctx.db, ctx.actor, entryId);
  if (contest.status === 'open' || !entry.award) throw new AppError('CONTESTS_NOT_PUBLISHED');
  const pdf = await renderEntryCertificate(ctx.db, contest, entry, language);
  return { pdf, filename: `certificate-${entry.code}.pdf` };
}
