import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';
import { users } from '../identity/identity.schema.ts';
import { authorityUnits } from '../tenancy/tenancy.schema.ts';
import { createDefaultCohort } from './training.cohorts.service.ts';
import { issueCredential } from './training.credentials.service.ts';
import { seedUnescoFramework } from './training.frameworks.service.ts';
import { trainingConfigured } from './training.keys.ts';
import {
  trainingAssignments,
  trainingAttendance,
  trainingCompetencies,
  trainingEnrolments,
  trainingProgrammes,
  trainingSelfAssessments,
  trainingSessions,
  trainingSubmissions,
} from './training.schema.ts';

export const DEMO_PRINCIPALS_TITLE = '湾区校长人工智能素养研修班（演示）';
export const DEMO_MATHS_TITLE = 'AI + 数学：用数据与模型上好一节课（演示）';

const DAY = 86_400_000;

/**
 * The training demo (invented): a cross-border "AI literacy for principals" programme (Guangdong and Hong
 * Kong principals, one session held, one certificate issued to hk-principal) and an "AI + mathematics"
 * programme with gd-teacher and mo-teacher enrolled, one session held with attendance and one to come —
 * hk-teacher is left to enrol (the browser test does). Idempotent: skipped when the programmes exist.
 * The certificate needs the node key, so a process that never built the app skips it.
 */
