import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/test-app.ts';
import { coursesWorld, json, sampleCourse, type CoursesWorld } from './courses.test-world.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/imscc');

function multipart(filename: string, bytes: Uint8Array) {
  const boundary = '----ebcc';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/zip\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(bytes), tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

interface Outline {
  title: string;
  gradeBand: string;
  grades: number[];
  competencies: string[];
  level: string;
  units: { title: string; lessons: { id: string; title: string }[] }[];
}

describe('courses: IMS Common Cartridge export and import', () => {
  let w: CoursesWorld;
  let course: Awaited<ReturnType<typeof sampleCourse>>;
  const importZip = (s: Session, filename: string, bytes: Uint8Array) => {
    const m = multipart(filename, bytes);
    return w.t.app.inject({
      method: 'POST',
      url: '/api/v1/courses/import',
      headers: { ...s.headers, 'content-type': m.contentType },
      payload: m.payload,
    });
  };
  const outlineWithHtml = async (s: Session, id: string) => {
    const view = json<Outline>(await w.req(s, 'GET', `/api/v1/courses/${id}`));
    const units = [];
    for (const u of view.units) {
      const lessons = [];
      for (const l of u.lessons) {
        const { title, html, objectives, gradeBand, grades, durationMinutes, assessment, differentiation, aiTools } = json(
          await w.req(s, 'GET', `/api/v1/courses/${id}/lessons/${l.id}`),
        );
        lessons.push({ title, html, objectives, gradeBand, grades, durationMinutes, assessment, differentiation, aiTools });
      }
      units.push({ title: u.title, lessons });
    }
    const { title, gradeBand, grades, competencies, level } = view;
    return { title, gradeBand, grades, competencies, level, units };
  };

  beforeAll(async () => {
    w = await coursesWorld();
    course = await sampleCourse(w, w.gd.session);
    // Structured fields that differ from an import's defaults, so the round trip has to carry them.
    await w.req(w.gd.session, 'PATCH', `/api/v1/courses/${course.id}`, {
      gradeBand: 'primary',
      grades: [5, 6],
      competencies: ['ethics-of-ai/apply'],
      level: 'apply',
    });
    await w.req(w.gd.session, 'PATCH', `/api/v1/courses/${course.id}/lessons/${course.units[1].lessons[0]}`, {
      objectives: [{ text: '用图片训练一个分类模型', competencies: ['ai-techniques-and-applications/apply', 'ai-system-design/apply'] }],
      gradeBand: 'primary',
      grades: [6],
      durationMinutes: 80,
      assessment: '作品展示 & 同伴互评 <3 项标准>',
      differentiation: '提供已标注的数据集',
      aiTools: ['Teachable Machine', '文心一言'],
    });
  });
  afterAll(async () => w.t.close());

  for (const version of ['1.3', '1.1'] as const) {
    it(`export ${version} → import gives an equal course (titles, units, lesson order, lesson html and structured fields), owned by the importer`, async () => {
      const exported = await w.req(w.gd.session, 'GET', `/api/v1/courses/${course.id}/export.imscc?version=${version}`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toContain('.imscc');
      const imported = await importZip(w.hk.session, 'course.imscc', exported.rawPayload);
      expect(imported.statusCode).toBe(201);
      const { course: copy } = json<{ course: { id: string; myRole: string } }>(imported);
      expect(copy.myRole).toBe('owner');
      expect(await outlineWithHtml(w.hk.session, copy.id)).toEqual(await outlineWithHtml(w.gd.session, course.id));
    });
  }

  it('refuses a crafted archive with ../ paths, with a translated error, and creates nothing', async () => {
    const zip = zipSync({ 'imsmanifest.xml': strToU8('<manifest/>'), '../../evil.html': strToU8('<p>x</p>') });
    const before = json<{ items: unknown[] }>(await w.req(w.hb.session, 'GET', '/api/v1/courses')).items.length;
    const res = await importZip(w.hb.session, 'evil.imscc', zip);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'COURSE_IMPORT_PATH_TRAVERSAL' });
    // The problem title is translated (the session's language, zh-Hans by default).
    expect(res.json().title).toBe('已拒绝该课程包：其中的文件路径指向包外。');
    expect(json<{ items: unknown[] }>(await w.req(w.hb.session, 'GET', '/api/v1/courses')).items).toHaveLength(before);
  });

  it('structured fields in an imported package are checked like API input: a bad one is dropped, the rest kept', async () => {
    const data =
      '<?xml version="1.0" encoding="UTF-8"?><data xmlns="urn:edubridge:cc-data:v1" format="urn:edubridge:cc-data:v1">' +
      '<course>{"gradeBand":"senior","level":"made-up"}</course>' +
      '<item ref="R_1">{"durationMinutes":99999,"assessment":"口头提问","objectives":[{"text":"x","competencies":["no/such"]}]}</item></data>';
    const manifest =
      '<?xml version="1.0" encoding="UTF-8"?><manifest identifier="M" xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1">' +
      '<metadata><schema>IMS Common Cartridge</schema><schemaversion>1.3.0</schemaversion></metadata>' +
      '<organizations><organization identifier="O" structure="rooted-hierarchy"><item identifier="ROOT"><item identifier="U"><title>单元</title>' +
      '<item identifier="I_1" identifierref="R_1"><title>一课</title></item></item></item></organization></organizations>' +
      '<resources><resource identifier="R_1" type="webcontent" href="p.html"><file href="p.html"/></resource>' +
      '<resource identifier="X" type="associatedcontent/imscc_xmlv1p3/learning-application-resource" href="x.xml"><file href="x.xml"/></resource></resources></manifest>';
    const zip = zipSync({ 'imsmanifest.xml': strToU8(manifest), 'p.html': strToU8('<p>正文</p>'), 'x.xml': strToU8(data) });
    const res = await importZip(w.hb.session, 'crafted.imscc', zip);
    expect(res.statusCode).toBe(201);
    const id = json<{ course: { id: string } }>(res).course.id;
    const view = json<Outline>(await w.req(w.hb.session, 'GET', `/api/v1/courses/${id}`));
    expect(view).toMatchObject({ gradeBand: 'senior', level: 'understand' });
    const lesson = json(await w.req(w.hb.session, 'GET', `/api/v1/courses/${id}/lessons/${view.units[0].lessons[0].id}`));
    expect(lesson).toMatchObject({ assessment: '口头提问', durationMinutes: null, objectives: [] });
  });

  it('refuses a file that is not a zip', async () => {
    const res = await importZip(w.hb.session, 'notes.imscc', strToU8('just some text'));
    expect(res.json().code).toBe('COURSE_IMPORT_NOT_A_ZIP');
  });

  it('imports a Canvas 1.1 export, and its broken twin with every missing file reported (shared fixtures)', async (test) => {
    if (!existsSync(FIXTURES)) {
      console.warn(`courses.cc.test: ${FIXTURES} is absent — skipping the fixture imports`);
      test.skip();
      return;
    }
    const ok = await importZip(
      w.gd.session,
      'canvas_small_1.1.imscc',
      new Uint8Array(readFileSync(path.join(FIXTURES, 'canvas_small_1.1.imscc'))),
    );
    expect(ok.statusCode).toBe(201);
    const id = json<{ course: { id: string } }>(ok).course.id;
    const view = json<Outline>(await w.req(w.gd.session, 'GET', `/api/v1/courses/${id}`));
    expect(view.units.flatMap((u) => u.lessons).length).toBeGreaterThan(0);
    const bad = await importZip(
      w.gd.session,
      'canvas_small_1.1.corrupt.imscc',
      new Uint8Array(readFileSync(path.join(FIXTURES, 'canvas_small_1.1.corrupt.imscc'))),
    );
    // The zip is valid but 16 of its 20 files are missing: what is there is imported, the rest reported.
    expect(bad.statusCode).toBe(201);
    const report = json<{ warnings: { code: string }[]; skipped: { type: string }[] }>(bad);
    expect(report.warnings.filter((x) => x.code === 'MISSING_FILE').length).toBeGreaterThan(0);
    expect(report.skipped.length).toBeGreaterThan(0);
  });
});
