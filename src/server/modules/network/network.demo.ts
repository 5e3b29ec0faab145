import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import type { NetworkInterest } from '../../../shared/api/network.ts';
import {
  networkDocuments,
  networkExchanges,
  networkExperts,
  networkLectures,
  networkMentoringLogs,
  networkMentorships,
  networkMilestones,
  networkPairs,
  networkPosts,
  networkProfiles,
  networkProjectMembers,
  networkProjects,
  networkTasks,
  networkThreads,
} from './network.schema.ts';

/**
 * The network's demo (invented): profiles for the demo schools, the Nansha–Kowloon sister-school pair
 * (gd-demo-school ↔ hk-kowloon-city-1, Kowloon City) with two past exchanges, the GD–HK–MO project on AI for
 * smart agriculture with its task board, and two experts. hk-demo-school is left unpaired on purpose, so
 * hk-principal can propose to gd-demo-school and gd-principal accept (the end-to-end story). Idempotent: keyed
 * by school codes, the project title and expert codes.
 */
export const DEMO_PROJECT_TITLE = '人工智能助力智慧农业（粤港澳共研）';
export const DEMO_PAIR = { a: 'gd-demo-school', b: 'hk-kowloon-city-1' } as const;

const PROFILES: Record<
  string,
  {
    interests: NetworkInterest[];
    seeks: NetworkInterest[];
    labs: number;
    courses: string[];
    summary: string;
    contact?: { name: string; role: string; email: string };
  }
> = {
  'gd-demo-school': {
    interests: ['robotics', 'smart-agriculture', 'programming', 'stem-projects'],
    seeks: ['language-exchange', 'ai-ethics', 'cultural-exchange'],
    labs: 2,
    courses: ['Python 编程基础', '智能农业传感器'],
    summary: '南沙九年一贯制学校，有人工智能实验室和校园种植基地，希望与港澳学校开展学生互访与联合课程。',
    contact: { name: '林老师', role: '信息科技科组长', email: 'ai-lab@gd-demo.example.edu.cn' },
  },
  'gd-nansha-2': {
    interests: ['data-science', 'competitions'],
    seeks: ['teacher-development'],
    labs: 1,
    courses: ['数据分析入门'],
    summary: '南沙高中，学生常参加科技竞赛。',
  },
  'gd-tianhe-1': {
    interests: ['ai-literacy', 'maker-education'],
    seeks: ['cultural-exchange'],
    labs: 1,
    courses: ['小学人工智能启蒙'],
    summary: '天河小学，开设人工智能启蒙课。',
  },
  'hk-demo-school': {
    interests: ['robotics', 'ai-ethics', 'language-exchange', 'competitions'],
    seeks: ['smart-agriculture', 'teacher-development'],
    labs: 3,
    courses: ['AI 與社會', '機械人編程'],
    summary: '深水埗中學，設有創科實驗室，希望與內地學校合作開展專題研習。',
    contact: { name: '陳主任', role: '資訊科技統籌主任', email: 'stem@hk-demo.example.edu.hk' },
  },
  'hk-kowloon-city-1': {
    interests: ['ai-literacy', 'cultural-exchange', 'language-exchange'],
    seeks: ['smart-agriculture', 'stem-projects'],
    labs: 1,
    courses: ['小學 AI 初探'],
    summary: '九龍城小學，重視跨境文化交流。',
  },
  'mo-demo-school': {
    interests: ['smart-agriculture', 'language-exchange'],
    seeks: ['robotics'],
    labs: 1,
    courses: ['編程與智能農業'],
    summary: '澳門中學，三語教學。',
  },
  'hb-demo-school': {
    interests: ['programming', 'competitions'],
    seeks: ['cultural-exchange'],
    labs: 1,
    courses: ['信息学奥赛'],
    summary: '武昌初中，编程竞赛见长。',
  },
  'hb-wuchang-2': { interests: ['ai-literacy'], seeks: ['teacher-development'], labs: 0, courses: [], summary: '武昌小学。' },
};

