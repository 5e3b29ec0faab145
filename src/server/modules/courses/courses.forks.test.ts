import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coursesWorld, json, sampleCourse, type CoursesWorld } from './courses.test-world.ts';

interface Diff {
  upstreamCourseId: string;
  lessons: {
    upstreamLessonId: string;
    forkLessonId: string | null;
    title: string;
    status: string;
    changedLocally: boolean;
    fields: string[];
    textDiff: string;
  }[];
}

describe('courses: editions and forks', () => {
  let w: CoursesWorld;
  let course: Awaited<ReturnType<typeof sampleCourse>>;
  beforeAll(async () => {
    w = await coursesWorld();
    course = await sampleCourse(w, w.gd.session);
    // The Hubei teacher reviews the course, so may read it and adopt it for their school.
    await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/invitations`, { role: 'reviewer', username: w.hb.username });
    const inv = json<{ items: { id: string }[] }>(await w.req(w.hb.session, 'GET', '/api/v1/courses/invitations'));
    await w.req(w.hb.session, 'POST', `/api/v1/courses/invitations/${inv.items[0].id}/decision`, { accept: true });
  });
  afterAll(async () => w.t.close());

  it('a 繁體 edition copies the outline with the text converted (Hong Kong wording), linked to the original', async () => {
    const res = await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/editions`, { language: 'zh-Hant-HK' });
    expect(res.statusCode).toBe(201);
    const edition = json<{ id: string; title: string; editionGroupId: string }>(res);
    expect(edition.title).toBe('人工智能入門：會學習的機器');
    expect(edition.editionGroupId).toBe(course.id);
    const view = json<{ units: { title: string; lessons: { id: string; title: string }[] }[]; editions: { language: string }[] }>(
      await w.req(w.gd.session, 'GET', `/api/v1/courses/${edition.id}`),
    );
    expect(view.units.map((u) => u.title)).toEqual(['認識人工智能', '機器學習初體驗']);
    expect(view.editions.map((e) => e.language).sort()).toEqual(['zh-Hans', 'zh-Hant-HK']);
    const lesson = json<{ html: string; objectives: { text: string }[] }>(
      await w.req(w.gd.session, 'GET', `/api/v1/courses/${edition.id}/lessons/${view.units[0].lessons[0].id}`),
    );
    // 软件 → 軟件 (Hong Kong), 训练 → 訓練.
    expect(lesson.html).toContain('學生用軟件訓練一個模型');
    expect(lesson.objectives[0].text).toBe('説出生活中的人工智能應用');
    const again = await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/editions`, { language: 'zh-Hant-HK' });
    expect(again.json().code).toBe('COURSE_EDITION_EXISTS');
  });

  it('a fork pulls one changed lesson from upstream and keeps its own edits in another lesson', async () => {
    const fork = json<{ id: string; upstreamCourseId: string }>(await w.req(w.hb.session, 'POST', `/api/v1/courses/${course.id}/fork`, {}));
    expect(fork.upstreamCourseId).toBe(course.id);
    const forkView = json<{ units: { lessons: { id: string }[] }[] }>(await w.req(w.hb.session, 'GET', `/api/v1/courses/${fork.id}`));
    const [forkA, forkB] = forkView.units[0].lessons.map((l) => l.id);
    const [upA, upB] = course.units[0].lessons;

    // Wuhan adapts lesson B; upstream improves lesson A and also changes lesson B.
    await w.req(w.hb.session, 'PUT', `/api/v1/courses/${fork.id}/lessons/${forkB}/body`, { html: '<p>武汉版：用本地案例讲解。</p>' });
    await w.req(w.hb.session, 'PATCH', `/api/v1/courses/${fork.id}/lessons/${forkB}`, { durationMinutes: 50 });
    await w.req(w.gd.session, 'PUT', `/api/v1/courses/${course.id}/lessons/${upA}/body`, {
      html: '<p>改进后的活动：分组收集图片数据。</p>',
    });
    await w.req(w.gd.session, 'PATCH', `/api/v1/courses/${course.id}/lessons/${upA}`, { assessment: '作品展示与互评' });
    await w.req(w.gd.session, 'PATCH', `/api/v1/courses/${course.id}/lessons/${upB}`, { title: '上游改了第二课的标题' });

    const diff = json<Diff>(await w.req(w.hb.session, 'GET', `/api/v1/courses/${fork.id}/fork/diff`));
    const a = diff.lessons.find((l) => l.upstreamLessonId === upA)!;
    const b = diff.lessons.find((l) => l.upstreamLessonId === upB)!;
    expect(a).toMatchObject({ status: 'changed', changedLocally: false, forkLessonId: forkA });
    expect(a.fields.sort()).toEqual(['assessment', 'html']);
    expect(a.textDiff).toContain('+改进后的活动：分组收集图片数据。');
    expect(a.textDiff).toContain('-认识人工智能：第1课的活动步骤。学生用软件训练一个模型。');
    expect(b).toMatchObject({ status: 'changed', changedLocally: true, fields: ['title'] });
    expect(diff.lessons.filter((l) => l.status === 'unchanged')).toHaveLength(2);

    const pull = await w.req(w.hb.session, 'POST', `/api/v1/courses/${fork.id}/fork/pull`, { lessonIds: [upA] });
    expect(pull.json()).toEqual({ pulled: 1, removed: 0 });

    const pulledA = json<{ html: string; assessment: string }>(
      await w.req(w.hb.session, 'GET', `/api/v1/courses/${fork.id}/lessons/${forkA}`),
    );
    expect(pulledA.html).toBe('<p>改进后的活动：分组收集图片数据。</p>');
    expect(pulledA.assessment).toBe('作品展示与互评');
    const keptB = json<{ html: string; title: string; durationMinutes: number }>(
      await w.req(w.hb.session, 'GET', `/api/v1/courses/${fork.id}/lessons/${forkB}`),
    );
    expect(keptB).toMatchObject({ html: '<p>武汉版：用本地案例讲解。</p>', durationMinutes: 50, title: '认识人工智能 第2课' });

    const after = json<Diff>(await w.req(w.hb.session, 'GET', `/api/v1/courses/${fork.id}/fork/diff`));
    expect(after.lessons.find((l) => l.upstreamLessonId === upA)).toMatchObject({ status: 'unchanged', changedLocally: false });
    expect(after.lessons.find((l) => l.upstreamLessonId === upB)).toMatchObject({ status: 'changed', changedLocally: true });
  });

  it('a lesson added upstream shows as added and is pulled into the matching unit', async () => {
    const fork = json<{ id: string }>(await w.req(w.hb.session, 'POST', `/api/v1/courses/${course.id}/fork`, {}));
    const added = json<{ id: string }>(
      await w.req(w.gd.session, 'POST', `/api/v1/courses/${course.id}/lessons`, {
        unitId: course.units[1].id,
        title: '新课：生成式人工智能',
        html: '<p>新内容</p>',
      }),
    );
    const diff = json<Diff>(await w.req(w.hb.session, 'GET', `/api/v1/courses/${fork.id}/fork/diff`));
    expect(diff.lessons.find((l) => l.upstreamLessonId === added.id)).toMatchObject({ status: 'added', forkLessonId: null });
    await w.req(w.hb.session, 'POST', `/api/v1/courses/${fork.id}/fork/pull`, { lessonIds: [added.id] });
    const view = json<{ units: { title: string; lessons: { title: string }[] }[] }>(
      await w.req(w.hb.session, 'GET', `/api/v1/courses/${fork.id}`),
    );
    expect(view.units[1].lessons.map((l) => l.title).at(-1)).toBe('新课：生成式人工智能');
  });

  it('only the fork team may pull, and a course that is not a fork has nothing to pull', async () => {
    const fork = json<{ id: string }>(await w.req(w.hb.session, 'POST', `/api/v1/courses/${course.id}/fork`, {}));
    expect(
      (await w.req(w.gd.session, 'POST', `/api/v1/courses/${fork.id}/fork/pull`, { lessonIds: [course.units[0].lessons[0]] })).statusCode,
    ).toBe(404);
    expect((await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}/fork/diff`)).json().code).toBe('COURSE_NOT_A_FORK');
  });
});
