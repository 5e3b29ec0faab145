import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResponse } from '../../../shared/api/search.ts';
import { makeSchool, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, signIn, type Session, type TestApp } from '../../test/test-app.ts';
import { indexDocument, removeDocument } from './search.index.ts';
import { makeSearchDocument } from './search.test-data.ts';
import type { SearchDocument } from './search.types.ts';

/**
 * Search as teachers on both sides of the border use it: Guangzhou writes 机器人、程序、视频, Hong Kong and
 * Macao write 機械人、程式、影片, and each must find the other's lessons. Documents are indexed directly
 * (the library calls the same indexDocument in its save transaction); all data is invented.
 */
describe('searching the resource library', () => {
  let t: TestApp;
  let gzTeacher: Session;
  let otherSchoolTeacher: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const city = await makeUnit(db, { jurisdiction: 'GD', level: 'city' });
    const district = await makeUnit(db, { jurisdiction: 'GD', level: 'district', parentId: city.id });
    const gz = await makeSchool(db, { jurisdiction: 'GD', unitId: district.id });
    const hk = await makeSchool(db, { jurisdiction: 'HK' });
    const mo = await makeSchool(db, { jurisdiction: 'MO' });
    const other = await makeSchool(db, { jurisdiction: 'GD', unitId: district.id });
    const gzUser = await makeUser(db, { role: 'teacher', school: gz });
    const hkUser = await makeUser(db, { role: 'teacher', school: hk });
    const moUser = await makeUser(db, { role: 'teacher', school: mo });
    const otherUser = await makeUser(db, { role: 'teacher', school: other });
    gzTeacher = await signIn(t.app, gzUser.username, TEST_PASSWORD);
    otherSchoolTeacher = await signIn(t.app, otherUser.username, TEST_PASSWORD);

    const by = {
      gz: { authorId: gzUser.id, schoolId: gz.id, jurisdictionId: gz.jurisdictionId },
      hk: { authorId: hkUser.id, schoolId: hk.id, jurisdictionId: hk.jurisdictionId },
      mo: { authorId: moUser.id, schoolId: mo.id, jurisdictionId: mo.jurisdictionId },
    };
    const add = async (name: string, doc: Partial<SearchDocument> & Pick<SearchDocument, 'authorId' | 'schoolId' | 'jurisdictionId'>) => {
      const made = makeSearchDocument(doc);
      ids[name] = made.id;
      await indexDocument(db, made);
    };
    await add('hk robot', {
      ...by.hk,
      language: 'zh-Hant-HK',
      title: '機械人編程入門',
      summary: '用積木式程式控制機械人完成巡線任務。',
      body: '學生分組設計程式，讓機械人沿黑線前進，並以感應器避開障礙。',
      subject: 'information-technology',
    });
    await add('gz robot', {
      ...by.gz,
      title: '机器人编程：巡线小车',
      summary: '初中信息科技课，用图形化编程控制机器人。',
      body: '本课介绍传感器与电机，学生编写程序让小车沿线行驶。',
      subject: 'information-technology',
    });
    await add('mo programming', {
      ...by.mo,
      language: 'zh-Hant-MO',
      title: '程式設計基礎：變量與循環',
      summary: '以 Python 學習程式設計的基本概念。',
      body: '本單元練習變量、條件與循環，完成簡單的計算器程式。',
      subject: 'information-technology',
      gradeBand: 'senior',
    });
    await add('gz video', {
      ...by.gz,
      title: '拍摄科学实验视频',
      summary: '学生用手机记录实验过程并剪辑成短视频。',
      body: '剪辑时注意画面稳定与字幕。',
      subject: 'science',
    });
    await add('hk video', {
      ...by.hk,
      language: 'zh-Hant-HK',
      title: '製作科普影片',
      summary: '學生分組拍攝及剪輯科普影片，介紹日常生活中的物理現象。',
      subject: 'science',
      gradeBand: 'primary',
      licence: 'CC-BY-SA-4.0',
    });
    await add('gz machine learning', {
      ...by.gz,
      title: '机器学习初步：让电脑学会分类',
      summary: '通过水果分类的例子理解训练数据和模型。',
      subject: 'ai',
      gradeBand: 'senior',
    });
    await add('body mentions ethics', {
      ...by.gz,
      title: '校园数字公民周活动方案',
      summary: '一周的主题活动安排。',
      body: '其中一节讨论人工智能伦理与隐私保护。',
      subject: 'moral-education',
    });
    await add('title is ethics', {
      ...by.gz,
      title: '人工智能伦理：谁为算法负责',
      summary: '讨论案例，理解公平与责任。',
      subject: 'ai',
    });
    await add('english ml', {
      ...by.hk,
      language: 'en',
      title: 'Teaching Machine Learning with Teachable Machines',
      summary: 'Pupils train image classifiers and discuss bias in training data.',
      subject: 'ai',
      gradeBand: 'junior',
    });
    await add('private robot', { ...by.gz, title: '机器人编程教案（草稿区）', publishLevel: 'private' });
    await add('draft robot', { ...by.gz, title: '机器人编程单元测验', status: 'draft' });
    await add('school-only robot', { ...by.gz, title: '本校机器人社团训练计划', publishLevel: 'school' });
    await add('bay-area robot', { ...by.hk, title: '大灣區機械人比賽培訓', publishLevel: 'bay-area', language: 'zh-Hant-HK' });
  });
  afterAll(() => t.close());

  const search = async (query: string, session?: Session): Promise<SearchResponse> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/resources/search?${query}`, headers: session?.headers ?? {} });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchResponse;
  };
  const q = (text: string, extra = '') => `q=${encodeURIComponent(text)}${extra}`;
  const idsOf = (items: SearchHit[]) => items.map((i) => i.id);
  const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

  it('机器人编程 finds the Hong Kong 機械人編程 lesson, and 機械人編程 finds the Guangzhou one', async () => {
    const simplified = await search(q('机器人编程'));
    expect(idsOf(simplified.items)).toEqual(expect.arrayContaining([ids['hk robot'], ids['gz robot']]));
    const traditional = await search(q('機械人編程'));
    expect(idsOf(traditional.items)).toEqual(expect.arrayContaining([ids['gz robot'], ids['hk robot']]));
  });

  it('程序设计 finds the Macao 程式設計 lesson', async () => {
    const res = await search(q('程序设计'));
    expect(idsOf(res.items)[0]).toBe(ids['mo programming']);
  });

  it('视频 finds 影片 and 影片 finds 视频', async () => {
    expect(idsOf((await search(q('视频'))).items)).toEqual(expect.arrayContaining([ids['gz video'], ids['hk video']]));
    expect(idsOf((await search(q('影片'))).items)).toEqual(expect.arrayContaining([ids['gz video'], ids['hk video']]));
  });

  it('one wrong character still finds the intended word: 机器学系 finds 机器学习', async () => {
    const res = await search(q('机器学系'));
    expect(idsOf(res.items)[0]).toBe(ids['gz machine learning']);
  });

  it('English is stemmed: "teach machines learning" finds "Teaching Machine Learning…"', async () => {
    const res = await search(q('teach machines learning'));
    expect(idsOf(res.items)).toEqual([ids['english ml']]);
  });

  it('a title match outranks a body match', async () => {
    const res = await search(q('人工智能伦理'));
    expect(idsOf(res.items).slice(0, 2)).toEqual([ids['title is ethics'], ids['body mentions ethics']]);
    expect(res.items[0].score).toBeGreaterThan(res.items[1].score);
  });

  it('highlights mark the matching words in the original script of the title and snippet', async () => {
    const res = await search(q('机器人'));
    const hk = res.items.find((i) => i.id === ids['hk robot'])!;
    expect(hk.highlights.title.filter((s) => s.match).map((s) => s.text)).toEqual(['機械人']);
    expect(hk.highlights.snippet.some((s) => s.match && s.text === '機械人')).toBe(true);
  });

  it('facet counts equal the matching set, with or without a filter', async () => {
    const all = await search(q('视频'));
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total(all.facets.subject)).toBe(all.items.length);
    expect(total(all.facets.language)).toBe(all.items.length);
    expect(all.facets.gradeBand).toEqual({ primary: 1, junior: 1 });
    expect(all.facets.licence).toEqual({ 'CC-BY-4.0': 1, 'CC-BY-SA-4.0': 1 });
    const primary = await search(q('视频', '&gradeBand=primary'));
    expect(idsOf(primary.items)).toEqual([ids['hk video']]);
    expect(primary.facets.language).toEqual({ 'zh-Hant-HK': 1 });
  });

  it('a private, draft or school-only resource never appears to another school, in hits or counts', async () => {
    const mine = await search(q('机器人'), gzTeacher);
    expect(idsOf(mine.items)).toEqual(expect.arrayContaining([ids['private robot'], ids['draft robot'], ids['school-only robot']]));
    const theirs = await search(q('机器人'), otherSchoolTeacher);
    const names = idsOf(theirs.items).map(nameOf);
    expect(names).not.toContain('private robot');
    expect(names).not.toContain('draft robot');
    expect(names).not.toContain('school-only robot');
    expect(names).toContain('bay-area robot');
    expect(Object.values(theirs.facets.subject).reduce((a, b) => a + b, 0)).toBe(theirs.items.length);
  });

  it('an anonymous reader sees only public resources', async () => {
    const res = await search(q('机器人'));
    expect(idsOf(res.items).map(nameOf).sort()).toEqual(['gz robot', 'hk robot']);
  });

  it('pages with an opaque cursor, without repeating or skipping a hit, and refuses a cursor from another search', async () => {
    const first = await search(q('', '&limit=4'), gzTeacher);
    expect(first.items).toHaveLength(4);
    const seen = idsOf(first.items);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await search(q('', `&limit=4&cursor=${cursor}`), gzTeacher);
      seen.push(...idsOf(next.items));
      cursor = next.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(Object.values(ids).sort());
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/resources/search?${q('视频')}&cursor=${first.nextCursor}` });
    expect(res.statusCode).toBe(400);
  });

  it('never answers more than 50 hits a page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/resources/search?limit=51' });
    expect(res.statusCode).toBe(400);
  });

  it('typeahead completes titles in either script from what the caller may see', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/resources/suggest?q=${encodeURIComponent('機械人')}` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { items: string[] }).items.sort()).toEqual(['机器人编程：巡线小车', '機械人編程入門'].sort());
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/resources/suggest?q=${encodeURIComponent('编程')}`,
      headers: gzTeacher.headers,
    });
    expect((mine.json() as { items: string[] }).items).toContain('机器人编程教案（草稿区）');
  });

  it('a removed document is no longer found', async () => {
    const db = t.database.db;
    const doc = makeSearchDocument({ ...(await firstAuthor()), title: '临时课件：声音的传播' });
    await indexDocument(db, doc);
    expect(idsOf((await search(q('声音的传播'))).items)).toEqual([doc.id]);
    await removeDocument(db, doc.id);
    expect((await search(q('声音的传播'))).items).toEqual([]);
  });

  async function firstAuthor() {
    const school = await makeSchool(t.database.db, { jurisdiction: 'GD' });
    const user = await makeUser(t.database.db, { role: 'teacher', school });
    return { authorId: user.id, schoolId: school.id, jurisdictionId: school.jurisdictionId };
  }
});
