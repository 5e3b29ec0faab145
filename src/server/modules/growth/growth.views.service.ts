import { and, asc, count, countDistinct, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { placesFor, requireRole, schoolsInScope, type Actor } from '../identity/identity.access.ts';
import { classEnrollments, memberships, users } from '../identity/identity.schema.ts';
import { classes, schools } from '../tenancy/tenancy.schema.ts';
import { studentRowsInScope } from './growth.access.ts';
import { currentFrameworkRow } from './growth.frameworks.service.ts';
import { growthPolicy, SMALL_CELL_THRESHOLD } from './growth.policy.ts';
import { presentEvidence, presentFramework, presentObjection, presentRecord, presentTerm } from './growth.present.ts';
import { displayNames, frameworkOf, recordInScope, relationToRecord, termAt, termById } from './growth.records.ts';
import { growthAttachments, growthEvidence, growthFrameworks, growthObjections, growthRecords, growthTerms } from './growth.schema.ts';
import { suppressCell } from './growth.suppress.ts';
import type {
  GrowthAggregates,
  GrowthClassOverview,
  GrowthDimensionCount,
  GrowthDistributionCell,
  GrowthMyRecord,
  GrowthOverTerms,
  GrowthRecordDetail,
  GrowthSchoolDistribution,
} from '../../../shared/api/growth.ts';

interface ReadCtx {
  db: DbOrTx;
  actor: Actor;
}

/** Approved entries that still count (an upheld objection withdraws one). */
const counts = and(eq(growthEvidence.reviewStatus, 'approved'), eq(growthEvidence.withdrawn, false));

/** Narrows an actor to some of their roles, so a query answers for that role alone. */
const asRoles = (actor: Actor, roles: Actor['memberships'][number]['role'][]): Actor => ({
  ...actor,
  memberships: placesFor(actor, roles),
});

/** One record with its entries and objections, as the reader may see it. */
export async function recordDetail(ctx: ReadCtx, recordId: string): Promise<GrowthRecordDetail> {
  const record = await recordInScope(ctx.db, ctx.actor, recordId);
  const term = await termById(ctx.db, record.termId);
  const framework = await frameworkOf(ctx.db, term);
  const relation = await relationToRecord(ctx.db, ctx.actor, record);
  const evidence = await ctx.db
    .select()
    .from(growthEvidence)
    .where(eq(growthEvidence.recordId, recordId))
    .orderBy(asc(growthEvidence.occurredOn), asc(growthEvidence.createdAt));
  const attachments = evidence.length
    ? await ctx.db
        .select()
        .from(growthAttachments)
        .where(
          inArray(
            growthAttachments.evidenceId,
            evidence.map((e) => e.id),
          ),
        )
    : [];
  const objections = await ctx.db
    .select()
    .from(growthObjections)
    .where(eq(growthObjections.recordId, recordId))
    .orderBy(asc(growthObjections.createdAt));
  const [cls] = record.classId ? await ctx.db.select({ name: classes.name }).from(classes).where(eq(classes.id, record.classId)) : [];
  const staff = relation.teacher || relation.classTeacher || relation.principal;
  const names = await displayNames(ctx.db, [
    record.studentId,
    record.classTeacherSignedBy,
    record.principalSignedBy,
    ...evidence.map((e) => e.authorId),
    ...(staff ? objections.map((o) => o.raisedBy) : []),
  ]);
  const titles = new Map(evidence.map((e) => [e.id, e.title]));
  return {
    record: presentRecord(record, names, cls?.name ?? null),
    term: presentTerm(term),
    framework: presentFramework(framework),
    evidence: evidence.map((e) => presentEvidence(e, names, attachments)),
    objections: objections.map((o) =>
      presentObjection(o, names, {
        evidenceTitle: o.evidenceId ? (titles.get(o.evidenceId) ?? null) : null,
        studentId: record.studentId,
        showRaiser: staff,
      }),
    ),
    viewer: { self: relation.self, teacher: relation.teacher, classTeacher: relation.classTeacher, principal: relation.principal },
  };
}

/** The signed-in student's own record of a term (the current one unless `termId` is given). */
export async function myRecord(ctx: ReadCtx, termId?: string): Promise<GrowthMyRecord> {
  requireRole(ctx.actor, ['student']);
  const schoolId = placesFor(ctx.actor, ['student']).find((p) => p.schoolId)?.schoolId;
  if (!schoolId || !ctx.actor.id) throw new AppError('NOT_FOUND');
  const terms = await ctx.db.select().from(growthTerms).where(eq(growthTerms.schoolId, schoolId)).orderBy(desc(growthTerms.startsOn));
  const term = termId ? terms.find((t) => t.id === termId) : await termAt(ctx.db, schoolId, new Date());
  if (termId && !term) throw new AppError('NOT_FOUND');
  if (!term) return { terms: [], term: null, framework: null, detail: null };
  const framework = await frameworkOf(ctx.db, term);
  const [record] = await ctx.db
    .select({ id: growthRecords.id })
    .from(growthRecords)
    .where(and(eq(growthRecords.termId, term.id), eq(growthRecords.studentId, ctx.actor.id), studentRowsInScope(ctx.actor, growthRecords)));
  return {
    terms: terms.map(presentTerm),
    term: presentTerm(term),
    framework: presentFramework(framework),
    detail: record ? await recordDetail(ctx, record.id) : null,
  };
}

/** Entries waiting for a teacher of the student (教师审核), oldest first. */
export async function reviewQueue(ctx: ReadCtx, q: { termId?: string; limit: number }) {
  requireRole(ctx.actor, ['teacher']);
  const teacher = asRoles(ctx.actor, ['teacher']);
  const rows = await ctx.db
    .select({
      evidence: growthEvidence,
      studentName: users.displayName,
      termId: growthRecords.termId,
      frameworkId: growthTerms.frameworkId,
    })
    .from(growthEvidence)
    .innerJoin(growthRecords, eq(growthRecords.id, growthEvidence.recordId))
    .innerJoin(growthTerms, eq(growthTerms.id, growthRecords.termId))
    .innerJoin(users, eq(users.id, growthEvidence.studentId))
    .where(
      and(
        eq(growthEvidence.reviewStatus, 'pending'),
        eq(growthRecords.stage, 'recording'),
        q.termId ? eq(growthRecords.termId, q.termId) : undefined,
        studentRowsInScope(teacher, growthEvidence),
      ),
    )
    .orderBy(asc(growthEvidence.createdAt))
    .limit(q.limit);
  const ids = rows.map((r) => r.evidence.id);
  const attachments = ids.length ? await ctx.db.select().from(growthAttachments).where(inArray(growthAttachments.evidenceId, ids)) : [];
  const names = await displayNames(
    ctx.db,
    rows.flatMap((r) => [r.evidence.authorId, r.evidence.studentId]),
  );
  const frameworkIds = [...new Set(rows.map((r) => r.frameworkId))];
  const frameworks = frameworkIds.length
    ? await ctx.db.select().from(growthFrameworks).where(inArray(growthFrameworks.id, frameworkIds))
    : [];
  return {
    items: rows.map((r) => ({
      ...presentEvidence(r.evidence, names, attachments),
      studentName: r.studentName,
      termId: r.termId,
      frameworkId: r.frameworkId,
    })),
    frameworks: frameworks.map(presentFramework),
  };
}

/** Objections on records the teacher or principal reaches (open ones first). */
export async function listObjections(ctx: ReadCtx, q: { status?: 'open' | 'upheld' | 'dismissed' }) {
  requireRole(ctx.actor, ['teacher', 'principal']);
  const staff = asRoles(ctx.actor, ['teacher', 'principal']);
  const rows = await ctx.db
    .select({
      objection: growthObjections,
      studentId: growthRecords.studentId,
      evidenceTitle: growthEvidence.title,
      classId: growthRecords.classId,
    })
    .from(growthObjections)
    .innerJoin(growthRecords, eq(growthRecords.id, growthObjections.recordId))
    .leftJoin(growthEvidence, eq(growthEvidence.id, growthObjections.evidenceId))
    .where(and(q.status ? eq(growthObjections.status, q.status) : undefined, studentRowsInScope(staff, growthRecords)))
    .orderBy(sql`${growthObjections.status} = 'open' desc`, desc(growthObjections.createdAt))
    .limit(200);
  const names = await displayNames(
    ctx.db,
    rows.flatMap((r) => [r.studentId, r.objection.raisedBy]),
  );
  const led = new Set(
    (
      await ctx.db
        .select({ id: classes.id })
        .from(classes)
        .where(eq(classes.homeroomTeacherId, ctx.actor.id ?? '00000000-0000-0000-0000-000000000000'))
    ).map((c) => c.id),
  );
  return {
    items: rows.map((r) => ({
      ...presentObjection(r.objection, names, { evidenceTitle: r.evidenceTitle, studentId: r.studentId, showRaiser: true }),
      canResolve: r.objection.status === 'open' && r.classId !== null && led.has(r.classId),
    })),
  };
}

/** Teacher of the class (enrolled or class teacher) or principal of its school; 404 otherwise. */
async function classInReach(ctx: ReadCtx, classId: string) {
  const [cls] = await ctx.db.select().from(classes).where(eq(classes.id, classId));
  if (!cls || !ctx.actor.id) throw new AppError('NOT_FOUND');
  const at = (role: 'teacher' | 'principal') => ctx.actor.memberships.some((m) => m.role === role && m.schoolId === cls.schoolId);
  const [enrolled] = await ctx.db
    .select({ id: classEnrollments.id })
    .from(classEnrollments)
    .where(and(eq(classEnrollments.classId, classId), eq(classEnrollments.userId, ctx.actor.id), eq(classEnrollments.role, 'teacher')));
  const isClassTeacher = at('teacher') && cls.homeroomTeacherId === ctx.actor.id;
  if (!((at('teacher') && (enrolled || isClassTeacher)) || at('principal'))) throw new AppError('NOT_FOUND');
  return { cls, isClassTeacher };
}

/** Approved entries per record and dimension, for a set of records. */
async function countsByRecord(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      recordId: growthEvidence.recordId,
      studentId: growthEvidence.studentId,
      dimensionKey: growthEvidence.dimensionKey,
      n: count(),
    })
    .from(growthEvidence)
    .innerJoin(growthRecords, eq(growthRecords.id, growthEvidence.recordId))
    .where(and(counts, where))
    .groupBy(growthEvidence.recordId, growthEvidence.studentId, growthEvidence.dimensionKey);
}

