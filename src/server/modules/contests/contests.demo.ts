import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../identity/identity.access.ts';
import { hashPassword } from '../identity/identity.passwords.ts';
import { classEnrollments, memberships, passwordCredentials, users } from '../identity/identity.schema.ts';
import { authorityUnits, classes, schools } from '../tenancy/tenancy.schema.ts';
import type { ContestRules, RubricCriterion } from '../../../shared/api/contests.ts';
import { assignJudges } from './contests.assignment.ts';
import {
  contestAssignments,
  contestEntries,
  contestEntryMembers,
  contestEventSignups,
  contestEvents,
  contestJudges,
  contestSubmissions,
  contests,
} from './contests.schema.ts';

/**
 * The contests demo (invented): a Nansha district round of the "AI innovation challenge" with four entries
 * (teams and individuals from two Nansha schools), three judges — two have scored and locked, gd-judge-1
 * has not yet (the browser test scores as them) — and a Guangzhou city round to promote into; plus an
 * academician's lecture with a full house and a waitlist. Idempotent: keyed by the contest and event codes.
 */

export const DEMO_DISTRICT_CODE = 'nansha-ai-challenge-2026';
export const DEMO_CITY_CODE = 'guangzhou-ai-challenge-2026';
export const DEMO_LECTURE_CODE = 'nansha-academician-lecture-2026';

/** Judges the demo adds (password edubridge-demo), listed in the README's account table. */
export const DEMO_JUDGES = [
  { username: 'gd-judge-1', displayName: '冯启明', school: 'gd-tianhe-1' },
  { username: 'gd-judge-2', displayName: '谢婉清', school: 'gd-tianhe-1' },
  { username: 'gd-judge-3', displayName: '潘志远', school: 'gd-nansha-2' },
] as const;

const DAY = 86_400_000;
const RUBRIC: RubricCriterion[] = [
  { key: 'innovation', label: '创新性 Innovation', weight: 3, max: 10 },
  { key: 'technique', label: '技术实现 Technique', weight: 3, max: 10 },
  { key: 'impact', label: '应用价值 Impact', weight: 2, max: 10 },
  { key: 'presentation', label: '展示表达 Presentation', weight: 2, max: 10 },
];
const RULES: ContestRules = { crossSchoolTeams: false, blind: true, excludeSameJurisdiction: false, judgesPerEntry: 2, maxTeamSize: 4 };

