import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import type { SelfAssessmentBody } from '../../../shared/api/training.ts';
import { decideCompletion } from './training.completion.ts';
import { trainingKeys } from './training.keys.ts';
import { trainingPolicy } from './training.policy.ts';
import { presentCredentialSummary, presentProgramme, presentSubmission } from './training.present.ts';
import { filesOfSubmissions } from './training.submission-files.service.ts';
import { progressFor } from './training.progress.ts';
import {
  trainingCompetencies,
  trainingCredentials,
  trainingEnrolments as e,
  trainingProgrammes,
  trainingSelfAssessments as sa,
  trainingSubmissions,
} from './training.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

/** "My learning": the actor's own enrolments with progress against the rules, submissions and certificates. */
export async function myLearning(ctx: Ctx) {
  const userId = ctx.actor.id;
  if (!userId) throw new AppError('FORBIDDEN');
  const rows = await ctx.db
    .select({ en: e, prog: trainingProgrammes })
    .from(e)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, e.programmeId))
    .where(and(eq(e.userId, userId), sql`${e.status} <> 'withdrawn'`))
    .orderBy(desc(e.createdAt))
    .limit(200);
  const [subs, creds] = await Promise.all([
    ctx.db.select().from(trainingSubmissions).where(eq(trainingSubmissions.userId, userId)).orderBy(asc(trainingSubmissions.attempt)),
    ctx.db.select().from(trainingCredentials).where(eq(trainingCredentials.userId, userId)),
  ]);
  const attached = await filesOfSubmissions(
    ctx.db,
    subs.map((x) => x.id),
  );
  const { publicUrl } = trainingKeys();
  const items = [];
  for (const { en, prog } of rows) {
    const progress = (await progressFor(ctx.db, prog.id, [userId])).get(userId)!;
    const cred = creds.find((x) => x.enrolmentId === en.id);
    items.push({
      enrolment: {
        id: en.id,
        status: en.status,
        organiserDecision: en.organiserDecision,
        principalDecision: en.principalDecision,
        completedAt: en.completedAt?.toISOString() ?? null,
        hoursCredited: en.hoursCredited,
      },
      programme: presentProgramme(prog),
      progress: { ...progress, ...decideCompletion(prog.rules, progress) },
      submissions: subs.filter((s) => s.programmeId === prog.id).map((s) => ({ ...presentSubmission(s), files: attached.get(s.id) ?? [] })),
      credential: cred ? presentCredentialSummary(cred, publicUrl) : null,
    });
  }
  return { items };
}

/** A self-assessment of one competency, with evidence (text and optionally a library resource). */
export async function addSelfAssessment(ctx: Ctx, input: SelfAssessmentBody) {
  requireRole(ctx.actor, trainingPolicy.learn);
  const [comp] = await ctx.db
    .select({ id: trainingCompetencies.id })
    .from(trainingCompetencies)
    .where(eq(trainingCompetencies.id, input.competencyId));
  if (!comp) throw new AppError('TRAINING_COMPETENCY_UNKNOWN');
  const [me] = await ctx.db
    .select({ jurisdictionId: users.jurisdictionId, schoolId: users.schoolId })
    .from(users)
    .where(eq(users.id, ctx.actor.id!));
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sa)
      .values({
        userId: ctx.actor.id!,
        jurisdictionId: me.jurisdictionId,
        schoolId: me.schoolId,
        competencyId: input.competencyId,
        programmeId: input.programmeId ?? null,
        phase: input.phase,
        level: input.level,
        evidence: input.evidence,
        evidenceResourceId: input.evidenceResourceId ?? null,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'training.self_assessment.create',
      targetType: 'training_self_assessment',
      targetId: row.id,
      jurisdictionId: me.jurisdictionId,
      schoolId: me.schoolId,
    });
    return {
      id: row.id,
      competencyId: row.competencyId,
      phase: row.phase,
      level: row.level,
      evidence: row.evidence,
      assessedAt: row.assessedAt.toISOString(),
    };
  });
}

/**
 * The competency profile: for each competency the latest level assessed before and after (a programme) and
 * the latest overall, for the radar chart; credit hours per calendar year (UTC+8) of completion.
 */
export async function myProfile(ctx: Ctx) {
  const userId = ctx.actor.id;
  if (!userId) throw new AppError('FORBIDDEN');
  const rows = await ctx.db.select().from(sa).where(eq(sa.userId, userId)).orderBy(asc(sa.assessedAt));
  const byComp = new Map<
    string,
    { competencyId: string; before: number | null; after: number | null; latest: number; evidence: string; assessedAt: string }
  >();
  for (const r of rows) {
    const cur = byComp.get(r.competencyId) ?? {
      competencyId: r.competencyId,
      before: null,
      after: null,
      latest: r.level,
      evidence: '',
      assessedAt: '',
    };
    if (r.phase === 'before') cur.before = r.level;
    if (r.phase === 'after') cur.after = r.level;
    cur.latest = r.level;
    cur.evidence = r.evidence || cur.evidence;
    cur.assessedAt = r.assessedAt.toISOString();
    byComp.set(r.competencyId, cur);
  }
  const hours = await ctx.db
    .select({
      year: sql<number>`extract(year from ${e.completedAt} AT TIME ZONE 'Asia/Shanghai')::int`.mapWith(Number),
      hours: sql<number>`coalesce(sum(${e.hoursCredited}), 0)`.mapWith(Number),
      programmes: sql<number>`count(*)`.mapWith(Number),
    })
    .from(e)
    .where(and(eq(e.userId, userId), eq(e.status, 'completed'), isNotNull(e.completedAt)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return { competencies: [...byComp.values()], hoursByYear: hours };
}
