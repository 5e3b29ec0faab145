import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../identity/identity.access.ts';
import { memberships, users } from '../identity/identity.schema.ts';
import { columnLessonBodies } from './courses.bodies.ts';
import type { CoursesCtx } from './courses.context.ts';
import { createEdition } from './courses.editions.service.ts';
import { forkCourse } from './courses.forks.service.ts';
import { addLesson, addUnit } from './courses.outline.service.ts';
import { courses } from './courses.schema.ts';
import { createCourse } from './courses.service.ts';
import { decideInvitation, invite, myInvitations } from './courses.team.service.ts';

export const DEMO_COURSE_TITLE = '人工智能启蒙：让机器学会识别（演示）';

const UNITS: { title: string; lessons: { title: string; objective: string; competencies: string[]; tools: string[]; html: string }[] }[] = [
  {
    title: '身边的人工智能',
    lessons: [
      {
        title: '机器怎样“看”世界',
        objective: '举例说明生活中的图像识别应用',
        competencies: ['ai-techniques-and-applications/understand'],
        tools: ['Teachable Machine'],
        html: '<h2>导入</h2><p>展示手机相册自动分类的截图，请学生猜一猜：软件是怎样认出猫和狗的？</p><h2>活动</h2><ol><li>分组观察二十张图片，记录判断依据。</li><li>比较人和机器的判断方法。</li></ol>',
      },
      {
        title: '人工智能与我们的约定',
        objective: '讨论使用人工智能时应遵守的规则',
        competencies: ['ethics-of-ai/understand', 'human-centred-mindset/understand'],
        tools: [],
        html: '<p>阅读三个校园情境，小组讨论：哪些做法尊重了同学的隐私？一起写下班级的人工智能使用约定。</p>',
      },
    ],
  },
  {
    title: '训练一个识别模型',
    lessons: [
      {
        title: '收集与标注数据',
        objective: '为分类任务收集并标注一组图片数据',
        competencies: ['ai-techniques-and-applications/apply'],
        tools: ['Teachable Machine'],
        html: '<p>每组选择两类校园物品（如书本与水杯），各拍摄三十张照片并标注。讨论：数据不够多样会怎样？</p>',
      },
      {
        title: '训练、测试与改进',
        objective: '训练模型并用新数据测试、找出错误原因',
        competencies: ['ai-system-design/apply'],
        tools: ['Teachable Machine'],
        html: '<p>用收集的数据训练模型，再用其他组的照片测试。记录识别错误的例子，补充数据后再训练一次。</p>',
      },
    ],
  },
];

/** An actor for a demo account, with its real memberships (the services check them like any request). */
async function actorFor(db: Db, username: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, username));
  const ms = await db.select().from(memberships).where(eq(memberships.userId, u.id));
  return {
    kind: 'user',
    id: u.id,
    username: u.username,
    memberships: ms.map((m) => ({
      role: m.role,
      jurisdictionId: m.jurisdictionId,
      authorityUnitId: m.authorityUnitId,
      schoolId: m.schoolId,
    })),
  };
}

/**
 * The courses demo (invented): one AI course co-written by gd-teacher (Nansha), hk-teacher (Kowloon) and
 * mo-teacher (Macao), with a 繁體 (Hong Kong) edition and a fork adopted by the Wuhan school (hb-teacher,
 * a reviewer of the course). Seeded through the services, so it is audited like real work. Lesson text is
 * written to the lesson column and moved into the live documents when the server starts
 * (courses.routes.ts). Idempotent: skipped when the course exists.
 */
export async function seedCoursesDemo(db: Db): Promise<void> {
  const needed = ['gd-teacher', 'hk-teacher', 'mo-teacher', 'hb-teacher'];
  const present = await db.select({ id: users.id }).from(users).where(inArray(users.username, needed));
  if (present.length < needed.length) return;
  const [existing] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.title, DEMO_COURSE_TITLE)));
  if (existing) return;

  const ctx = async (username: string): Promise<CoursesCtx> => ({ db, actor: await actorFor(db, username), bodies: columnLessonBodies });
  const gd = await ctx('gd-teacher');
  const course = await createCourse(gd, {
    title: DEMO_COURSE_TITLE,
    summary: '粤港澳三地教师共建的初中人工智能启蒙课程：从身边的应用出发，动手训练一个图像识别模型，并讨论负责任地使用人工智能。',
    language: 'zh-Hans',
    gradeBand: 'junior',
    grades: [7, 8],
    competencies: ['ai-techniques-and-applications/understand', 'ai-techniques-and-applications/apply', 'ethics-of-ai/understand'],
    level: 'understand',
  });
  for (const u of UNITS) {
    const unit = await addUnit(gd, course.id, { title: u.title });
    for (const l of u.lessons) {
      await addLesson(gd, course.id, {
        unitId: unit.id,
        title: l.title,
        objectives: [{ text: l.objective, competencies: l.competencies as never }],
        gradeBand: 'junior',
        grades: [7, 8],
        durationMinutes: 40,
        resourceIds: [],
        assessment: '观察记录表与小组展示',
        differentiation: '为需要支持的学生提供图示步骤卡；学有余力的学生尝试三类分类。',
        aiTools: l.tools,
        html: l.html,
      });
    }
  }
  for (const [username, role] of [
    ['hk-teacher', 'co_author'],
    ['mo-teacher', 'co_author'],
    ['hb-teacher', 'reviewer'],
  ] as const) {
    await invite(gd, course.id, { role, username });
    const them = await ctx(username);
    const open = (await myInvitations(them)).items.find((i) => i.courseId === course.id && i.status === 'pending');
    if (open) await decideInvitation(them, open.id, true);
  }
  await createEdition(await ctx('hk-teacher'), course.id, 'zh-Hant-HK');
  await forkCourse(await ctx('hb-teacher'), course.id, {});
}