export async function seedContestsDemo(db: Db): Promise<void> {
  const [present] = await db.select({ id: contests.id }).from(contests).where(eq(contests.code, DEMO_DISTRICT_CODE));
  if (present) return;
  const units = await db
    .select()
    .from(authorityUnits)
    .where(inArray(authorityUnits.code, ['gd-gz', 'gd-gz-nansha']));
  const gz = units.find((u) => u.code === 'gd-gz');
  const nansha = units.find((u) => u.code === 'gd-gz-nansha');
  const schoolRows = await db
    .select()
    .from(schools)
    .where(inArray(schools.code, ['gd-demo-school', 'gd-nansha-2', 'gd-tianhe-1']));
  const school = (code: string) => schoolRows.find((s) => s.code === code)!;
  if (!gz || !nansha || schoolRows.length < 3) return; // not the demo world
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const judgeIds = await ensureJudges(tx, passwordHash, school);
    const pupils = async (schoolCode: string, classCode: string) =>
      (
        await tx
          .select({ id: users.id, username: users.username })
          .from(classEnrollments)
          .innerJoin(classes, eq(classes.id, classEnrollments.classId))
          .innerJoin(users, eq(users.id, classEnrollments.userId))
          .where(and(eq(classes.schoolId, school(schoolCode).id), eq(classes.code, classCode), eq(classEnrollments.role, 'student')))
          .orderBy(users.username)
      ).sort((a, b) => (a.username === 'gd-student' ? -1 : b.username === 'gd-student' ? 1 : 0));
    const j7 = await pupils('gd-demo-school', 'J7-1');
    const s10 = await pupils('gd-demo-school', 'S10-2');
    const s11 = await pupils('gd-nansha-2', 'S11-1');
    const [teacher] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'gd-teacher'));
    const now = Date.now();
    const timeline = (closed: boolean) => ({
      registrationOpensAt: new Date(now - (closed ? 40 : 1) * DAY),
      registrationClosesAt: new Date(now + (closed ? -20 : 30) * DAY),
      submissionClosesAt: new Date(now + (closed ? -3 : 45) * DAY),
      judgingClosesAt: new Date(now + (closed ? 7 : 60) * DAY),
      resultsAt: new Date(now + (closed ? 8 : 62) * DAY),
      appealsClosesAt: new Date(now + (closed ? 15 : 70) * DAY),
    });
    const common = {
      language: 'zh-Hans',
      jurisdictionId: gz.jurisdictionId,
      whitelisted: true,
      tracks: ['ai-apps', 'robotics'],
      gradeBands: [
        { min: 7, max: 9 },
        { min: 10, max: 12 },
      ],
      rules: RULES,
      rubric: RUBRIC,
    };
    const [city] = await tx
      .insert(contests)
      .values({
        ...common,
        ...timeline(false),
        code: DEMO_CITY_CODE,
        name: '广州市青少年人工智能创新挑战赛（演示）',
        description: '市级决赛：各区按名额推荐优秀作品。',
        organiserUnitId: gz.id,
        level: 'city',
        quotaPerUnit: 2,
      })
      .returning();
    const [district] = await tx
      .insert(contests)
      .values({
        ...common,
        ...timeline(true),
        code: DEMO_DISTRICT_CODE,
        name: '南沙区青少年人工智能创新挑战赛（演示）',
        description: '区级选拔赛：匿名评审，成绩按评委标准分汇总，前列作品推荐参加广州市赛。',
        organiserUnitId: nansha.id,
        level: 'district',
        quotaPerUnit: 2,
        parentContestId: city.id,
      })
      .returning();
    const entries = [
      {
        code: 'NS7K2A',
        title: '校园垃圾分类识别助手',
        kind: 'team' as const,
        school: 'gd-demo-school',
        students: [j7[0], j7[1], j7[2]],
        track: 'ai-apps',
        q: 9,
      },
      {
        code: 'NS3M8Q',
        title: '红树林鸟类声音识别',
        kind: 'team' as const,
        school: 'gd-demo-school',
        students: [s10[0], s10[1]],
        track: 'ai-apps',
        q: 8,
      },
      {
        code: 'NS5P4T',
        title: '智能浇花机器人',
        kind: 'individual' as const,
        school: 'gd-nansha-2',
        students: [s11[0]],
        track: 'robotics',
        q: 7,
      },
      {
        code: 'NS9W6C',
        title: '粤语方言语音助手',
        kind: 'individual' as const,
        school: 'gd-demo-school',
        students: [j7[3]],
        track: 'ai-apps',
        q: 6,
      },
    ];
    const made: { id: string; schoolId: string; unitId: string; q: number }[] = [];
    for (const e of entries) {
      const s = school(e.school);
      const [row] = await tx
        .insert(contestEntries)
        .values({
          contestId: district.id,
          code: e.code,
          title: e.title,
          track: e.track,
          kind: e.kind,
          schoolId: s.id,
          jurisdictionId: s.jurisdictionId,
          guardianConsent: true,
          createdBy: teacher?.id ?? null,
          createdAt: new Date(now - 25 * DAY),
        })
        .returning();
      await tx.insert(contestEntryMembers).values([
        ...e.students.map((p) => ({
          entryId: row.id,
          userId: p.id,
          role: 'student' as const,
          schoolId: s.id,
          jurisdictionId: s.jurisdictionId,
        })),
        ...(teacher && e.school === 'gd-demo-school'
          ? [{ entryId: row.id, userId: teacher.id, role: 'advisor' as const, schoolId: s.id, jurisdictionId: s.jurisdictionId }]
          : []),
      ]);
      await tx.insert(contestSubmissions).values([
        {
          entryId: row.id,
          version: 1,
          files: [],
          links: [{ kind: 'repository' as const, url: `https://git.example.org/nansha/${e.code.toLowerCase()}` }],
          note: '初稿',
          submittedAt: new Date(now - 10 * DAY),
        },
        {
          entryId: row.id,
          version: 2,
          files: [],
          links: [
            { kind: 'repository' as const, url: `https://git.example.org/nansha/${e.code.toLowerCase()}` },
            { kind: 'video' as const, url: `https://video.example.org/nansha/${e.code.toLowerCase()}` },
          ],
          note: '终稿，附演示视频',
          submittedAt: new Date(now - 4 * DAY),
        },
      ]);
      made.push({ id: row.id, schoolId: s.id, unitId: s.authorityUnitId, q: e.q });
    }
    const judges = DEMO_JUDGES.map((j, i) => ({
      id: judgeIds[i],
      schoolId: school(j.school).id,
      unitId: school(j.school).authorityUnitId,
    }));
    await tx
      .insert(contestJudges)
      .values(judges.map((j) => ({ contestId: district.id, userId: j.id, schoolId: j.schoolId, unitId: j.unitId })));
    const { pairs } = assignJudges(made, judges, { k: RULES.judgesPerEntry, excludeSameUnit: false });
    // Judges 2 and 3 have scored and locked (each with their own severity); judge 1 has not started.
    const severity = [0, -1, 1];
    for (const p of pairs) {
      const ji = judgeIds.indexOf(p.judgeId);
      const q = made.find((m) => m.id === p.entryId)!.q;
      const v = Math.max(1, Math.min(10, q + severity[ji]));
      await tx.insert(contestAssignments).values({
        contestId: district.id,
        entryId: p.entryId,
        judgeUserId: p.judgeId,
        ...(ji === 0
          ? {}
          : { scores: { innovation: v, technique: v, impact: v, presentation: Math.max(1, v - 1) }, submittedAt: new Date(now - DAY) }),
      });
    }

    // An academician's lecture: 3 seats, 3 taken, 2 waiting.
    const [lecture] = await tx
      .insert(contestEvents)
      .values({
        code: DEMO_LECTURE_CODE,
        kind: 'lecture',
        title: '院士专家进校园：人工智能如何看懂世界（演示）',
        description: '面向初中学生的科普讲座，含现场问答。',
        language: 'zh-Hans',
        location: '南沙湾桥实验学校报告厅',
        jurisdictionId: nansha.jurisdictionId,
        organiserUnitId: nansha.id,
        startsAt: new Date(now + 10 * DAY),
        endsAt: new Date(now + 10 * DAY + 2 * 3600_000),
        capacity: 3,
        feedbackQuestions: ['最有收获的一点是什么？', '还想听哪些主题？'],
      })
      .returning();
    const audience = [j7[4], j7[5], j7[6], j7[7], j7[8]].filter(Boolean);
    await tx.insert(contestEventSignups).values(
      audience.map((p, i) => ({
        eventId: lecture.id,
        userId: p.id,
        schoolId: school('gd-demo-school').id,
        jurisdictionId: nansha.jurisdictionId,
        status: i < 3 ? ('confirmed' as const) : ('waitlisted' as const),
        createdAt: new Date(now - (10 - i) * 3600_000),
      })),
    );
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'contests.demo.seed',
      targetType: 'contest',
      targetId: district.id,
      jurisdictionId: gz.jurisdictionId,
    });
  });
}

async function ensureJudges(tx: Tx, passwordHash: string, school: (code: string) => typeof schools.$inferSelect): Promise<string[]> {
  const ids: string[] = [];
  for (const j of DEMO_JUDGES) {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, j.username));
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const s = school(j.school);
    const [u] = await tx
      .insert(users)
      .values({ username: j.username, displayName: j.displayName, jurisdictionId: s.jurisdictionId, schoolId: s.id })
      .returning({ id: users.id });
    await tx.insert(passwordCredentials).values({ userId: u.id, hash: passwordHash });
    await tx.insert(memberships).values({ userId: u.id, role: 'teacher', jurisdictionId: s.jurisdictionId, schoolId: s.id });
    ids.push(u.id);
  }
  return ids;
}