/**
 * A class at a glance for its teachers: each student's stage, approved entries per dimension, what waits
 * for review or a ruling, and which dimensions have nothing yet (completeness).
 */
export async function classOverview(ctx: ReadCtx, classId: string, termId: string): Promise<GrowthClassOverview> {
  const { cls, isClassTeacher } = await classInReach(ctx, classId);
  const term = await termById(ctx.db, termId);
  if (term.schoolId !== cls.schoolId) throw new AppError('NOT_FOUND');
  const framework = await frameworkOf(ctx.db, term);
  const students = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(classEnrollments)
    .innerJoin(users, eq(users.id, classEnrollments.userId))
    .where(and(eq(classEnrollments.classId, classId), eq(classEnrollments.role, 'student')))
    .orderBy(asc(users.studentNumber), asc(users.displayName));
  const ids = students.map((s) => s.id);
  const records = ids.length
    ? await ctx.db
        .select()
        .from(growthRecords)
        .where(and(eq(growthRecords.termId, termId), inArray(growthRecords.studentId, ids)))
    : [];
  const recordIds = records.map((r) => r.id);
  const tally = recordIds.length ? await countsByRecord(ctx.db, inArray(growthRecords.id, recordIds)) : [];
  const pending = recordIds.length
    ? await ctx.db
        .select({ recordId: growthEvidence.recordId, n: count() })
        .from(growthEvidence)
        .where(and(inArray(growthEvidence.recordId, recordIds), eq(growthEvidence.reviewStatus, 'pending')))
        .groupBy(growthEvidence.recordId)
    : [];
  const objections = recordIds.length
    ? await ctx.db
        .select({ recordId: growthObjections.recordId, n: count() })
        .from(growthObjections)
        .where(and(inArray(growthObjections.recordId, recordIds), eq(growthObjections.status, 'open')))
        .groupBy(growthObjections.recordId)
    : [];
  const dims = framework.dimensions.map((d) => d.key);
  return {
    classId,
    className: cls.name,
    term: presentTerm(term),
    framework: presentFramework(framework),
    isClassTeacher,
    rows: students.map((s) => {
      const record = records.find((r) => r.studentId === s.id);
      const mine = tally.filter((t) => t.studentId === s.id);
      const countsOf: GrowthDimensionCount[] = dims.map((k) => ({
        dimensionKey: k,
        count: Number(mine.find((t) => t.dimensionKey === k)?.n ?? 0),
      }));
      return {
        student: { id: s.id, displayName: s.name },
        recordId: record?.id ?? null,
        stage: record?.stage ?? null,
        counts: countsOf,
        pendingReview: Number(pending.find((p) => p.recordId === record?.id)?.n ?? 0),
        openObjections: Number(objections.find((o) => o.recordId === record?.id)?.n ?? 0),
        missing: countsOf.filter((c) => c.count === 0).map((c) => c.dimensionKey),
      };
    }),
  };
}