export async function seedTrainingDemo(db: Db): Promise<void> {
  await seedUnescoFramework(db);
  const [present] = await db
    .select({ id: trainingProgrammes.id })
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.title, DEMO_MATHS_TITLE));
  if (present) return;
  const people = await db
    .select({ id: users.id, username: users.username, jurisdictionId: users.jurisdictionId, schoolId: users.schoolId })
    .from(users)
    .where(inArray(users.username, ['gd-bureau', 'gd-principal', 'hk-principal', 'gd-teacher', 'mo-teacher']));
  const u = new Map(people.map((p) => [p.username, p]));
  const [unit] = await db.select().from(authorityUnits).where(eq(authorityUnits.code, 'gd-gz'));
  if (!unit || !u.get('gd-bureau') || !u.get('gd-teacher')) return;
  const comps = await db.select({ id: trainingCompetencies.id, code: trainingCompetencies.code }).from(trainingCompetencies);
  const comp = (code: string) => comps.find((c) => c.code === code)!.id;
  const now = Date.now();

  await db.transaction(async (tx) => {
    const owner = { jurisdictionId: unit.jurisdictionId, authorityUnitId: unit.id, schoolId: null, createdBy: u.get('gd-bureau')!.id };
    const [principals] = await tx
      .insert(trainingProgrammes)
      .values({
        ...owner,
        title: DEMO_PRINCIPALS_TITLE,
        summary: '粤港澳三地校长共同研修：人工智能时代的学校领导力、伦理与治理。线上讲座与南沙现场工作坊相结合。',
        language: 'zh-Hans',
        tier: 'principal',
        category: 'ai_literacy',
        competencyIds: [comp('human-centred-mindset.deepen'), comp('ethics-of-ai.deepen'), comp('ai-professional-development.deepen')],
        targetLevel: 'deepen',
        organiserKind: 'bureau',
        organiserName: '广州市教育局（演示）',
        visibility: 'bay_area',
        status: 'published',
        creditHours: 16,
        capacity: 60,
        requiresPrincipalApproval: false,
        rules: { minAttendancePercent: 50, minAssignmentsPassed: 0, requireReflection: true },
      })
      .returning();
    const [maths] = await tx
      .insert(trainingProgrammes)
      .values({
        ...owner,
        title: DEMO_MATHS_TITLE,
        summary: '面向中小学数学教师：用人工智能工具收集与分析数据、建立简单模型，设计一节 AI 辅助的数学探究课。',
        language: 'zh-Hans',
        tier: 'teacher',
        category: 'ai_subject',
        competencyIds: [comp('ai-foundations-applications.deepen'), comp('ai-pedagogy.deepen')],
        targetLevel: 'deepen',
        organiserKind: 'bureau',
        organiserName: '广州市教育局（演示）',
        visibility: 'bay_area',
        status: 'published',
        creditHours: 24,
        capacity: 40,
        requiresPrincipalApproval: false,
        rules: { minAttendancePercent: 75, minAssignmentsPassed: 1, requireReflection: false },
      })
      .returning();
    const pCohort = await createDefaultCohort(tx, principals);
    const mCohort = await createDefaultCohort(tx, maths);
    const cohortIdOf = (programmeId: string) => (programmeId === principals.id ? pCohort.id : mCohort.id);

    const [pHeld] = await tx
      .insert(trainingSessions)
      .values([
        {
          programmeId: principals.id,
          cohortId: pCohort.id,
          title: '人工智能时代的学校领导力（线上讲座）',
          mode: 'online',
          link: 'https://meet.example.org/edubridge-demo-principals',
          startsAt: new Date(now - 14 * DAY),
          endsAt: new Date(now - 14 * DAY + 2 * 3600_000),
        },
        {
          programmeId: principals.id,
          cohortId: pCohort.id,
          title: '南沙现场工作坊：AI 治理与伦理',
          mode: 'onsite',
          venue: '南沙演示学校 报告厅',
          capacity: 60,
          startsAt: new Date(now + 10 * DAY),
          endsAt: new Date(now + 10 * DAY + 3 * 3600_000),
        },
      ])
      .returning();
    const [mHeld] = await tx
      .insert(trainingSessions)
      .values([
        {
          programmeId: maths.id,
          cohortId: mCohort.id,
          title: '第一讲：数据、统计与机器学习入门（线上）',
          mode: 'online',
          link: 'https://meet.example.org/edubridge-demo-maths',
          startsAt: new Date(now - 7 * DAY),
          endsAt: new Date(now - 7 * DAY + 2 * 3600_000),
        },
        {
          programmeId: maths.id,
          cohortId: mCohort.id,
          title: '第二讲：AI 辅助的数学探究课设计（现场）',
          mode: 'onsite',
          venue: '天河演示学校 302 室',
          capacity: 40,
          startsAt: new Date(now + 2 * 3600_000),
          endsAt: new Date(now + 5 * 3600_000),
        },
      ])
      .returning();
    await tx.insert(trainingAssignments).values({
      programmeId: maths.id,
      title: '设计一节 AI 辅助的数学探究课',
      instructions: '提交教学设计（可链接资源库中的教案），说明 AI 工具在哪个环节、如何帮助学生理解数学概念。',
      kind: 'assignment',
      rubric: [
        { criterion: '学习目标清晰', maxPoints: 4 },
        { criterion: 'AI 工具使用恰当', maxPoints: 4 },
        { criterion: '关注伦理与数据安全', maxPoints: 2 },
      ],
      passMark: 6,
    });
    const [reflection] = await tx
      .insert(trainingAssignments)
      .values({
        programmeId: principals.id,
        title: '研修反思',
        instructions: '结合本校实际，写一段研修反思。',
        kind: 'reflection',
        rubric: [{ criterion: '反思深度', maxPoints: 10 }],
        passMark: 6,
      })
      .returning();

    const enrol = async (programmeId: string, username: string, status: 'enrolled' | 'pending' = 'enrolled') => {
      const p = u.get(username);
      if (!p) return null;
      const [row] = await tx
        .insert(trainingEnrolments)
        .values({
          programmeId,
          cohortId: cohortIdOf(programmeId),
          userId: p.id,
          jurisdictionId: p.jurisdictionId,
          schoolId: p.schoolId,
          status,
          organiserDecision: status === 'enrolled' ? 'approved' : 'pending',
          principalDecision: 'not_required',
        })
        .returning();
      return row;
    };
    const present = async (sessionId: string, en: typeof trainingEnrolments.$inferSelect | null) => {
      if (!en) return;
      await tx.insert(trainingAttendance).values({
        sessionId,
        enrolmentId: en.id,
        userId: en.userId,
        jurisdictionId: en.jurisdictionId,
        schoolId: en.schoolId,
        present: true,
        method: 'roll_call',
        recordedBy: owner.createdBy,
      });
    };
    const gdP = await enrol(principals.id, 'gd-principal');
    const hkP = await enrol(principals.id, 'hk-principal');
    await present(pHeld.id, gdP);
    await present(pHeld.id, hkP);
    const gdT = await enrol(maths.id, 'gd-teacher');
    await enrol(maths.id, 'mo-teacher');
    await present(mHeld.id, gdT);

    if (hkP) {
      await tx.insert(trainingSubmissions).values({
        assignmentId: reflection.id,
        programmeId: principals.id,
        userId: hkP.userId,
        jurisdictionId: hkP.jurisdictionId,
        schoolId: hkP.schoolId,
        attempt: 1,
        text: '本校將先在中一級試行 AI 素養單元，並與南沙姊妹學校共同備課。（虛構示例）',
        status: 'passed',
        scores: [{ criterion: '反思深度', points: 8 }],
        total: 8,
        feedback: '反思具体，可行。',
        reviewedBy: owner.createdBy,
        reviewedAt: new Date(now - 2 * DAY),
      });
      // Her self-assessment before and after, for the profile's radar chart.
      const levels: [string, number, number][] = [
        ['human-centred-mindset.deepen', 1, 2],
        ['ethics-of-ai.deepen', 1, 3],
        ['ai-foundations-applications.acquire', 1, 1],
        ['ai-pedagogy.acquire', 0, 1],
        ['ai-professional-development.deepen', 1, 2],
      ];
      await tx.insert(trainingSelfAssessments).values(
        levels.flatMap(([code, before, after]) => [
          {
            userId: hkP.userId,
            jurisdictionId: hkP.jurisdictionId,
            schoolId: hkP.schoolId,
            competencyId: comp(code),
            programmeId: principals.id,
            phase: 'before' as const,
            level: before,
            evidence: '',
            assessedAt: new Date(now - 15 * DAY),
          },
          {
            userId: hkP.userId,
            jurisdictionId: hkP.jurisdictionId,
            schoolId: hkP.schoolId,
            competencyId: comp(code),
            programmeId: principals.id,
            phase: 'after' as const,
            level: after,
            evidence: '研修後自評（虛構示例）',
            assessedAt: new Date(now - DAY),
          },
        ]),
      );
      if (trainingConfigured()) {
        const [done] = await tx
          .update(trainingEnrolments)
          .set({ status: 'completed', completedAt: new Date(now - DAY), hoursCredited: principals.creditHours })
          .where(and(eq(trainingEnrolments.id, hkP.id)))
          .returning();
        await issueCredential(tx as Tx, principals, done, new Date(now - DAY));
      }
    }
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'training.demo.seed',
      targetType: 'training_programme',
      targetId: maths.id,
      details: { programmes: [principals.id, maths.id] },
    });
  });
}
