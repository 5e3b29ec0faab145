import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { newId } from '../../db/columns.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import type { UiLanguage } from '../../../shared/languages.ts';
import { decideCompletion } from './training.completion.ts';
import {
  buildAchievementCredential,
  programmeAlignment,
  signCredential,
  verifyCredentialSignature,
  type AchievementFacts,
  type OpenBadgeCredential,
} from './training.credential.ts';
import { renderCertificatePdf } from './training.certificate-pdf.ts';
import { competenciesByIds } from './training.frameworks.service.ts';
import { trainingKeys } from './training.keys.ts';
import { managedProgramme } from './training.programmes.service.ts';
import { progressFor } from './training.progress.ts';
import { trainingCredentials as c, trainingEnrolments as e, trainingProgrammes } from './training.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

type Programme = typeof trainingProgrammes.$inferSelect;
type Enrolment = typeof e.$inferSelect;

function criteriaText(p: Programme): string {
  const r = p.rules;
  const parts = [`Attendance at least ${r.minAttendancePercent}% of sessions`];
  if (r.minAssignmentsPassed) parts.push(`${r.minAssignmentsPassed} assignment(s) passed`);
  if (r.requireReflection) parts.push('final reflection passed');
  return parts.join('; ') + '.';
}

/**
 * The one issuing export for every module: builds the Open Badges 3.0 credential for an achievement and signs
 * it with the node key. The caller stores the JWS in its own register (training here, contest awards in
 * contests) and registers that register with `registerCredentialSource`, so `/api/v1/credentials/:id/verify`
 * and the `/verify/:id` page serve all of them.
 *
 * @example const { id, jwt } = await signAchievement({ issuerName, holderId, holderName, achievementPath, … })
 */
export async function signAchievement(facts: Omit<AchievementFacts, 'credentialId' | 'publicUrl'> & { credentialId?: string }) {
  const { nodeKey, publicUrl } = trainingKeys();
  const id = facts.credentialId ?? newId();
  const credential = buildAchievementCredential({ ...facts, credentialId: id, publicUrl });
  return { id, jwt: await signCredential(credential, nodeKey), credential };
}

/** A credential as another module stores it: enough to verify it and print it. */
export interface StoredCredential {
  id: string;
  jwt: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revocationReason: string | null;
}

/** A register of credentials kept by another module (contest awards). */
export interface CredentialSource {
  find(db: DbOrTx, credentialId: string): Promise<StoredCredential | null>;
  pdf(db: DbOrTx, credentialId: string, language: UiLanguage): Promise<Buffer>;
}

const sources = new Map<string, CredentialSource>();

/** Called once by a module's routes plugin; idempotent per name. */
export function registerCredentialSource(name: string, source: CredentialSource): void {
  sources.set(name, source);
}

async function findElsewhere(db: DbOrTx, credentialId: string) {
  for (const source of sources.values()) {
    const row = await source.find(db, credentialId);
    if (row) return { row, source };
  }
  return null;
}

/** Signs and stores the certificate of one completed enrolment (inside the caller's transaction). */
export async function issueCredential(tx: DbOrTx, prog: Programme, en: Enrolment, issuedAt = new Date()) {
  const [holder] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, en.userId));
  const comps = await competenciesByIds(tx, prog.competencyIds);
  const { id, jwt } = await signAchievement({
    issuerName: prog.organiserName,
    holderId: en.userId,
    holderName: holder.displayName,
    achievementPath: `/api/v1/training/programmes/${prog.id}`,
    achievementType: 'Certificate',
    name: prog.title,
    description: prog.summary,
    criteria: criteriaText(prog),
    creditHours: prog.creditHours,
    alignment: comps.map((x) => programmeAlignment(x.code, x.names.en)),
    issuedAt,
  });
  const [row] = await tx
    .insert(c)
    .values({
      id,
      enrolmentId: en.id,
      programmeId: prog.id,
      userId: en.userId,
      jurisdictionId: en.jurisdictionId,
      schoolId: en.schoolId,
      jwt,
      issuedAt,
    })
    .returning();
  return row;
}

/**
 * Applies the programme's completion rules to every enrolled teacher: those who meet them are marked
 * completed, credited the hours and issued a signed certificate; the others are listed with what is unmet.
 */
export async function certifyProgramme(ctx: Ctx, programmeId: string) {
  const prog = await managedProgramme(ctx.db, ctx.actor, programmeId);
  return ctx.db.transaction(async (tx) => {
    const cohort = await tx
      .select({ en: e, displayName: users.displayName })
      .from(e)
      .innerJoin(users, eq(users.id, e.userId))
      .where(and(eq(e.programmeId, programmeId), eq(e.status, 'enrolled')));
    const progress = await progressFor(
      tx,
      programmeId,
      cohort.map((r) => r.en.userId),
    );
    const issued: { userId: string; displayName: string; credentialId: string }[] = [];
    const notYet: { userId: string; displayName: string; unmet: string[]; attendancePercent: number }[] = [];
    for (const { en, displayName } of cohort) {
      const decision = decideCompletion(prog.rules, progress.get(en.userId)!);
      if (!decision.complete) {
        notYet.push({ userId: en.userId, displayName, unmet: decision.unmet, attendancePercent: decision.attendancePercent });
        continue;
      }
      await tx
        .update(e)
        .set({ status: 'completed', completedAt: new Date(), hoursCredited: prog.creditHours, updatedAt: new Date() })
        .where(eq(e.id, en.id));
      const cred = await issueCredential(tx, prog, en);
      issued.push({ userId: en.userId, displayName, credentialId: cred.id });
    }
    await recordAudit(tx, ctx.actor, {
      action: 'training.certify',
      targetType: 'training_programme',
      targetId: prog.id,
      jurisdictionId: prog.jurisdictionId,
      schoolId: prog.schoolId,
      details: { issued: issued.map((i) => i.credentialId), notYet: notYet.length },
    });
    return { issued, notYet };
  });
}

