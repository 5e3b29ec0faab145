import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, type Actor } from '../identity/identity.access.ts';
import { getSchoolInScope } from '../tenancy/tenancy.service.ts';
import { currentFrameworkRow } from './growth.frameworks.service.ts';
import { growthPolicy } from './growth.policy.ts';
import { presentTerm } from './growth.present.ts';
import { growthTerms } from './growth.schema.ts';
import type { TCreateTermBody } from '../../../shared/api/growth.ts';

/** Terms of a school, newest first. Names and dates only: readable by the school's people. */
export async function listTerms(ctx: { db: DbOrTx; actor: Actor }, schoolId: string) {
  requireRole(ctx.actor, growthPolicy.readTerms);
  await getSchoolInScope(ctx.db, ctx.actor, growthPolicy.readTerms, schoolId);
  const rows = await ctx.db.select().from(growthTerms).where(eq(growthTerms.schoolId, schoolId)).orderBy(desc(growthTerms.startsOn));
  return { items: rows.map(presentTerm) };
}

/**
 * Opens a term (2026-2027 第一学期) at a school. It takes the jurisdiction's current framework version
 * and keeps it: a later framework edit does not change how this term's records read.
 */
export async function createTerm(ctx: { db: Db; actor: Actor }, schoolId: string, body: TCreateTermBody) {
  requireRole(ctx.actor, growthPolicy.manageTerms);
  const school = await getSchoolInScope(ctx.db, ctx.actor, growthPolicy.manageTerms, schoolId);
  const row = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: growthTerms.id })
      .from(growthTerms)
      .where(and(eq(growthTerms.schoolId, schoolId), eq(growthTerms.code, body.code)));
    if (taken) throw new AppError('GROWTH_TERM_EXISTS');
    const framework = await currentFrameworkRow(tx, school.jurisdictionId);
    const [term] = await tx
      .insert(growthTerms)
      .values({ ...body, schoolId, jurisdictionId: school.jurisdictionId, frameworkId: framework.id })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'growth.term.create',
      targetType: 'growth_term',
      targetId: term.id,
      jurisdictionId: school.jurisdictionId,
      schoolId,
      details: { code: body.code, frameworkVersion: framework.version },
    });
    return term;
  });
  return presentTerm(row);
}
