import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { placesFor, requireRole, type Actor } from '../identity/identity.access.ts';
import type { CreateFrameworkBody } from '../../../shared/api/training.ts';
import { COMPETENCY_LEVELS } from '../../../shared/api/training.ts';
import { UNESCO_FRAMEWORK } from './training.framework.defaults.ts';
import { trainingPolicy } from './training.policy.ts';
import { presentFramework } from './training.present.ts';
import { trainingCompetencies, trainingFrameworks } from './training.schema.ts';

/**
 * Seeds UNESCO's framework (five aspects × three levels) on every start. Idempotent: keyed by the framework
 * code and each competency code, so a restart changes nothing and a newer release adds what is missing.
 *
 * @example await seedUnescoFramework(db)
 */
export async function seedUnescoFramework(db: DbOrTx): Promise<string> {
  const f = UNESCO_FRAMEWORK;
  await db
    .insert(trainingFrameworks)
    .values({ code: f.code, names: f.names, aspects: f.aspects.map((a) => ({ code: a.code, names: a.names })), jurisdictionId: null })
    .onConflictDoNothing({ target: trainingFrameworks.code });
  const [row] = await db.select({ id: trainingFrameworks.id }).from(trainingFrameworks).where(eq(trainingFrameworks.code, f.code));
  const competencies = f.aspects.flatMap((a, i) =>
    COMPETENCY_LEVELS.map((level, j) => ({
      frameworkId: row.id,
      code: `${a.code}.${level}`,
      aspect: a.code,
      level,
      names: a.blocks[level],
      position: i * 3 + j,
    })),
  );
  await db.insert(trainingCompetencies).values(competencies).onConflictDoNothing();
  return row.id;
}

/** Frameworks the actor can use: node-wide ones and those of their jurisdictions, with their competencies. */
export async function listFrameworks(ctx: { db: Db; actor: Actor }) {
  const jurisdictions = [...new Set(ctx.actor.memberships.map((m) => m.jurisdictionId))];
  const frameworks = await ctx.db
    .select()
    .from(trainingFrameworks)
    .where(
      or(
        isNull(trainingFrameworks.jurisdictionId),
        jurisdictions.length ? inArray(trainingFrameworks.jurisdictionId, jurisdictions) : sql`false`,
      ),
    )
    .orderBy(sql`${trainingFrameworks.jurisdictionId} IS NOT NULL`, asc(trainingFrameworks.createdAt));
  const comps = frameworks.length
    ? await ctx.db
        .select()
        .from(trainingCompetencies)
        .where(
          inArray(
            trainingCompetencies.frameworkId,
            frameworks.map((f) => f.id),
          ),
        )
        .orderBy(asc(trainingCompetencies.position))
    : [];
  return {
    items: frameworks.map((f) =>
      presentFramework(
        f,
        comps.filter((c) => c.frameworkId === f.id),
      ),
    ),
  };
}

/** A bureau adds its own framework (e.g. a provincial standard), visible in its jurisdiction. */
export async function createFramework(ctx: { db: Db; actor: Actor }, input: CreateFrameworkBody) {
  requireRole(ctx.actor, trainingPolicy.addFramework);
  const place = placesFor(ctx.actor, trainingPolicy.addFramework)[0];
  const aspectCodes = new Set(input.aspects.map((a) => a.code));
  const bad = input.competencies.findIndex((c) => !aspectCodes.has(c.aspect));
  if (bad >= 0)
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: `body.competencies.${bad}.aspect`, code: 'unknown_aspect', message: 'aspect not in this framework' }],
    });
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: trainingFrameworks.id }).from(trainingFrameworks).where(eq(trainingFrameworks.code, input.code));
    if (taken) throw new AppError('TRAINING_FRAMEWORK_CODE_TAKEN');
    const [f] = await tx
      .insert(trainingFrameworks)
      .values({
        code: input.code,
        names: input.names,
        aspects: input.aspects,
        jurisdictionId: place.jurisdictionId,
        createdBy: ctx.actor.id,
      })
      .returning();
    const comps = await tx
      .insert(trainingCompetencies)
      .values(input.competencies.map((c, i) => ({ ...c, frameworkId: f.id, position: i })))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'training.framework.create',
      targetType: 'training_framework',
      targetId: f.id,
      jurisdictionId: place.jurisdictionId,
      details: { code: input.code },
    });
    return presentFramework(f, comps);
  });
}

/** The competencies among `ids` that exist; used to validate a programme's targets. */
export async function competenciesByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(trainingCompetencies)
    .where(and(inArray(trainingCompetencies.id, ids)));
}