export async function revokeCredential(ctx: Ctx, credentialId: string, reason: string) {
  const [row] = await ctx.db.select().from(c).where(eq(c.id, credentialId));
  if (!row) throw new AppError('NOT_FOUND');
  const prog = await managedProgramme(ctx.db, ctx.actor, row.programmeId);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(c)
      .set({ revokedAt: new Date(), revocationReason: reason })
      .where(and(eq(c.id, row.id), isNull(c.revokedAt)))
      .returning();
    if (!updated) throw new AppError('TRAINING_CREDENTIAL_REVOKED');
    await recordAudit(tx, ctx.actor, {
      action: 'training.credential.revoke',
      targetType: 'training_credential',
      targetId: row.id,
      jurisdictionId: prog.jurisdictionId,
      schoolId: prog.schoolId,
      details: { reason },
    });
    return { id: row.id, revoked: true, revokedAt: updated.revokedAt!.toISOString() };
  });
}

export type VerificationStatus = 'valid' | 'revoked' | 'invalid' | 'unknown';

export interface Verification {
  status: VerificationStatus;
  reason?: string;
  credentialId?: string;
  credential?: OpenBadgeCredential;
  issuedAt?: string;
  revokedAt?: string | null;
  revocationReason?: string | null;
  issuerKeyId: string;
}

/**
 * Verifies a presented VC-JWT: the signature against this node's public key, then its revocation status
 * in this node's register. Public (no login): anyone holding the credential may check it.
 */
export async function verifyPresented(db: DbOrTx, jwt: string): Promise<Verification> {
  const { nodeKey } = trainingKeys();
  const check = await verifyCredentialSignature(jwt.trim(), nodeKey.publicKey);
  if (!check.valid) return { status: 'invalid', reason: check.reason, issuerKeyId: nodeKey.keyId };
  const id = /^urn:uuid:([0-9a-f-]{36})$/.exec(check.credential.id)?.[1];
  const [own] = id ? await db.select().from(c).where(eq(c.id, id)) : [];
  const row: StoredCredential | undefined = own ?? (id ? (await findElsewhere(db, id))?.row : undefined);
  if (!row) return { status: 'unknown', reason: 'not_issued_here', credential: check.credential, issuerKeyId: nodeKey.keyId };
  return {
    status: row.revokedAt ? 'revoked' : 'valid',
    credentialId: row.id,
    credential: check.credential,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationReason: row.revocationReason,
    issuerKeyId: nodeKey.keyId,
  };
}

/** Verifies the credential as this node stored it (the verification page and QR code lead here). */
export async function verifyById(db: DbOrTx, credentialId: string): Promise<Verification> {
  const [own] = await db.select({ jwt: c.jwt }).from(c).where(eq(c.id, credentialId));
  const row = own ?? (await findElsewhere(db, credentialId))?.row;
  if (!row) throw new AppError('NOT_FOUND');
  const result = await verifyPresented(db, row.jwt);
  // A stored credential whose id does not match the row was swapped: treat as invalid.
  if (result.credentialId && result.credentialId !== credentialId)
    return { status: 'invalid', reason: 'mismatch', issuerKeyId: result.issuerKeyId };
  return result;
}

/** The JSON download: the VC-JWT as issued, with its decoded credential for people reading it. */
export async function credentialDocument(db: DbOrTx, credentialId: string) {
  const [own] = await db.select().from(c).where(eq(c.id, credentialId));
  const row: StoredCredential | undefined = own ?? (await findElsewhere(db, credentialId))?.row;
  if (!row) throw new AppError('NOT_FOUND');
  const check = await verifyCredentialSignature(row.jwt, trainingKeys().nodeKey.publicKey);
  return { id: row.id, format: 'vc+jwt', jwt: row.jwt, credential: check.valid ? check.credential : null, revoked: row.revokedAt !== null };
}

export async function credentialPdf(db: DbOrTx, credentialId: string, language: UiLanguage): Promise<Buffer> {
  const [row] = await db
    .select({
      cred: c,
      displayName: users.displayName,
      title: trainingProgrammes.title,
      organiserName: trainingProgrammes.organiserName,
      creditHours: trainingProgrammes.creditHours,
    })
    .from(c)
    .innerJoin(users, eq(users.id, c.userId))
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, c.programmeId))
    .where(eq(c.id, credentialId));
  if (!row) {
    const other = await findElsewhere(db, credentialId);
    if (!other) throw new AppError('NOT_FOUND');
    return other.source.pdf(db, credentialId, language);
  }
  return renderCertificatePdf({
    language,
    holderName: row.displayName,
    programmeTitle: row.title,
    organiserName: row.organiserName,
    creditHours: row.creditHours,
    issuedAt: row.cred.issuedAt,
    credentialId: row.cred.id,
    verifyUrl: `${trainingKeys().publicUrl}/verify/${row.cred.id}`,
    revoked: row.cred.revokedAt !== null,
  });
}

/** The issuer profile with the node's public key, so anyone can verify offline. */
export function issuerProfile() {
  const { nodeKey, publicUrl } = trainingKeys();
  return {
    id: `${publicUrl}/api/v1/credentials/issuer`,
    type: ['Profile'],
    name: 'EduBridge node',
    url: publicUrl,
    publicKeyJwk: nodeKey.publicJwk,
  };
}
