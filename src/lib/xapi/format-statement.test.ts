import { describe, expect, it } from 'vitest';
import { parseAcceptLanguage, pickLanguage } from './accept-language.ts';
import { formatStatement } from './format-statement.ts';
import type { Statement } from './statement.types.ts';
import { baseStatement, choiceActivity, STUDENT } from './testdata/statements.ts';

describe('format=exact', () => {
  it('returns the statement unchanged', () => {
    const s = baseStatement();
    expect(formatStatement(s, 'exact')).toBe(s);
  });
});

describe('format=ids', () => {
  it('reduces Agents to their identifier, Verbs and Activities to their id', () => {
    const s: Statement = {
      ...baseStatement(),
      authority: { objectType: 'Agent', name: 'Client', account: { homePage: 'https://lrs.example.edu.hk', name: 'c1' } },
    };
    const out = formatStatement(s, 'ids');
    expect(out.actor).toEqual({ objectType: 'Agent', mbox: STUDENT.mbox });
    expect(out.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/attempted' });
    expect(out.object).toEqual({ objectType: 'Activity', id: 'https://courses.example.edu.hk/ai-basics/quiz/1' });
    expect(out.context?.instructor).toEqual({ objectType: 'Agent', account: { homePage: 'https://lms.example.edu.hk', name: 't-0042' } });
    expect(out.context?.contextActivities?.category).toEqual([{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }]);
    expect(out.authority).toEqual({ objectType: 'Agent', account: { homePage: 'https://lrs.example.edu.hk', name: 'c1' } });
    expect(out.result).toEqual(s.result);
  });

  it('keeps an identified Group by its identifier and an anonymous Group by its members', () => {
    const identified = formatStatement(
      { ...baseStatement(), actor: { objectType: 'Group', name: 'Class 3A', openid: 'https://openid.example.org/3a', member: [STUDENT] } },
      'ids',
    );
    expect(identified.actor).toEqual({ objectType: 'Group', openid: 'https://openid.example.org/3a' });
    const anonymous = formatStatement({ ...baseStatement(), actor: { objectType: 'Group', name: 'Team', member: [STUDENT] } }, 'ids');
    expect(anonymous.actor).toEqual({ objectType: 'Group', member: [{ objectType: 'Agent', mbox: STUDENT.mbox }] });
  });

  it('reaches into a SubStatement', () => {
    const s = baseStatement();
    delete s.context;
    s.object = { objectType: 'SubStatement', actor: STUDENT, verb: s.verb, object: choiceActivity() };
    expect(formatStatement(s, 'ids').object).toEqual({
      objectType: 'SubStatement',
      actor: { objectType: 'Agent', mbox: STUDENT.mbox },
      verb: { id: s.verb.id },
      object: { objectType: 'Activity', id: choiceActivity().id },
    });
  });
});

describe('format=canonical', () => {
  it('keeps one language per map, chosen by Accept-Language', () => {
    const s = baseStatement();
    s.object = choiceActivity();
    s.object.definition.name = { en: 'Question 2', 'zh-Hant': '第二題' };
    delete s.context.platform;
    const out = formatStatement(s, 'canonical', { languages: parseAcceptLanguage('zh-Hant-HK, en;q=0.5') }) as typeof s;
    expect(out.verb.display).toEqual({ 'zh-Hant-HK': '嘗試了' });
    expect(out.object.definition.name).toEqual({ 'zh-Hant': '第二題' });
    expect(out.object.definition.choices[0].description).toEqual({ en: 'Breadth-first search' });
    expect(out.actor).toEqual(s.actor);
  });

  it('uses the LRS canonical definition when it has one', () => {
    const out = formatStatement(baseStatement(), 'canonical', {
      languages: parseAcceptLanguage('en'),
      activityDefinition: (id) => (id.endsWith('/quiz/1') ? { name: { en: 'Quiz 1 (canonical)', fr: 'Quiz 1' } } : undefined),
      verbDisplay: () => ({ en: 'tried', 'zh-Hans': '尝试了' }),
    });
    expect(out.object).toEqual({
      objectType: 'Activity',
      id: 'https://courses.example.edu.hk/ai-basics/quiz/1',
      definition: { name: { en: 'Quiz 1 (canonical)' } },
    });
    expect(out.verb.display).toEqual({ en: 'tried' });
  });
});

describe('Accept-Language', () => {
  it('orders ranges by quality and drops q=0', () => {
    expect(parseAcceptLanguage('en;q=0.5, zh-Hans, fr;q=0, *;q=0.1').map((r) => r.range)).toEqual(['zh-Hans', 'en', '*']);
  });
  it('prefers an exact or prefix match, then a shortened range, then the first entry', () => {
    const map = { en: 'attended', 'zh-Hans': '参加了', 'zh-Hant': '參加了' };
    expect(pickLanguage(map, parseAcceptLanguage('zh'))).toEqual(['zh-Hans', '参加了']);
    expect(pickLanguage(map, parseAcceptLanguage('ZH-HANT'))).toEqual(['zh-Hant', '參加了']);
    expect(pickLanguage(map, parseAcceptLanguage('zh-Hant-MO'))).toEqual(['zh-Hant', '參加了']);
    expect(pickLanguage(map, parseAcceptLanguage('pt-MO'))).toEqual(['en', 'attended']);
    expect(pickLanguage(map, [])).toEqual(['en', 'attended']);
    expect(pickLanguage({}, [])).toBeUndefined();
  });
});