/** Per class and for the school: how many students have approved entries in each dimension (principal). */
export async function schoolDistribution(ctx: ReadCtx, schoolId: string, termId: string): Promise<GrowthSchoolDistribution> {
  requireRole(ctx.actor, ['principal']);
  const [school] = await ctx.db
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.id, schoolId), schoolsInScope(ctx.actor, ['principal'])));
  if (!school) throw new AppError('NOT_FOUND');
  const term = await termById(ctx.db, termId);
  if (term.schoolId !== schoolId) throw new AppError('NOT_FOUND');
  const framework = await frameworkOf(ctx.db, term);
  const roster = await ctx.db
    .select({ classId: classes.id, className: classes.name, studentId: classEnrollments.userId })
    .from(classEnrollments)
    .innerJoin(classes, eq(classes.id, classEnrollments.classId))
    .where(and(eq(classes.schoolId, schoolId), eq(classEnrollments.role, 'student')))
    .orderBy(asc(classes.grade), asc(classes.code));
  const tally = await countsByRecord(ctx.db, eq(growthRecords.termId, termId));
  const cellsFor = (studentIds: Set<string>): GrowthDistributionCell[] =>
    framework.dimensions.map((d) => {
      const rows = tally.filter((t) => t.dimensionKey === d.key && studentIds.has(t.studentId));
      return {
        dimensionKey: d.key,
        studentsWithEvidence: new Set(rows.map((r) => r.studentId)).size,
        students: studentIds.size,
        entries: rows.reduce((sum, r) => sum + Number(r.n), 0),
      };
    });
  const byClass = new Map<string, { className: string; students: Set<string> }>();
  for (const r of roster) {
    const entry = byClass.get(r.classId) ?? { className: r.className, students: new Set<string>() };
    entry.students.add(r.studentId);
    byClass.set(r.classId, entry);
  }
  return {
    term: presentTerm(term),
    framework: presentFramework(framework),
    classes: [...byClass].map(([classId, c]) => ({ classId, className: c.className, cells: cellsFor(c.students) })),
    school: cellsFor(new Set(roster.map((r) => r.studentId))),
  };
}

