import { describe, expect, it } from 'vitest';
import { matchHeader, normaliseHeader } from './header-lexicon.ts';
import type { PiiDetector } from './pii-adapter.ts';
import { profileColumns } from './profile-columns.ts';

/** A stand-in detector for mainland mobile numbers, so these tests do not depend on ../detect.ts progress. */
const phoneOnly: PiiDetector = (text) =>
  [...text.matchAll(/1[3-9]\d{9}/g)].map((m) => ({ type: 'PHONE', start: m.index!, end: m.index! + m[0].length, score: 0.9 }));

describe('column headers in three scripts and languages', () => {
  it.each([
    ['姓名', 'direct_identifier', 'PERSON'],
    ['身份證號碼', 'direct_identifier', 'CN_RESIDENT_ID'],
    ['身份证号', 'direct_identifier', 'CN_RESIDENT_ID'],
    ['學號', 'direct_identifier', 'STUDENT_ID'],
    ['Student_ID', 'direct_identifier', 'STUDENT_ID'],
    ['家长电话', 'direct_identifier', 'PHONE'],
    ['電話', 'direct_identifier', 'PHONE'],
    ['出生日期', 'quasi_identifier', 'DATE_OF_BIRTH'],
    ['Date of Birth', 'quasi_identifier', 'DATE_OF_BIRTH'],
    ['性別', 'quasi_identifier', 'GENDER'],
    ['年齡', 'quasi_identifier', 'AGE'],
    ['地區', 'quasi_identifier', 'GEOGRAPHY'],
    ['District', 'quasi_identifier', 'GEOGRAPHY'],
    ['學校', 'quasi_identifier', 'SCHOOL'],
    ['年级', 'quasi_identifier', 'GRADE_LEVEL'],
    ['Grade', 'quasi_identifier', 'GRADE_LEVEL'],
    ['成績', 'sensitive', 'ACADEMIC_RESULT'],
    ['score', 'sensitive', 'ACADEMIC_RESULT'],
    ['健康状况', 'sensitive', 'HEALTH'],
    ['Health', 'sensitive', 'HEALTH'],
    ['宗教信仰', 'sensitive', 'RELIGION'],
  ])('"%s" is a %s (%s)', (header, role, entity) => {
    expect(matchHeader(header)).toMatchObject({ role, entity });
  });

  it('normalises full-width letters and separators', () => {
    expect(normaliseHeader('ＳＴＵＤＥＮＴ－ＩＤ')).toBe('studentid');
  });

  it('does not mistake remarks for marks', () => {
    expect(matchHeader('Remarks')).toBeUndefined();
  });
});

describe('profileColumns', () => {
  // Invented rows.
  const rows = Array.from({ length: 40 }, (_, i) => ({
    联系: `1380013${String(8000 + i)}`,
    col_b: i % 2 ? '男' : '女',
    col_c: `2012-0${(i % 9) + 1}-1${i % 10}`,
    code: `X${1000 + i}`,
    评语: i % 4 === 0 ? `家长电话 1390000${String(1000 + i)}，请回电` : '表现良好',
    学号: `S${2024000 + i}`,
    分组: i % 3 === 0 ? 'A' : 'B',
  }));

  it('suggests a role, entity and reason for each column from headers and sampled content', async () => {
    const profiles = await profileColumns(rows, { detector: phoneOnly });
    const by = Object.fromEntries(profiles.map((p) => [p.column, p]));
    expect(by['联系']).toMatchObject({ role: 'direct_identifier', entity: 'PHONE', suggestedOperator: 'drop' });
    expect(by['联系'].reason).toMatch(/detected as PHONE/);
    expect(by['col_b']).toMatchObject({ role: 'quasi_identifier', entity: 'GENDER' });
    expect(by['col_c']).toMatchObject({ role: 'quasi_identifier', entity: 'DATE' });
    expect(by['code']).toMatchObject({ role: 'direct_identifier', entity: null });
    expect(by['code'].reason).toMatch(/nearly unique/);
    expect(by['评语']).toMatchObject({ role: 'other', suggestedOperator: 'redact' });
    expect(by['评语'].freeTextPiiShare).toBeCloseTo(0.25);
    expect(by['学号']).toMatchObject({ role: 'direct_identifier', entity: 'STUDENT_ID', suggestedOperator: 'pseudonym' });
    expect(by['分组']).toMatchObject({ role: 'other', suggestedOperator: 'keep' });
  });

  it('works from headers alone when content detection is switched off', async () => {
    const profiles = await profileColumns(rows, { detector: false });
    expect(profiles.find((p) => p.column === '联系')!.role).toBe('other');
    expect(profiles.find((p) => p.column === '学号')!.role).toBe('direct_identifier');
  });

  it('samples only the first rows of a stream', async () => {
    let read = 0;
    async function* stream() {
      for (let i = 0; i < 10_000; i++) {
        read++;
        yield { 年龄: 10 };
      }
    }
    const [p] = await profileColumns(stream(), { sampleSize: 50, detector: false });
    expect(p.sampled).toBe(50);
    expect(read).toBeLessThan(100);
  });
});
