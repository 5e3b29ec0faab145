import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { TInventoryBody } from '../../../shared/api/insights.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole, requireUser, reachesSchool, type Actor } from '../identity/identity.access.ts';
import { getSchoolInScope } from '../tenancy/tenancy.service.ts';
import { requestRecompute } from './insights.jobs.ts';
import { insightsPolicy } from './insights.policy.ts';
import { presentImport, presentInventory } from './insights.present.ts';
import { insightsCourseOffers, insightsImports, insightsInventories, insightsRooms } from './insights.schema.ts';
import { previousTerm } from './insights.terms.ts';
import { parseInventoryWorkbook, WorkbookUnreadable, writeInventoryWorkbook } from './insights.workbook.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

const EMPTY: TInventoryBody = {
  teacherTerminals: 0,
  studentDevices: 0,
  bandwidthMbps: 0,
  connectivity: 'broadband',
  popularisationBase: 'none',
  rooms: [],
  courses: [],
};

async function loadInventory(db: DbOrTx, schoolId: string, term: string) {
  const [inv] = await db
    .select()
    .from(insightsInventories)
    .where(and(eq(insightsInventories.schoolId, schoolId), eq(insightsInventories.term, term)));
  if (!inv) return null;
  const rooms = await db
    .select()
    .from(insightsRooms)
    .where(eq(insightsRooms.inventoryId, inv.id))
    .orderBy(insightsRooms.kind, insightsRooms.name);
  const courses = await db
    .select()
    .from(insightsCourseOffers)
    .where(eq(insightsCourseOffers.inventoryId, inv.id))
    .orderBy(insightsCourseOffers.grade, insightsCourseOffers.setting);
  return { inv, rooms, courses };
}

/**
 * A school's inventory for a term. When the term has none yet, the previous term's is offered as the
 * starting point (`carriedFrom`), so a school admin only changes what changed.
 */
export async function getInventory(ctx: Ctx, schoolId: string, term: string) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.readInventory);
  const school = await getSchoolInScope(ctx.db, actor, insightsPolicy.readInventory, schoolId);
  const canEdit = reachesSchool(actor, insightsPolicy.keepInventory, school);
  const found = await loadInventory(ctx.db, schoolId, term);
  if (found) return presentInventory(school, term, found, null, canEdit);
  const before = await loadInventory(ctx.db, schoolId, previousTerm(term));
  return presentInventory(school, term, before, before ? previousTerm(term) : null, canEdit);
}

/** Replaces the term's inventory with `body` in one transaction, with an audit entry. */
async function writeInventory(
  tx: DbOrTx,
  actor: Actor,
  school: { id: string; jurisdictionId: string },
  term: string,
  body: TInventoryBody,
) {
  const values = {
    teacherTerminals: body.teacherTerminals,
    studentDevices: body.studentDevices,
    bandwidthMbps: body.bandwidthMbps,
    connectivity: body.connectivity,
    popularisationBase: body.popularisationBase,
    updatedBy: actor.id,
    updatedAt: new Date(),
  };
  const [inv] = await tx
    .insert(insightsInventories)
    .values({ schoolId: school.id, jurisdictionId: school.jurisdictionId, term, ...values })
    .onConflictDoUpdate({
      target: [insightsInventories.schoolId, insightsInventories.term],
      set: { ...values, version: sqlIncrement() },
    })
    .returning();
  await tx.delete(insightsRooms).where(eq(insightsRooms.inventoryId, inv.id));
  await tx.delete(insightsCourseOffers).where(eq(insightsCourseOffers.inventoryId, inv.id));
  if (body.rooms.length) await tx.insert(insightsRooms).values(body.rooms.map((r) => ({ ...r, inventoryId: inv.id })));
  if (body.courses.length) await tx.insert(insightsCourseOffers).values(body.courses.map((c) => ({ ...c, inventoryId: inv.id })));
  return inv;
}

/** Editable entities carry a version (DESIGN.md §5); a save bumps it. */
const sqlIncrement = () => sql`${insightsInventories.version} + 1`;