/**
 * What a bureau sees (issue §4, §6): per school in its reach and per dimension, how many students have
 * approved entries out of the school's students — never a person, and every cell describing fewer than
 * five students withheld (growth.suppress.ts).
 */
export async function bureauAggregates(ctx: ReadCtx, q: { termCode: string; authorityUnitId?: string }): Promise<GrowthAggregates> {
  requireRole(ctx.actor, growthPolicy.aggregates);
  const inReach = await ctx.db
    .select({ id: schools.id, names: schools.names, jurisdictionId: schools.jurisdictionId })
    .from(schools)
    .where(
      and(
        schoolsInScope(ctx.actor, growthPolicy.aggregates),
        q.authorityUnitId ? sql`${schools.authorityPath} @> ARRAY[${q.authorityUnitId}::uuid]` : undefined,
      ),
    )
    .orderBy(asc(schools.code));
  const terms = inReach.length
    ? await ctx.db
        .select()
        .from(growthTerms)
        .where(
          and(
            eq(growthTerms.code, q.termCode),
            inArray(
              growthTerms.schoolId,
              inReach.map((s) => s.id),
            ),
          ),
        )
    : [];
  const jurisdictionId = inReach[0]?.jurisdictionId ?? placesFor(ctx.actor, growthPolicy.aggregates)[0].jurisdictionId;
  const framework = terms[0] ? await frameworkOf(ctx.db, terms[0]) : await currentFrameworkRow(ctx.db, jurisdictionId);
  const termIds = terms.map((t) => t.id);
  const withEvidence = termIds.length
    ? await ctx.db
        .select({
          schoolId: growthEvidence.schoolId,
          dimensionKey: growthEvidence.dimensionKey,
          n: countDistinct(growthEvidence.studentId),
        })
        .from(growthEvidence)
        .innerJoin(growthRecords, eq(growthRecords.id, growthEvidence.recordId))
        .where(and(counts, inArray(growthRecords.termId, termIds)))
        .groupBy(growthEvidence.schoolId, growthEvidence.dimensionKey)
    : [];
  const cohorts = inReach.length
    ? await ctx.db
        .select({ schoolId: memberships.schoolId, n: countDistinct(memberships.userId) })
        .from(memberships)
        .where(
          and(
            eq(memberships.role, 'student'),
            inArray(
              memberships.schoolId,
              inReach.map((s) => s.id),
            ),
          ),
        )
        .groupBy(memberships.schoolId)
    : [];
  const withTerm = new Set(terms.map((t) => t.schoolId));
  return {
    termCode: q.termCode,
    threshold: SMALL_CELL_THRESHOLD,
    framework: presentFramework(framework),
    schools: inReach
      .filter((s) => withTerm.has(s.id))
      .map((s) => {
        const cohort = Number(cohorts.find((c) => c.schoolId === s.id)?.n ?? 0);
        return {
          schoolId: s.id,
          schoolNames: s.names,
          cells: framework.dimensions.map((d) => {
            const students = Number(withEvidence.find((w) => w.schoolId === s.id && w.dimensionKey === d.key)?.n ?? 0);
            const cell = suppressCell({ students, cohort }, SMALL_CELL_THRESHOLD);
            return { dimensionKey: d.key, studentsWithEvidence: cell.students, students: cell.cohort, suppressed: cell.suppressed };
          }),
        };
      }),
  };
}

