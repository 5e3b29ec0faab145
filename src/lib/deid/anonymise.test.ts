import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { anonymise, maskValue } from './anonymise.ts';
import { detect } from './detect.ts';
import { decryptTokens, decryptValue, encryptValue } from './encrypt-value.ts';
import { generaliseAddress, generaliseAge, generaliseDate } from './generalise.ts';
import { PlaceholderBook, restorePlaceholders } from './placeholders.ts';
import { pseudonymise } from './pseudonymise.ts';

const text = '家長陳大文（電話 +852 9123 4567）說陳大文會遲到；另一位家長李美玲同意。';

describe('anonymise', () => {
  it('replaces each type with its operator and reports where every replacement went', () => {
    const entities = detect(text);
    const result = anonymise(text, entities, { PERSON: { kind: 'placeholder' }, PHONE: { kind: 'mask', keepEnd: 4 } });
    expect(result.text).toBe('家長<PERSON_1>（電話 +*** **** 4567）說<PERSON_1>會遲到；另一位家長<PERSON_2>同意。');
    for (const item of result.items) {
      expect(result.text.slice(item.outStart, item.outEnd)).toBe(item.replacement);
    }
  });

  it('redacts with the type name and drops when asked', () => {
    const t = '電郵 chan@example.com 謝謝';
    const e = detect(t);
    expect(anonymise(t, e, { EMAIL: { kind: 'redact' } }).text).toBe('電郵 [EMAIL] 謝謝');
    expect(anonymise(t, e, { EMAIL: { kind: 'drop' } }).text).toBe('電郵  謝謝');
  });

  it('masks by code point so emoji are never split', () => {
    expect(maskValue('陳大文😀', 1)).toBe('陳***');
    expect(maskValue('138-1234-5678', 0, 4)).toBe('***-****-5678');
  });

  it('generalises birth dates, ages and addresses', () => {
    expect(generaliseDate('2009年3月14日')).toBe('2009');
    expect(generaliseDate('14/03/2009', 'month')).toBe('2009-03');
    expect(generaliseDate('3 May 2011', 'month')).toBe('2011-05');
    expect(generaliseAge(13)).toBe('10-14');
    expect(generaliseAddress('广东省广州市天河区天河路123号', 'district')).toBe('广东省广州市天河区');
    expect(generaliseAddress('广东省广州市天河区天河路123号', 'city')).toBe('广东省广州市');
    expect(
      generaliseAddress('Flat 5, 12/F, 88 Nathan Road, Mong Kok, Kowloon', 'district', (a) =>
        a.includes('Mong Kok') ? 'Yau Tsim Mong' : undefined,
      ),
    ).toBe('Yau Tsim Mong');
    const t = '出生日期：2009年3月14日';
    expect(anonymise(t, detect(t), { DATE_OF_BIRTH: { kind: 'generalise', to: 'year' } }).text).toBe('出生日期：2009');
  });
});

describe('keyed pseudonyms', () => {
  const agreementA = 'secret-of-agreement-A';
  const agreementB = 'secret-of-agreement-B';

  it('are stable across calls and files with the same key, across scripts and spacing', () => {
    const fileOne = anonymise('學生陳大文', detect('學生陳大文'), { PERSON: { kind: 'pseudonym' } }, { pseudonymKey: agreementA });
    const fileTwo = anonymise('学生陈大文', detect('学生陈大文'), { PERSON: { kind: 'pseudonym' } }, { pseudonymKey: agreementA });
    expect(fileOne.items[0].replacement).toMatch(/^PERSON_[A-Z0-9]{10}$/);
    expect(fileOne.items[0].replacement).toBe(fileTwo.items[0].replacement);
    expect(pseudonymise('PERSON', 'Chan Tai-man', agreementA)).toBe(pseudonymise('PERSON', ' chan  tai man ', agreementA));
  });

  it('differ under another sharing agreement and for another type', () => {
    expect(pseudonymise('PERSON', '陳大文', agreementA)).not.toBe(pseudonymise('PERSON', '陳大文', agreementB));
    expect(pseudonymise('PERSON', '陳大文', agreementA)).not.toBe(pseudonymise('STUDENT_ID', '陳大文', agreementA));
  });
});

describe('reversible encryption', () => {
  const key = randomBytes(32);

  it('round-trips a value through AES-256-GCM and anonymise', () => {
    const token = encryptValue('PHONE', '+852 9123 4567', key);
    expect(token).not.toContain('9123');
    expect(decryptValue(token, key)).toBe('+852 9123 4567');
    const out = anonymise(text, detect(text), { default: { kind: 'encrypt' } }, { encryptionKey: key });
    expect(decryptTokens(out.text, key)).toBe(text);
  });

  it('refuses a wrong key or a tampered token', () => {
    const token = encryptValue('PERSON', '陳大文', key);
    expect(() => decryptValue(token, randomBytes(32))).toThrow();
    expect(() => decryptValue(token.replace('PERSON', 'PHONE'), key)).toThrow();
  });
});

describe('placeholders', () => {
  it('are stable within a document, even across chunks sharing one book', () => {
    const book = new PlaceholderBook();
    const a = anonymise('陳大文同學遲到', detect('陳大文同學遲到'), {}, { placeholders: book });
    const b = anonymise('通知陳大文家長', detect('通知陳大文家長'), {}, { placeholders: book });
    expect(a.text).toBe('<PERSON_1>同學遲到');
    expect(b.text).toBe('通知<PERSON_1>家長');
  });

  it('are restored in an answer, tolerating full-width brackets, leaving unknown ones', () => {
    const { text: prompt, mapping } = anonymise(text, detect(text));
    expect(prompt).not.toContain('陳大文');
    const answer = '建議聯絡<PERSON_1>（＜PHONE_1＞），並感謝< PERSON_2 >。<PERSON_9>';
    expect(restorePlaceholders(answer, mapping)).toBe('建議聯絡陳大文（+852 9123 4567），並感謝李美玲。<PERSON_9>');
  });
});
