import { eq } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRegistry } from '../../jobs/jobs.registry.ts';
import { runJobsUntilIdle } from '../../jobs/jobs.runner.ts';
import { auditEntries } from '../audit/audit.schema.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { client, fileForm, lesson } from './library.test-helpers.ts';

let t: TestApp;
let http: ReturnType<typeof client>;
let author: Session; // teacher at school A (district 1)
let colleague: Session; // teacher at school A
let neighbour: Session; // teacher at school B (same district 1)
let stranger: Session; // teacher at school C (another city)
let principalA: Session;
let districtResearcher: Session;

beforeAll(async () => {
  t = await createTestApp();
  http = client(t.app);
  const db = t.database.db;
  const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city' });
  const district = await makeUnit(db, { jurisdiction: 'GD', parentId: city.id, level: 'district' });
  const schoolA = await makeSchool(db, { jurisdiction: 'GD', unitId: district.id });
  const schoolB = await makeSchool(db, { jurisdiction: 'GD', unitId: district.id });
  const schoolC = await makeSchool(db, { jurisdiction: 'GD' });
  const login = async (u: { username: string }) => signIn(t.app, u.username, TEST_PASSWORD);
  author = await login(await makeUser(db, { role: 'teacher', school: schoolA }));
  colleague = await login(await makeUser(db, { role: 'teacher', school: schoolA }));
  neighbour = await login(await makeUser(db, { role: 'teacher', school: schoolB }));
  stranger = await login(await makeUser(db, { role: 'teacher', school: schoolC }));
  principalA = await login(await makeUser(db, { role: 'principal', school: schoolA }));
  districtResearcher = await login(await makeUser(db, { role: 'researcher', unit: district }));
}, 60_000);

afterAll(async () => t?.close());

async function createDraft(over: Record<string, unknown> = {}, who = author) {
  const res = await http.post(who, '/api/v1/resources', lesson(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; body: string; status: string; publishLevel: string };
}

async function publishAtSchool(id: string) {
  const sub = await http.post(author, `/api/v1/resources/${id}/submissions`, { level: 'school' });
  expect(sub.statusCode, sub.body).toBe(201);
  const ok = await http.post(principalA, `/api/v1/library/reviews/${sub.json().id}/decision`, { decision: 'approve' });
  expect(ok.statusCode, ok.body).toBe(200);
}

describe('resources', () => {
  it('stores a sanitised body and starts as a private draft at version 1', async () => {
    const r = await createDraft();
    expect(r.body).toContain('<strong>猫和狗</strong>');
    expect(r.body).not.toContain('script');
    expect(r).toMatchObject({ status: 'draft', publishLevel: 'private', version: 1 });
  });

  it('a private or unpublished resource never appears to another school', async () => {
    const draft = await createDraft({ title: '未发布的草稿 secret-draft-marker' });
    for (const s of [neighbour, stranger, colleague]) {
      expect((await http.get(s, `/api/v1/resources/${draft.id}`)).statusCode).toBe(404);
      const list = (await http.get(s, '/api/v1/resources?limit=200')).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).not.toContain(draft.id);
      const found = (await http.get(s, '/api/v1/resources/search?q=secret-draft-marker')).json() as { items: { id: string }[] };
      expect(found.items.map((i) => i.id)).not.toContain(draft.id);
    }
    expect((await http.get(null, `/api/v1/resources/${draft.id}`)).statusCode).toBe(404);
    expect((await http.get(author, `/api/v1/resources/${draft.id}`)).statusCode).toBe(200);
  });

  it('a school-level resource is seen by its school only, a district one by the district', async () => {
    const r = await createDraft();
    await publishAtSchool(r.id);
    expect((await http.get(colleague, `/api/v1/resources/${r.id}`)).statusCode).toBe(200);
    expect((await http.get(neighbour, `/api/v1/resources/${r.id}`)).statusCode).toBe(404);
    const rec = await http.post(author, `/api/v1/resources/${r.id}/submissions`, { level: 'district' });
    expect(rec.statusCode, rec.body).toBe(201);
    // Still visible where it was published while the district reviews it.
    expect((await http.get(colleague, `/api/v1/resources/${r.id}`)).statusCode).toBe(200);
    await http.post(districtResearcher, `/api/v1/library/reviews/${rec.json().id}/decision`, { decision: 'approve' });
    expect((await http.get(neighbour, `/api/v1/resources/${r.id}`)).statusCode).toBe(200);
    expect((await http.get(stranger, `/api/v1/resources/${r.id}`)).statusCode).toBe(404);
  });

  it('edits need If-Match: a stale version gets 412, none gets 428', async () => {
    const r = await createDraft();
    const ok = await http.patch(author, `/api/v1/resources/${r.id}`, { title: '新标题' }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await http.patch(author, `/api/v1/resources/${r.id}`, { title: '再改' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await http.patch(author, `/api/v1/resources/${r.id}`, { title: '再改' })).statusCode).toBe(428);
  });

  it("another teacher cannot edit someone else's resource", async () => {
    const r = await createDraft();
    await publishAtSchool(r.id);
    const res = await http.patch(colleague, `/api/v1/resources/${r.id}`, { title: 'x' }, { 'if-match': '1' });
    expect(res.statusCode).toBe(403);
  });
});

describe('versions', () => {
  it('keeps every save as a version, diffs text and restores as a new version', async () => {
    const r = await createDraft({ body: '<p>机器人编程第一课</p>' });
    await http.patch(author, `/api/v1/resources/${r.id}`, { body: '<p>机器人编程第二课</p>', keywords: ['机器人'] }, { 'if-match': '1' });
    const history = (await http.get(author, `/api/v1/resources/${r.id}/versions`)).json() as {
      items: { number: number; change: string }[];
    };
    expect(history.items.map((v) => v.number)).toEqual([2, 1]);
    const diff = (await http.get(author, `/api/v1/resources/${r.id}/diff?from=1&to=2`)).json();
    expect(diff.body.some((c: { added: boolean; value: string }) => c.added && c.value.includes('二'))).toBe(true);
    expect(diff.body.some((c: { removed: boolean; value: string }) => c.removed && c.value.includes('一'))).toBe(true);
    const restored = await http.post(author, `/api/v1/resources/${r.id}/versions/1/restore`, undefined, { 'if-match': '2' });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ version: 3, body: '<p>机器人编程第一课</p>' });
  });
});