/** One student's growth across terms: approved entries per dimension in each term (student, teachers, principal). */
export async function growthOverTerms(ctx: ReadCtx, studentId: string): Promise<GrowthOverTerms> {
  const [student] = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.id, studentId), studentRowsInScope(ctx.actor, { studentId: users.id, schoolId: users.schoolId })));
  if (!student) throw new AppError('NOT_FOUND');
  const records = await ctx.db
    .select({ record: growthRecords, term: growthTerms })
    .from(growthRecords)
    .innerJoin(growthTerms, eq(growthTerms.id, growthRecords.termId))
    .where(and(eq(growthRecords.studentId, studentId), studentRowsInScope(ctx.actor, growthRecords)))
    .orderBy(asc(growthTerms.startsOn));
  const tally = records.length
    ? await countsByRecord(
        ctx.db,
        inArray(
          growthRecords.id,
          records.map((r) => r.record.id),
        ),
      )
    : [];
  return {
    student: { id: student.id, displayName: student.name },
    terms: records.map((r) => ({
      term: presentTerm(r.term),
      stage: r.record.stage,
      counts: tally.filter((t) => t.recordId === r.record.id).map((t) => ({ dimensionKey: t.dimensionKey, count: Number(t.n) })),
    })),
  };
}

/**
 * The classes a teacher teaches or leads, or — for a principal — every class of the school, with the
 * school's terms: the staff pages start here.
 */
export async function myClasses(ctx: ReadCtx) {
  requireRole(ctx.actor, ['teacher', 'principal']);
  const me = ctx.actor.id ?? '00000000-0000-0000-0000-000000000000';
  const teacherSchools = placesFor(ctx.actor, ['teacher']).flatMap((p) => (p.schoolId ? [p.schoolId] : []));
  const principalSchools = placesFor(ctx.actor, ['principal']).flatMap((p) => (p.schoolId ? [p.schoolId] : []));
  const parts: SQL[] = [];
  if (teacherSchools.length) {
    parts.push(
      sql`(${inArray(classes.schoolId, teacherSchools)} AND (${classes.homeroomTeacherId} = ${me}::uuid OR ${classes.id} IN (SELECT class_id FROM class_enrollments WHERE user_id = ${me}::uuid AND role = 'teacher')))`,
    );
  }
  if (principalSchools.length) parts.push(inArray(classes.schoolId, principalSchools));
  if (!parts.length) return { classes: [], terms: [] };
  const rows = await ctx.db
    .select()
    .from(classes)
    .where(sql`(${sql.join(parts, sql` OR `)})`)
    .orderBy(asc(classes.grade), asc(classes.code));
  const schoolIds = [...new Set(rows.map((c) => c.schoolId).concat(principalSchools))];
  const terms = schoolIds.length
    ? await ctx.db.select().from(growthTerms).where(inArray(growthTerms.schoolId, schoolIds)).orderBy(desc(growthTerms.startsOn))
    : [];
  const current = new Map<string, string>();
  for (const id of schoolIds) {
    const term = await termAt(ctx.db, id, new Date());
    if (term) current.set(id, term.id);
  }
  return {
    classes: rows.map((c) => ({
      id: c.id,
      name: c.name,
      schoolId: c.schoolId,
      schoolYear: c.schoolYear,
      isClassTeacher: c.homeroomTeacherId === ctx.actor.id,
    })),
    terms: terms.map((t) => ({ ...presentTerm(t), current: current.get(t.schoolId) === t.id })),
    principalOf: principalSchools,
  };
}
