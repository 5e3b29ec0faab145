import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { classes } from '../tenancy/tenancy.schema.ts';
import { getSchoolInScope } from '../tenancy/tenancy.service.ts';
import { requireRole, type Actor } from './identity.access.ts';
import { generatePassword, hashPassword } from './identity.passwords.ts';
import { identityPolicy } from './identity.policy.ts';
import { parseRoster, RosterFileError, type ParsedRoster, type RowRef, type UploadedFile } from './identity.roster-parse.ts';
import { classEnrollments, memberships, passwordCredentials, rosterImports, users } from './identity.schema.ts';

interface Ctx {
  db: Db;
  actor: Actor;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip';

export interface RosterReportRow {
  file: string;
  line: number;
  entity: RowRef['entity'];
  sourceId: string;
  action: RowAction;
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

export interface RosterImportReport {
  importId: string;
  schoolId: string;
  format: ParsedRoster['format'];
  status: 'checked' | 'committed';
  summary: { rows: number; create: number; update: number; unchanged: number; errors: number; warnings: number };
  rows: RosterReportRow[];
}

/** The school year a roster lands in: September starts a new one (both sides of the border). */
export function currentSchoolYear(now = new Date()): string {
  const y = now.getUTCFullYear();
  return now.getUTCMonth() >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/**
 * Step 1, the dry run: parse, compare with what the school has, and keep the plan so the commit applies
 * exactly what the admin saw. Nothing but the import record is written.
 */
export async function checkRoster(ctx: Ctx, schoolId: string, files: UploadedFile[]): Promise<RosterImportReport> {
  requireRole(ctx.actor, identityPolicy.managePeople);
  const school = await getSchoolInScope(ctx.db, ctx.actor, identityPolicy.managePeople, schoolId);
  let parsed: ParsedRoster;
  try {
    parsed = await parseRoster(files);
  } catch (e) {
    if (e instanceof RosterFileError) throw new AppError(e.code, { detail: e.message });
    throw e;
  }
  const diff = await diffAgainstSchool(ctx.db, school, parsed);
  const fileSha256 = createHash('sha256');
  for (const f of files) fileSha256.update(f.data);
  const [row] = await ctx.db
    .insert(rosterImports)
    .values({
      schoolId,
      jurisdictionId: school.jurisdictionId,
      format: parsed.format,
      status: 'checked',
      fileSha256: fileSha256.digest('hex'),
      plan: parsed,
      summary: diff.summary,
      createdBy: ctx.actor.id!,
    })
    .returning({ id: rosterImports.id });
  return { importId: row.id, schoolId, format: parsed.format, status: 'checked', summary: diff.summary, rows: diff.rows };
}

interface SchoolRef {
  id: string;
  code: string;
  jurisdictionId: string;
  languages: string[];
}

function defaultLocale(languages: string[]): 'zh-Hans' | 'zh-Hant' | 'en' {
  const first = languages[0] ?? 'zh-Hans';
  return first.startsWith('zh-Hant') ? 'zh-Hant' : first === 'en' ? 'en' : 'zh-Hans';
}

interface Diff {
  rows: RosterReportRow[];
  summary: RosterImportReport['summary'];
  classActions: Map<string, RowAction>;
  userActions: Map<string, RowAction>;
  usernames: Map<string, string>;
}

/** Compares the plan with the school's current classes and people, upserting by source id. */
async function diffAgainstSchool(db: DbOrTx, school: SchoolRef, parsed: ParsedRoster): Promise<Diff> {
  const schoolYear = currentSchoolYear();
  const existingClasses = await db
    .select()
    .from(classes)
    .where(and(eq(classes.schoolId, school.id), isNotNull(classes.sourceId)));
  const classBySource = new Map(existingClasses.map((c) => [c.sourceId!, c]));
  const existingUsers = await db
    .select()
    .from(users)
    .where(and(eq(users.schoolId, school.id), isNotNull(users.sourceId)));
  const userBySource = new Map(existingUsers.map((u) => [u.sourceId!, u]));

  const classActions = new Map<string, RowAction>();
  for (const c of parsed.classes) {
    const old = classBySource.get(c.sourceId);
    classActions.set(
      c.sourceId,
      !old
        ? 'create'
        : old.name === c.name && old.code === c.code && old.grade === c.grade && old.schoolYear === schoolYear
          ? 'unchanged'
          : 'update',
    );
  }

  // Usernames: as given, else school code + number/source id. A name taken by someone else is an error
  // on that row, never a silent rename.
  const usernames = new Map<string, string>();
  for (const u of parsed.users) {
    const old = userBySource.get(u.sourceId);
    usernames.set(u.sourceId, old?.username ?? u.username ?? defaultUsername(school.code, u.studentNumber ?? u.sourceId));
  }
  const wanted = [...new Set(usernames.values())];
  const holders = wanted.length
    ? await db
        .select({ username: users.username, schoolId: users.schoolId, sourceId: users.sourceId })
        .from(users)
        .where(inArray(users.username, wanted))
    : [];
  const holderOf = new Map(holders.map((h) => [h.username, h]));

  const userActions = new Map<string, RowAction>();
  const extraErrors = new Map<string, FieldProblem[]>();
  for (const u of parsed.users) {
    const old = userBySource.get(u.sourceId);
    const username = usernames.get(u.sourceId)!;
    const holder = holderOf.get(username);
    if (!old && holder && !(holder.schoolId === school.id && holder.sourceId === u.sourceId)) {
      extraErrors.set(u.sourceId, [{ path: 'username', code: 'username_taken', message: `the username ${username} is already taken` }]);
      continue;
    }
    userActions.set(
      u.sourceId,
      !old
        ? 'create'
        : old.displayName === u.displayName && old.studentNumber === u.studentNumber && old.status === 'active'
          ? 'unchanged'
          : 'update',
    );
  }

  const existingEnrollments = await db
    .select({
      sourceId: classEnrollments.sourceId,
      classId: classEnrollments.classId,
      userId: classEnrollments.userId,
      role: classEnrollments.role,
    })
    .from(classEnrollments)
    .where(eq(classEnrollments.schoolId, school.id));
  const enrollmentKey = new Set(existingEnrollments.map((e) => `${e.classId}|${e.userId}|${e.role}`));

  const rows: RosterReportRow[] = parsed.rows.map((r) => {
    const errors = [...r.errors, ...(r.entity === 'user' ? (extraErrors.get(r.sourceId) ?? []) : [])];
    let action: RowAction = 'skip';
    if (!errors.length) {
      if (r.entity === 'class') action = classActions.get(r.sourceId) ?? 'skip';
      else if (r.entity === 'user') {
        action = userActions.get(r.sourceId) ?? 'skip';
        // The template carries the enrolment on the user's row: a moved student is an update of that row.
        if (action === 'unchanged' && parsed.format === 'template') {
          const e = parsed.enrollments.find((x) => x.userSourceId === r.sourceId);
          const cls = e && classBySource.get(e.classSourceId);
          const user = userBySource.get(r.sourceId);
          if (e && (!cls || !user || !enrollmentKey.has(`${cls.id}|${user.id}|${e.role}`))) action = 'update';
          if (e?.homeroom && cls && user && cls.homeroomTeacherId !== user.id) action = 'update';
        }
      } else {
        const e = parsed.enrollments.find((x) => x.sourceId === r.sourceId);
        const cls = e && classBySource.get(e.classSourceId);
        const user = e && userBySource.get(e.userSourceId);
        action = e ? (cls && user && enrollmentKey.has(`${cls.id}|${user.id}|${e.role}`) ? 'unchanged' : 'create') : 'skip';
      }
    }
    return { file: r.file, line: r.line, entity: r.entity, sourceId: r.sourceId, action, errors, warnings: r.warnings };
  });
  const count = (a: RowAction) => rows.filter((r) => r.action === a).length;
  return {
    rows,
    summary: {
      rows: rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      errors: rows.filter((r) => r.errors.length).length,
      warnings: rows.filter((r) => r.warnings.length).length,
    },
    classActions,
    userActions,
    usernames,
  };
}

function defaultUsername(schoolCode: string, id: string): string {
  const clean = id
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .replace(/^-+/, '');
  return `${schoolCode}-${clean}`.slice(0, 63);
}

export interface Credential {
  username: string;
  displayName: string;
  initialPassword: string;
}

/**
 * Step 2, the commit: in one transaction, re-check against the current state and apply. Any error (in the
 * file, or because something changed since the dry run) applies nothing.
 */
export async function commitRoster(ctx: Ctx, importId: string): Promise<{ report: RosterImportReport; credentials: Credential[] }> {
  requireRole(ctx.actor, identityPolicy.managePeople);
  const [imp] = await ctx.db.select().from(rosterImports).where(eq(rosterImports.id, importId));
  if (!imp) throw new AppError('ROSTER_IMPORT_NOT_FOUND');
  const school = await getSchoolInScope(ctx.db, ctx.actor, identityPolicy.managePeople, imp.schoolId).catch(() => {
    throw new AppError('ROSTER_IMPORT_NOT_FOUND');
  });
  if (imp.status === 'committed') throw new AppError('ROSTER_IMPORT_STALE');
  const parsed = imp.plan as ParsedRoster;

  // Passwords are hashed before the transaction opens: argon2 is slow by design and must not hold locks.
  const preview = await diffAgainstSchool(ctx.db, school, parsed);
  if (preview.summary.errors) throw new AppError('ROSTER_HAS_ERRORS', { errors: preview.rows.flatMap((r) => r.errors).slice(0, 50) });
  const credentials: Credential[] = [];
  const hashes = new Map<string, string>();
  const toCreate = parsed.users.filter((u) => preview.userActions.get(u.sourceId) === 'create');
  for (let i = 0; i < toCreate.length; i += 8) {
    await Promise.all(
      toCreate.slice(i, i + 8).map(async (u) => {
        const password = generatePassword();
        hashes.set(u.sourceId, await hashPassword(password));
        credentials.push({ username: preview.usernames.get(u.sourceId)!, displayName: u.displayName, initialPassword: password });
      }),
    );
  }

  const report = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: rosterImports.status })
      .from(rosterImports)
      .where(eq(rosterImports.id, importId))
      .for('update');
    if (locked.status === 'committed') throw new AppError('ROSTER_IMPORT_STALE');
    const diff = await diffAgainstSchool(tx, school, parsed);
    const sameAsPreview = [...diff.userActions].every(([k, a]) => preview.userActions.get(k) === a);
    if (diff.summary.errors || !sameAsPreview) throw new AppError('ROSTER_IMPORT_STALE');
    await applyPlan(tx, school, parsed, diff, hashes);
    await tx
      .update(rosterImports)
      .set({ status: 'committed', committedAt: new Date(), summary: diff.summary })
      .where(eq(rosterImports.id, importId));
    await recordAudit(tx, ctx.actor, {
      action: 'roster.import_commit',
      targetType: 'school',
      targetId: school.id,
      jurisdictionId: school.jurisdictionId,
      schoolId: school.id,
      details: { importId, format: parsed.format, ...diff.summary },
    });
    return { importId, schoolId: school.id, format: parsed.format, status: 'committed' as const, summary: diff.summary, rows: diff.rows };
  });
  credentials.sort((a, b) => a.username.localeCompare(b.username));
  return { report, credentials };
}