export async function seedNetworkDemo(db: Db): Promise<void> {
  const schoolRows = await db
    .select()
    .from(schools)
    .where(inArray(schools.code, Object.keys(PROFILES)));
  const school = new Map(schoolRows.map((s) => [s.code, s]));
  const people = await db
    .select()
    .from(users)
    .where(inArray(users.username, ['gd-principal', 'gd-teacher', 'hk-teacher', 'mo-teacher', 'gd-bureau']));
  const user = new Map(people.map((u) => [u.username, u]));
  if (!school.get(DEMO_PAIR.a) || !school.get(DEMO_PAIR.b) || !user.get('gd-teacher')) return;

  await db.transaction(async (tx) => {
    for (const [code, p] of Object.entries(PROFILES)) {
      const s = school.get(code);
      if (!s) continue;
      await tx
        .insert(networkProfiles)
        .values({
          schoolId: s.id,
          jurisdictionId: s.jurisdictionId,
          summary: p.summary,
          interests: p.interests,
          seeks: p.seeks,
          labs: p.labs,
          coursesOffered: p.courses,
          contacts: p.contact ? [p.contact] : [],
        })
        .onConflictDoNothing();
    }

    const a = school.get(DEMO_PAIR.a)!;
    const b = school.get(DEMO_PAIR.b)!;
    const [existing] = await tx
      .select({ id: networkPairs.id })
      .from(networkPairs)
      .where(
        or(
          and(eq(networkPairs.schoolAId, a.id), eq(networkPairs.schoolBId, b.id)),
          and(eq(networkPairs.schoolAId, b.id), eq(networkPairs.schoolBId, a.id)),
        ),
      );
    if (!existing) {
      // Signed on paper in 2025: the Kowloon City principal has no demo account, so only side A names a user.
      const [pair] = await tx
        .insert(networkPairs)
        .values({
          schoolAId: a.id,
          schoolBId: b.id,
          status: 'active',
          message: '南沙与九龙城，一水之隔，携手培养人工智能时代的学生。',
          goals: '每学期至少一次互访或联合网课；共同开发智慧农业人工智能课程；教师跟岗交流。',
          termStart: '2025-09-01',
          termEnd: '2028-08-31',
          renewal: 'review',
          approvedByA: user.get('gd-principal')?.id ?? null,
          decidedAt: new Date('2025-06-20T08:00:00Z'),
        })
        .returning({ id: networkPairs.id });
      await tx.insert(networkExchanges).values([
        {
          pairId: pair.id,
          kind: 'visit',
          title: '九龙城师生到访南沙：校园种植基地与传感器实践',
          startsOn: '2026-04-17',
          endsOn: '2026-04-18',
          teachers: 4,
          students: 32,
          participants: '九龙城湾桥小学五年级学生、南沙湾桥实验学校初一(1)班',
          reflection: '两地学生一起安装土壤湿度传感器，语言不是障碍；下次可以提前分组并准备双语任务单。',
          createdBy: user.get('gd-teacher')!.id,
        },
        {
          pairId: pair.id,
          kind: 'joint-online-lesson',
          title: '联合网课：用图像识别认识植物病害',
          startsOn: '2026-06-05',
          teachers: 2,
          students: 68,
          participants: '两校信息科技教师各一名',
          reflection: '网络稳定，学生提问踊跃；繁简字幕同时显示效果很好。',
          createdBy: user.get('gd-teacher')!.id,
        },
      ]);
    }

    const [project] = await tx
      .select({ id: networkProjects.id })
      .from(networkProjects)
      .where(eq(networkProjects.title, DEMO_PROJECT_TITLE));
    const teachers = ['gd-teacher', 'hk-teacher', 'mo-teacher'].map((n) => user.get(n)).filter((u): u is NonNullable<typeof u> => !!u);
    if (!project && teachers.length === 3) {
      const [gdT, hkT, moT] = teachers;
      const [p] = await tx
        .insert(networkProjects)
        .values({
          title: DEMO_PROJECT_TITLE,
          question: '学生能否用低成本传感器和图像识别，及早发现校园种植基地的作物病害和缺水？',
          createdBy: gdT.id,
        })
        .returning({ id: networkProjects.id });
      await tx.insert(networkProjectMembers).values([
        { projectId: p.id, userId: gdT.id, schoolId: gdT.schoolId, jurisdictionId: gdT.jurisdictionId, role: 'lead' },
        { projectId: p.id, userId: hkT.id, schoolId: hkT.schoolId, jurisdictionId: hkT.jurisdictionId, role: 'researcher' },
        { projectId: p.id, userId: moT.id, schoolId: moT.schoolId, jurisdictionId: moT.jurisdictionId, role: 'teacher' },
      ]);
      await tx.insert(networkMilestones).values([
        { projectId: p.id, title: '完成三地种植基地的数据采集方案', dueOn: '2026-10-15' },
        { projectId: p.id, title: '训练并比较病害识别模型', dueOn: '2027-01-15' },
        { projectId: p.id, title: '发布成果到资源库', dueOn: '2027-05-30' },
      ]);
      await tx.insert(networkTasks).values([
        { projectId: p.id, title: '制定叶片拍摄规范（光线、角度、标注）', status: 'done', assigneeId: gdT.id },
        { projectId: p.id, title: '采购并测试土壤湿度传感器', status: 'doing', assigneeId: moT.id },
        { projectId: p.id, title: '整理三地叶片照片数据集', status: 'doing', assigneeId: hkT.id },
        { projectId: p.id, title: '设计学生研究报告模板（繁简双版）', status: 'todo' },
      ]);
      const [thread] = await tx
        .insert(networkThreads)
        .values({ projectId: p.id, title: '数据采集分工', createdBy: gdT.id })
        .returning({ id: networkThreads.id });
      await tx.insert(networkPosts).values([
        { threadId: thread.id, authorId: gdT.id, body: '拍摄规范已上传，@hk-teacher 请看看香港的天气条件下是否可行。' },
        { threadId: thread.id, authorId: hkT.id, body: '可行，我們會在早上拍攝，避開強光。' },
      ]);
      await tx.insert(networkDocuments).values({
        projectId: p.id,
        kind: 'link',
        ref: 'https://example.org/plant-disease-open-dataset',
        title: '公开植物病害图像数据集（示例链接）',
        addedBy: gdT.id,
      });
    }

    const experts = [
      {
        code: 'demo-expert-su',
        name: '苏明哲教授',
        kind: 'university' as const,
        affiliation: '湾区理工大学 计算机学院',
        fields: ['计算机视觉', '农业人工智能'],
        availability: '每月第二个周五下午，可线上',
      },
      {
        code: 'demo-expert-ho',
        name: '何詠琪博士',
        kind: 'industry' as const,
        affiliation: '港灣智能科技有限公司',
        fields: ['機械人', 'AI 倫理'],
        availability: '學期內每月一次，可到校',
      },
    ];
    await tx.insert(networkExperts).values(experts).onConflictDoNothing();
    const [su] = await tx.select().from(networkExperts).where(eq(networkExperts.code, 'demo-expert-su'));
    const [mentorship] = await tx
      .insert(networkMentorships)
      .values({ expertId: su.id, schoolId: a.id, focus: '指导学校人工智能社团开展智慧农业项目' })
      .onConflictDoNothing()
      .returning({ id: networkMentorships.id });
    if (mentorship) {
      await tx.insert(networkMentoringLogs).values({
        mentorshipId: mentorship.id,
        on: '2026-05-08',
        minutes: 90,
        note: '线上指导学生标注叶片图像，讨论数据偏差。',
        authorId: user.get('gd-teacher')!.id,
      });
      await tx
        .insert(networkLectures)
        .values({ expertId: su.id, title: '讲座：计算机视觉如何帮农民看病害', on: '2026-12-11', eventRef: null });
    }
  });
}