describe('publishing up the levels', () => {
  it('submit → principal approves, return with comments; each step audited and notified', async () => {
    const r = await createDraft({ title: '审核流程测试' });
    const sub = await http.post(author, `/api/v1/resources/${r.id}/submissions`, { level: 'school', note: '请审核' });
    expect(sub.json()).toMatchObject({ level: 'school', status: 'pending', fromLevel: 'private' });
    expect((await http.get(author, `/api/v1/resources/${r.id}`)).json().status).toBe('in_review');
    // The principal sees it in the queue and can read the draft; a colleague cannot.
    const queue = (await http.get(principalA, '/api/v1/library/reviews')).json() as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id)).toContain(sub.json().id);
    expect((await http.get(principalA, `/api/v1/resources/${r.id}`)).statusCode).toBe(200);
    expect((await http.get(colleague, `/api/v1/resources/${r.id}`)).statusCode).toBe(404);
    // Someone who is not a reviewer of that level cannot decide.
    expect(
      (await http.post(districtResearcher, `/api/v1/library/reviews/${sub.json().id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(404);

    const returned = await http.post(principalA, `/api/v1/library/reviews/${sub.json().id}/decision`, {
      decision: 'return',
      comment: '请补充教学目标',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', comment: '请补充教学目标' });
    expect((await http.get(author, `/api/v1/resources/${r.id}`)).json()).toMatchObject({ status: 'draft', publishLevel: 'private' });

    const again = await http.post(author, `/api/v1/resources/${r.id}/submissions`, { level: 'school' });
    await http.post(principalA, `/api/v1/library/reviews/${again.json().id}/decision`, { decision: 'approve' });
    expect((await http.get(author, `/api/v1/resources/${r.id}`)).json()).toMatchObject({ status: 'published', publishLevel: 'school' });

    const audit = await t.database.db.select({ action: auditEntries.action }).from(auditEntries).where(eq(auditEntries.targetId, r.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['resource.create', 'resource.submit', 'resource.review.return', 'resource.review.approve']),
    );
    const notes = (await http.get(author, '/api/v1/notifications?limit=50')).json() as {
      items: { kind: string; resourceId: string; data: { comment?: string } }[];
      unreadCount: number;
    };
    const mine = notes.items.filter((n) => n.resourceId === r.id).map((n) => n.kind);
    expect(mine).toEqual(expect.arrayContaining(['library.submitted', 'library.returned', 'library.approved']));
    expect(notes.items.find((n) => n.kind === 'library.returned' && n.resourceId === r.id)?.data.comment).toBe('请补充教学目标');
    const first = notes.items[0] as unknown as { id: string };
    expect((await http.post(author, `/api/v1/notifications/${first.id}/read`)).json().read).toBe(true);
  });

  it('recommending must go exactly one available level wider', async () => {
    const r = await createDraft();
    await publishAtSchool(r.id);
    const same = await http.post(author, `/api/v1/resources/${r.id}/submissions`, { level: 'school' });
    expect(same.json().code).toBe('LIBRARY_LEVEL_NOT_WIDER');
    const jump = await http.post(author, `/api/v1/resources/${r.id}/submissions`, { level: 'bay-area' });
    expect(jump.json().code).toBe('LIBRARY_LEVEL_UNAVAILABLE');
  });
});

describe('files', () => {
  it('refuses a renamed executable, whatever its name', async () => {
    const r = await createDraft();
    const exe = Buffer.alloc(512);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    const res = await http.post(author, `/api/v1/resources/${r.id}/files`, fileForm('教案.pdf', exe, 'application/pdf'), {
      'if-match': '1',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('LIBRARY_EXECUTABLE_REFUSED');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    const res2 = await http.post(author, `/api/v1/resources/${r.id}/files`, fileForm('slides.pptx', elf), { 'if-match': '1' });
    expect(res2.json().code).toBe('LIBRARY_EXECUTABLE_REFUSED');
    expect((await http.get(author, `/api/v1/resources/${r.id}`)).json().files).toEqual([]);
  });

  it("a 20 MB PDF's text becomes searchable after the extraction job", async () => {
    const r = await createDraft({ title: '大文件测试' });
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText('Worksheet: the quokkaphotosynth experiment', { x: 50, y: 700, size: 14, font });
    // Bulk: an attached data file (random bytes do not compress) brings the PDF to about 20 MB.
    const bulk = new Uint8Array(20 * 1024 * 1024);
    for (let i = 0; i < bulk.length; i += 65536) crypto.getRandomValues(bulk.subarray(i, i + 65536));
    await pdf.attach(bulk, 'data.bin', { mimeType: 'application/octet-stream' });
    const bytes = await pdf.save();
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);

    const up = await http.post(author, `/api/v1/resources/${r.id}/files`, fileForm('工作纸.pdf', bytes), { 'if-match': '1' });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().files[0];
    expect(file).toMatchObject({ mediaType: 'application/pdf', filename: '工作纸.pdf', textExtraction: 'pending', size: bytes.length });

    await runJobsUntilIdle({ db: t.database.db, registry: jobRegistry, blobs: t.blobs });
    const after = (await http.get(author, `/api/v1/resources/${r.id}`)).json();
    expect(after.files[0].textExtraction).toBe('done');
    const found = (await http.get(author, '/api/v1/resources/search?q=quokkaphotosynth')).json() as { items: { id: string }[] };
    expect(found.items.map((i) => i.id)).toContain(r.id);

    const dl = await http.get(author, file.downloadUrl);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E7%BA%B8.pdf");
    expect(dl.headers['content-disposition']).toMatch(/^attachment/);
    expect(dl.rawPayload.length).toBe(bytes.length);
    const preview = await http.get(author, file.previewUrl);
    expect(preview.headers['content-disposition']).toMatch(/^inline/);
  }, 120_000);

  it('serves plain text as an attachment, never inline', async () => {
    const r = await createDraft();
    const up = await http.post(
      author,
      `/api/v1/resources/${r.id}/files`,
      fileForm('notes.html', Buffer.from('<script>alert(1)</script> 笔记')),
      { 'if-match': '1' },
    );
    expect(up.statusCode, up.body).toBe(201);
    const f = up.json().files[0];
    expect(f.mediaType).toBe('text/plain');
    expect(f.previewUrl).toBeNull();
    const dl = await http.get(author, `${f.downloadUrl}?inline=1`);
    expect(dl.headers['content-disposition']).toMatch(/^attachment/);
    expect(dl.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('reuse', () => {
  it('a no-derivatives resource cannot be adapted', async () => {
    const r = await createDraft({ licence: 'CC-BY-NC-ND-4.0' });
    await publishAtSchool(r.id);
    const res = await http.post(colleague, `/api/v1/resources/${r.id}/adaptations`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LIBRARY_LICENCE_FORBIDS_ADAPTATION');
  });

  it('an adaptation is a linked private copy with attribution, lineage both ways', async () => {
    const r = await createDraft();
    await publishAtSchool(r.id);
    const res = await http.post(colleague, `/api/v1/resources/${r.id}/adaptations`, {});
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({ adaptedFromId: r.id, adaptationKind: 'adaptation', status: 'draft', licence: 'CC-BY-SA-4.0' });
    expect(copy.attribution).toContain('图像识别入门');
    expect(copy.adaptedFrom).toEqual({ id: r.id, title: expect.any(String) });
    // The source lists the adaptation only for those who may see it.
    expect((await http.get(colleague, `/api/v1/resources/${r.id}`)).json().adaptations.map((a: { id: string }) => a.id)).toContain(copy.id);
    expect((await http.get(author, `/api/v1/resources/${r.id}`)).json().adaptations).toEqual([]);
  });

  it('makes a 繁體 edition for the author to correct, and reads in another script on request', async () => {
    const r = await createDraft({ title: '机器人编程与视频剪辑', body: '<p>用软件编辑视频</p>' });
    await publishAtSchool(r.id);
    const res = await http.post(colleague, `/api/v1/resources/${r.id}/editions`, { language: 'zh-Hant-HK' });
    expect(res.statusCode, res.body).toBe(201);
    const ed = res.json();
    expect(ed.resource).toMatchObject({
      title: '機械人編程與影片剪接',
      language: 'zh-Hant-HK',
      adaptationKind: 'edition',
      status: 'draft',
    });
    expect(ed.vocabularyChanges.title.map((c: { concept: string }) => c.concept)).toContain('robot');
    const shown = (await http.get(colleague, `/api/v1/resources/${r.id}?display=zh-Hant-HK`)).json();
    expect(shown.title).toBe('機械人編程與影片剪接');
    expect(shown.display).toEqual({ language: 'zh-Hant-HK', converted: true, machineConverted: true });
    const plain = (await http.get(colleague, `/api/v1/resources/${r.id}`)).json();
    expect(plain.display).toBeNull();
  });
});