export async function saveInventory(ctx: Ctx, schoolId: string, term: string, version: number | undefined, body: TInventoryBody) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.keepInventory);
  const school = await getSchoolInScope(ctx.db, actor, insightsPolicy.keepInventory, schoolId);
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: insightsInventories.version })
      .from(insightsInventories)
      .where(and(eq(insightsInventories.schoolId, schoolId), eq(insightsInventories.term, term)))
      .for('update');
    if (current && version !== undefined && current.version !== version) throw new AppError('VERSION_CONFLICT');
    const inv = await writeInventory(tx, actor, school, term, body);
    await recordAudit(tx, actor, {
      action: 'insights.inventory.save',
      targetType: 'insights_inventory',
      targetId: inv.id,
      jurisdictionId: school.jurisdictionId,
      schoolId: school.id,
      details: { term, rooms: body.rooms.length, courses: body.courses.length },
    });
    await requestRecompute(tx, term);
  });
  return getInventory(ctx, schoolId, term);
}

/** The term's inventory (or an empty one) as the import workbook. */
export async function exportInventory(ctx: Ctx, schoolId: string, term: string): Promise<{ filename: string; data: Buffer }> {
  const view = await getInventory(ctx, schoolId, term);
  const body: TInventoryBody = view.inventory ?? EMPTY;
  return { filename: `inventory-${view.school.code}-${term}.xlsx`, data: await writeInventoryWorkbook(body) };
}

/** Step 1 of an import, the dry run: parse and check the workbook, keep the plan; the inventory is untouched. */
export async function checkInventoryImport(ctx: Ctx, schoolId: string, term: string, readFile: () => Promise<Buffer>) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.keepInventory);
  const school = await getSchoolInScope(ctx.db, actor, insightsPolicy.keepInventory, schoolId);
  // The upload is read only once the caller may import here: an outsider learns nothing from our parser.
  const data = await readFile();
  let parsed: Awaited<ReturnType<typeof parseInventoryWorkbook>>;
  try {
    parsed = await parseInventoryWorkbook(data);
  } catch (e) {
    if (e instanceof WorkbookUnreadable) throw new AppError('INSIGHTS_FILE_UNREADABLE');
    throw e;
  }
  const [row] = await ctx.db
    .insert(insightsImports)
    .values({
      schoolId,
      jurisdictionId: school.jurisdictionId,
      term,
      status: 'checked',
      fileSha256: createHash('sha256').update(data).digest('hex'),
      plan: parsed.plan,
      problems: parsed.problems,
      createdBy: actor.id,
    })
    .returning();
  return presentImport(row);
}

/** Step 2: applies the checked plan in one transaction; a file with problems is refused and nothing changes. */
export async function commitInventoryImport(ctx: Ctx, importId: string) {
  const actor = requireUser(ctx.actor);
  requireRole(actor, insightsPolicy.keepInventory);
  const [imp] = await ctx.db.select().from(insightsImports).where(eq(insightsImports.id, importId));
  if (!imp) throw new AppError('NOT_FOUND');
  const school = await getSchoolInScope(ctx.db, actor, insightsPolicy.keepInventory, imp.schoolId);
  if (imp.problems.length || !imp.plan) throw new AppError('INSIGHTS_IMPORT_HAS_ERRORS', { errors: imp.problems.slice(0, 50) });
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: insightsImports.status })
      .from(insightsImports)
      .where(eq(insightsImports.id, importId))
      .for('update');
    if (locked.status === 'committed') throw new AppError('INSIGHTS_IMPORT_STALE');
    const inv = await writeInventory(tx, actor, school, imp.term, imp.plan!);
    await tx.update(insightsImports).set({ status: 'committed' }).where(eq(insightsImports.id, importId));
    await recordAudit(tx, actor, {
      action: 'insights.inventory.import',
      targetType: 'insights_inventory',
      targetId: inv.id,
      jurisdictionId: school.jurisdictionId,
      schoolId: school.id,
      details: { term: imp.term, importId, fileSha256: imp.fileSha256 },
    });
    await requestRecompute(tx, imp.term);
  });
  return presentImport({ ...imp, status: 'committed' });
}
