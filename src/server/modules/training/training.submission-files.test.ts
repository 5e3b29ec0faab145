import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';

const pdf = (text: string) =>
  new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const exe = () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(200).fill(0)]);

describe('files on assignment submissions', () => {
  let t: TestApp;
  let bureau: Session, teacher: Session, otherTeacher: Session;
  let submissionId: string;
  let assignmentId: string;

  const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: s.headers, payload: payload as never });
  const upload = (s: Session, id: string, name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return t.app.inject({ method: 'POST', url: `/api/v1/training/submissions/${id}/files`, headers: s.headers, body: form as never });
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city' });
    const school = await makeSchool(db, { jurisdiction: 'GD', unitId: city.id });
    const login = async (u: { username: string }) => signIn(t.app, u.username, TEST_PASSWORD);
    bureau = await login(await makeUser(db, { role: 'bureau_admin', unit: city }));
    teacher = await login(await makeUser(db, { role: 'teacher', school }));
    otherTeacher = await login(await makeUser(db, { role: 'teacher', school }));
    const competencyIds = (await req(teacher, 'GET', '/api/v1/training/frameworks'))
      .json()
      .items[0].competencies.map((c: { id: string }) => c.id);
    const prog = await req(bureau, 'POST', '/api/v1/training/programmes', {
      title: 'AI 工具入门',
      summary: '课堂里的 AI 工具',
      language: 'zh-Hans',
      tier: 'teacher',
      category: 'ai_tools',
      competencyIds: competencyIds.slice(0, 1),
      targetLevel: 'acquire',
      organiserKind: 'bureau',
      organiserName: '测试市教育局',
      visibility: 'bay_area',
      creditHours: 4,
      rules: { minAttendancePercent: 0, minAssignmentsPassed: 1, requireReflection: false },
      publish: true,
    });
    expect(prog.statusCode, prog.body).toBe(201);
    const programmeId = prog.json().id as string;
    const asg = await req(bureau, 'POST', `/api/v1/training/programmes/${programmeId}/assignments`, {
      title: '一节用 AI 工具的课',
      instructions: '上传教案',
      kind: 'assignment',
      rubric: [{ criterion: '设计', maxPoints: 10 }],
      passMark: 6,
    });
    expect(asg.statusCode, asg.body).toBe(201);
    assignmentId = asg.json().id;
    const en = await req(teacher, 'POST', `/api/v1/training/programmes/${programmeId}/enrolments`);
    await req(bureau, 'POST', `/api/v1/training/enrolments/${en.json().id}/decision`, { decision: 'approve' });
    const s = await req(teacher, 'POST', `/api/v1/training/assignments/${assignmentId}/submissions`, { text: '教案见附件' });
    expect(s.statusCode, s.body).toBe(201);
    submissionId = s.json().id;
  }, 180_000);
  afterAll(() => t?.close());

  it('a teacher attaches a PDF and the assessor sees and downloads it', async () => {
    const res = await upload(teacher, submissionId, '教案.pdf', pdf('lesson plan'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ filename: '教案.pdf', mediaType: 'application/pdf' });
    const programmeId = (await req(teacher, 'GET', '/api/v1/training/me/learning')).json().items[0].programme.id;
    const queue = (await req(bureau, 'GET', `/api/v1/training/programmes/${programmeId}/submissions`)).json();
    const [file] = queue.items[0].files;
    expect(file).toMatchObject({ filename: '教案.pdf' });
    const download = await req(bureau, 'GET', file.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    expect(download.rawPayload.toString('latin1')).toContain('lesson plan');
  });

  it('refuses a program dressed as a PDF, storing nothing', async () => {
    const res = await upload(teacher, submissionId, 'lesson.pdf', exe());
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('TRAINING_FILE_TYPE_REFUSED');
  });

  it('another teacher can neither attach to nor read someone else’s submission', async () => {
    expect((await upload(otherTeacher, submissionId, 'x.pdf', pdf('intruder'))).statusCode).toBe(404);
    const programmeId = (await req(teacher, 'GET', '/api/v1/training/me/learning')).json().items[0].programme.id;
    const file = (await req(bureau, 'GET', `/api/v1/training/programmes/${programmeId}/submissions`)).json().items[0].files[0];
    expect([403, 404]).toContain((await req(otherTeacher, 'GET', file.url)).statusCode);
  });

  it('limits a submission to five files', async () => {
    for (let i = 2; i <= 5; i++) expect((await upload(teacher, submissionId, `p${i}.pdf`, pdf(`page ${i}`))).statusCode).toBe(201);
    const sixth = await upload(teacher, submissionId, 'p6.pdf', pdf('page 6'));
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().code).toBe('TRAINING_TOO_MANY_FILES');
  });

  it('closes the attempt to new files once it has been reviewed', async () => {
    const review = await req(bureau, 'POST', `/api/v1/training/submissions/${submissionId}/review`, {
      scores: [{ criterion: '设计', points: 8 }],
      feedback: '很好',
    });
    expect(review.statusCode, review.body).toBe(200);
    expect((await upload(teacher, submissionId, 'late.pdf', pdf('late'))).statusCode).toBe(404);
  });
});
