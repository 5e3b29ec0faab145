import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.ts';
import { analyseQuery } from './analyse-query.ts';
import { createLexicon, fuzzyVariants } from './fuzzy.ts';

describe('analyseQuery', () => {
  it('cuts the query into whole words and canonicalises it like the index', () => {
    const query = analyseQuery('機械人編程');
    expect(query.canonical).toBe('机器人编程');
    expect(query.terms).toEqual(['机器人', '编程']);
  });

  it('still finds 机器学习 for 机器学系: enough bigrams match, and a correction is offered', () => {
    const query = analyseQuery('机器学系');
    const document = analyse('本课程介绍机器学习的基本方法');
    const [group] = query.bigramGroups;
    const matched = group.bigrams.filter((bigram) => document.bigrams.includes(bigram));
    expect(matched.length).toBeGreaterThanOrEqual(group.minimumShouldMatch);
    expect(query.corrections.map((c) => c.to)).toContain('机器学习');
    expect(document.terms).toContain('机器学习');
  });

  it('asks for all but two bigrams of a run, and at least one', () => {
    const groups = analyseQuery('人工智能教育 机器人').bigramGroups;
    expect(groups.map((g) => [g.run, g.bigrams.length, g.minimumShouldMatch])).toEqual([
      ['人工智能教育', 5, 3],
      ['机器人', 2, 1],
    ]);
  });

  it('offers no correction for a query made of known words', () => {
    expect(analyseQuery('机器学习').corrections).toEqual([]);
  });

  it('uses the lexicon it is given, such as the terms of the search index', () => {
    const lexicon = createLexicon(['创客空间']);
    expect(analyseQuery('创客空问', { lexicon }).corrections).toEqual([{ from: '创客空问', to: '创客空间' }]);
  });

  it('expands robot to 机器人 when cross-language matching is on', () => {
    expect(analyseQuery('robot').terms).toEqual([]);
    expect(analyseQuery('robot', { crossLanguage: true }).terms).toEqual(['机器人']);
  });
});

describe('fuzzyVariants', () => {
  it('finds known words one character away, most frequent first', () => {
    const lexicon = createLexicon([
      ['机器学习', 10],
      ['机械学习', 1],
      ['机器学习法', 99],
    ]);
    expect(fuzzyVariants('机器学系', lexicon)).toEqual(['机器学习']);
    expect(fuzzyVariants('机x学习', lexicon)).toEqual(['机器学习', '机械学习']);
    expect(fuzzyVariants('x器学习', lexicon)).toEqual(['机器学习']);
  });

  it('gives nothing for known words and for words shorter than three characters', () => {
    const lexicon = createLexicon(['机器学习', '学习']);
    expect(fuzzyVariants('机器学习', lexicon)).toEqual([]);
    expect(fuzzyVariants('学系', lexicon)).toEqual([]);
  });

  it('knows the vocabulary by default', () => {
    expect(fuzzyVariants('聊天机器仁')).toContain('聊天机器人');
  });
});
