import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.ts';

const overlap = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => b.includes(x));

describe('analyse', () => {
  it('gives 机器人编程 and 機械人編程 the same terms and bigrams', () => {
    const mainland = analyse('机器人编程', 'zh-Hans');
    const hongKong = analyse('機械人編程', 'zh-Hant-HK');
    expect(mainland.terms).toEqual(expect.arrayContaining(['机器人', '编程']));
    expect(hongKong.terms).toEqual(mainland.terms);
    expect(hongKong.bigrams).toEqual(mainland.bigrams);
  });

  it('lets 程序设计 match 程式設計 and 视频 match 影片', () => {
    expect(overlap(analyse('程序设计入门').terms, analyse('程式設計入門').terms)).toContain('程序设计');
    expect(overlap(analyse('教学视频').terms, analyse('教學影片').terms)).toContain('视频');
  });

  it('segments vocabulary terms as single words', () => {
    expect(analyse('在线学习平台').terms).toContain('在线学习');
    expect(analyse('聊天機械人').terms).toContain('聊天机器人');
  });

  it('emits parts of compounds in index mode so a part of a word finds the document', () => {
    expect(analyse('人工智能课程').terms).toEqual(expect.arrayContaining(['人工智能', '智能']));
  });

  it('drops Chinese stop words but keeps the bigrams across them', () => {
    const analysis = analyse('我的机器人');
    expect(analysis.terms).not.toContain('的');
    expect(analysis.bigrams).toEqual(['我的', '的机', '机器', '器人']);
  });

  it('stems English and drops English stop words (learning → learn)', () => {
    expect(analyse('The teachers are learning robotics').english).toEqual(['teacher', 'learn', 'robot']);
  });

  it('reads full-width letters as ordinary ones (ＡＩ → ai)', () => {
    expect(analyse('ＡＩ教育').english).toEqual(['ai']);
  });

  it('keeps programming-language names such as C++ and C#', () => {
    expect(analyse('学习 C++ 与 C#').english).toEqual(['c++', 'c#']);
  });

  it('only stop-words Portuguese, without the English stemmer', () => {
    expect(analyse('os alunos aprendem programação', 'pt').english).toEqual(['alunos', 'aprendem', 'programação']);
  });

  it('adds English glosses and Chinese terms only when cross-language matching is asked for', () => {
    expect(analyse('机器人').english).toEqual([]);
    expect(analyse('机器人', undefined, { crossLanguage: true }).english).toContain('robot');
    expect(analyse('robot', 'en', { crossLanguage: true }).terms).toContain('机器人');
    expect(analyse('machine learning', 'en', { crossLanguage: true }).terms).toContain('机器学习');
  });

  it('returns empty lists for an empty text', () => {
    expect(analyse('')).toEqual({ terms: [], bigrams: [], english: [] });
  });
});

describe('ANALYSIS_VERSION', () => {
  it('names the code version and the vocabulary it was built with', async () => {
    const { ANALYSIS_VERSION } = await import('./analysis-version.ts');
    expect(ANALYSIS_VERSION).toMatch(/^\d+-[0-9a-f]{8}$/);
  });
});