async function applyPlan(tx: DbOrTx, school: SchoolRef, parsed: ParsedRoster, diff: Diff, hashes: Map<string, string>) {
  const schoolYear = currentSchoolYear();
  const now = new Date();
  for (const c of parsed.classes) {
    const action = diff.classActions.get(c.sourceId);
    if (action === 'unchanged') continue;
    await tx
      .insert(classes)
      .values({
        schoolId: school.id,
        jurisdictionId: school.jurisdictionId,
        sourceId: c.sourceId,
        code: c.code,
        name: c.name,
        grade: c.grade,
        schoolYear,
      })
      .onConflictDoUpdate({
        target: [classes.schoolId, classes.sourceId],
        set: { code: c.code, name: c.name, grade: c.grade, schoolYear, updatedAt: now },
      });
  }
  const classRows = await tx
    .select({ id: classes.id, sourceId: classes.sourceId, homeroomTeacherId: classes.homeroomTeacherId })
    .from(classes)
    .where(eq(classes.schoolId, school.id));
  const classIdOf = new Map(classRows.map((c) => [c.sourceId, c.id]));

  for (const u of parsed.users) {
    const action = diff.userActions.get(u.sourceId);
    if (action === 'create') {
      const [created] = await tx
        .insert(users)
        .values({
          username: diff.usernames.get(u.sourceId)!,
          displayName: u.displayName,
          studentNumber: u.studentNumber,
          jurisdictionId: school.jurisdictionId,
          schoolId: school.id,
          sourceId: u.sourceId,
          mustChangePassword: true,
          // Children and teachers read the UI in their school's script by default.
          locale: defaultLocale(school.languages),
        })
        .returning({ id: users.id });
      await tx.insert(passwordCredentials).values({ userId: created.id, hash: hashes.get(u.sourceId)! });
      await tx.insert(memberships).values({ userId: created.id, role: u.role, jurisdictionId: school.jurisdictionId, schoolId: school.id });
    } else if (action === 'update') {
      await tx
        .update(users)
        .set({ displayName: u.displayName, studentNumber: u.studentNumber, status: 'active', updatedAt: now })
        .where(and(eq(users.schoolId, school.id), eq(users.sourceId, u.sourceId)));
    }
  }
  const userRows = await tx.select({ id: users.id, sourceId: users.sourceId }).from(users).where(eq(users.schoolId, school.id));
  const userIdOf = new Map(userRows.map((u) => [u.sourceId, u.id]));

  for (const e of parsed.enrollments) {
    const classId = classIdOf.get(e.classSourceId);
    const userId = userIdOf.get(e.userSourceId);
    if (!classId || !userId) continue;
    await tx
      .insert(classEnrollments)
      .values({ classId, userId, schoolId: school.id, role: e.role, sourceId: e.sourceId })
      .onConflictDoNothing();
    if (e.role === 'student' && parsed.format === 'template') {
      // A student sits in one class per year: the template moves them.
      const others = classRows.filter((c) => c.id !== classId).map((c) => c.id);
      if (others.length) {
        await tx
          .delete(classEnrollments)
          .where(and(eq(classEnrollments.userId, userId), eq(classEnrollments.role, 'student'), inArray(classEnrollments.classId, others)));
      }
    }
    if (e.homeroom && classRows.find((c) => c.id === classId)?.homeroomTeacherId !== userId) {
      await tx.update(classes).set({ homeroomTeacherId: userId, updatedAt: now }).where(eq(classes.id, classId));
    }
  }
}

export async function listRosterImports(ctx: Ctx, schoolId: string) {
  requireRole(ctx.actor, identityPolicy.managePeople);
  await getSchoolInScope(ctx.db, ctx.actor, identityPolicy.managePeople, schoolId);
  const rows = await ctx.db
    .select({
      id: rosterImports.id,
      schoolId: rosterImports.schoolId,
      format: rosterImports.format,
      status: rosterImports.status,
      summary: rosterImports.summary,
      createdAt: rosterImports.createdAt,
      committedAt: rosterImports.committedAt,
      createdBy: users.username,
    })
    .from(rosterImports)
    .innerJoin(users, eq(users.id, rosterImports.createdBy))
    .where(eq(rosterImports.schoolId, schoolId))
    .orderBy(desc(rosterImports.createdAt))
    .limit(50);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), committedAt: r.committedAt?.toISOString() ?? null })) };
}
