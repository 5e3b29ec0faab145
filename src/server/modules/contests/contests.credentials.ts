import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { translate } from '../../http/i18n.ts';
import { users } from '../identity/identity.schema.ts';
import { registerCredentialSource, signAchievement, type CredentialSource } from '../training/training.credentials.service.ts';
import { trainingKeys } from '../training/training.keys.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import type { Contest } from './contests.access.ts';
import { renderAwardCertificatePdf } from './contests.certificate-pdf.ts';
import { organiserNames } from './contests.contests.service.ts';
import { contestCredentials as cc, contestEntries, contestEntryMembers, contests } from './contests.schema.ts';

type Award = 'first' | 'second' | 'third' | 'merit';
type ContentLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

/** The contest's own language decides the credential's wording: it is the organiser's document. */
export function contestScript(language: string): ContentLanguage {
  return language.startsWith('zh-Hant') ? 'zh-Hant' : language === 'en' ? 'en' : 'zh-Hans';
}

const awardName = (lang: UiLanguage, award: string) => translate(lang, `contests.awards.${award}`) ?? award;

/**
 * Makes each pupil's credential match the entry's published award (inside the caller's transaction):
 * a live credential with the same award stays, one with another award is revoked and replaced, an entry
 * without an award keeps none. Returns how many were issued and revoked.
 */
export async function syncAwardCredentials(tx: DbOrTx, contest: Contest, entryIds: string[], reason: string) {
  if (!entryIds.length) return { issued: 0, revoked: 0 };
  const lang = contestScript(contest.language);
  const issuerName = (await organiserNames(tx, contest))?.[lang] ?? contest.name;
  const entries = await tx.select().from(contestEntries).where(inArray(contestEntries.id, entryIds));
  const pupils = await tx
    .select({
      entryId: contestEntryMembers.entryId,
      userId: contestEntryMembers.userId,
      schoolId: contestEntryMembers.schoolId,
      name: users.displayName,
    })
    .from(contestEntryMembers)
    .innerJoin(users, eq(users.id, contestEntryMembers.userId))
    .where(and(inArray(contestEntryMembers.entryId, entryIds), eq(contestEntryMembers.role, 'student')));
  const live = await tx
    .select()
    .from(cc)
    .where(and(inArray(cc.entryId, entryIds), isNull(cc.revokedAt)));
  const now = new Date();
  let issued = 0;
  let revoked = 0;
  for (const entry of entries) {
    const award = entry.award as Award | null;
    const holders = pupils.filter((p) => p.entryId === entry.id);
    for (const old of live.filter((l) => l.entryId === entry.id)) {
      const stillMember = holders.some((h) => h.userId === old.userId);
      if (old.award === award && stillMember) continue;
      await tx.update(cc).set({ revokedAt: now, revocationReason: reason }).where(eq(cc.id, old.id));
      revoked++;
    }
    if (!award) continue;
    for (const h of holders) {
      if (live.some((l) => l.entryId === entry.id && l.userId === h.userId && l.award === award)) continue;
      const { id, jwt } = await signAchievement({
        issuerName,
        holderId: h.userId,
        holderName: h.name,
        achievementPath: `/contests/${contest.id}#${award}`,
        achievementType: 'Award',
        name: `${contest.name} ${awardName(lang, award)}`,
        description: `${entry.title} (${entry.code})`,
        criteria:
          `${translate(lang, 'contests.certificate.criteria') ?? ''} ${translate(lang, 'contests.certificate.notForAdmissions') ?? ''}`.trim(),
        issuedAt: contest.publishedAt ?? now,
      });
      await tx.insert(cc).values({
        id,
        contestId: contest.id,
        entryId: entry.id,
        userId: h.userId,
        jurisdictionId: entry.jurisdictionId,
        schoolId: h.schoolId,
        award,
        jwt,
        issuedAt: contest.publishedAt ?? now,
      });
      issued++;
    }
  }
  return { issued, revoked };
}

const verifyUrl = (credentialId: string) => `${trainingKeys().publicUrl}/verify/${credentialId}`;

/** The certificate pages of an entry: one per pupil, each pointing at that pupil's credential. */
export async function renderEntryCertificate(
  db: DbOrTx,
  contest: Contest,
  entry: typeof contestEntries.$inferSelect,
  language: UiLanguage,
  onlyCredentialId?: string,
) {
  const pupils = await db
    .select({ userId: contestEntryMembers.userId, name: users.displayName })
    .from(contestEntryMembers)
    .innerJoin(users, eq(users.id, contestEntryMembers.userId))
    .where(and(eq(contestEntryMembers.entryId, entry.id), eq(contestEntryMembers.role, 'student')));
  const creds = await db
    .select()
    .from(cc)
    .where(onlyCredentialId ? eq(cc.id, onlyCredentialId) : and(eq(cc.entryId, entry.id), isNull(cc.revokedAt)));
  const organiser = await organiserNames(db, contest);
  const holders = onlyCredentialId
    ? creds.map((c) => ({
        name: pupils.find((p) => p.userId === c.userId)?.name ?? '',
        credentialId: c.id,
        verifyUrl: verifyUrl(c.id),
        revoked: c.revokedAt !== null,
      }))
    : pupils.map((p) => {
        const c = creds.find((x) => x.userId === p.userId);
        return { name: p.name, credentialId: c?.id ?? null, verifyUrl: c ? verifyUrl(c.id) : null, revoked: false };
      });
  const award = onlyCredentialId ? (creds[0]?.award ?? entry.award) : entry.award;
  return renderAwardCertificatePdf({
    language,
    holders,
    contestName: contest.name,
    entryTitle: entry.title,
    award: award ? awardName(language, award) : '',
    organiserName: organiser?.[language] ?? '',
    publishedAt: contest.publishedAt ?? new Date(),
    entryCode: entry.code,
  });
}

/** Lets the shared verifier (`/api/v1/credentials/:id/verify`, `/verify/:id`) find and print contest awards. */
export const contestCredentialSource: CredentialSource = {
  async find(db, credentialId) {
    const [row] = await db.select().from(cc).where(eq(cc.id, credentialId));
    return row ?? null;
  },
  async pdf(db, credentialId, language) {
    const [row] = await db
      .select({ contest: contests, entry: contestEntries })
      .from(cc)
      .innerJoin(contests, eq(contests.id, cc.contestId))
      .innerJoin(contestEntries, eq(contestEntries.id, cc.entryId))
      .where(eq(cc.id, credentialId));
    if (!row) throw new AppError('NOT_FOUND');
    return renderEntryCertificate(db, row.contest, row.entry, language, credentialId);
  },
};

export function registerContestCredentials(): void {
  registerCredentialSource('contests', contestCredentialSource);
}
