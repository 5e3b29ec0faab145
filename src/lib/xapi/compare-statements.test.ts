import { describe, expect, it } from 'vitest';
import { statementsEquivalent } from './compare-statements.ts';
import { prepareStatementForStorage } from './prepare-statement.ts';
import { baseStatement, STUDENT, TEACHER, type Json } from './testdata/statements.ts';

const same = (change: (s: Json) => void) => {
  const b = baseStatement();
  change(b);
  return statementsEquivalent(baseStatement(), b);
};

describe('statement comparison (Data 2.3.1)', () => {
  it('finds a statement equivalent to its stored form', () => {
    const stored = prepareStatementForStorage(baseStatement(), { stored: new Date(), authority: TEACHER as never });
    expect(statementsEquivalent(stored, baseStatement())).toBe(true);
  });

  it.each<[string, (s: Json) => void]>([
    ['stored, authority and version', (s) => Object.assign(s, { stored: '2030-01-01T00:00:00Z', authority: STUDENT, version: '1.0.3' })],
    [
      'a missing id or timestamp',
      (s) => {
        delete s.id;
        delete s.timestamp;
      },
    ],
    ['the time zone of the timestamp', (s) => (s.timestamp = '2024-09-02T01:15:00.123Z')],
    [
      'the case of the id and the registration',
      (s) => {
        s.id = s.id.toUpperCase();
        s.context.registration = s.context.registration.toUpperCase();
      },
    ],
    ['the case of the mbox domain', (s) => (s.actor.mbox = 'mailto:siuming.chan@PUPILS.Example.EDU.HK')],
    ['the Activity definition', (s) => (s.object.definition = { name: { en: 'renamed' } })],
    ['the verb display', (s) => (s.verb.display = { fr: 'a tenté' })],
    [
      'a single context activity against an array of one',
      (s) => (s.context.contextActivities.parent = [s.context.contextActivities.parent]),
    ],
    ['attachments', (s) => (s.attachments = [])],
    [
      'key order',
      (s) => {
        const { actor, ...rest } = s;
        for (const k of Object.keys(s)) delete s[k];
        Object.assign(s, rest, { actor });
      },
    ],
    ['duration precision beyond 0.01 s', (s) => (s.result.duration = 'PT12M30.2549S')],
    [
      'an omitted default objectType',
      (s) => {
        delete s.actor.objectType;
        delete s.object.objectType;
      },
    ],
  ])('ignores %s', (_what, change) => {
    expect(same(change)).toBe(true);
  });

  it('ignores the order of Group members', () => {
    const a = { ...baseStatement(), actor: { objectType: 'Group', member: [STUDENT, TEACHER] } };
    const b = { ...baseStatement(), actor: { objectType: 'Group', member: [TEACHER, STUDENT] } };
    expect(statementsEquivalent(a, b)).toBe(true);
  });

  it.each<[string, (s: Json) => void]>([
    ['the verb id', (s) => (s.verb.id = 'http://adlnet.gov/expapi/verbs/passed')],
    ['the actor', (s) => (s.actor.mbox = 'mailto:other@pupils.example.edu.hk')],
    ['the local part case of the mbox', (s) => (s.actor.mbox = 'mailto:SiuMing.Chan@pupils.example.edu.hk')],
    ['the actor name', (s) => (s.actor.name = 'Chan S. M.')],
    ['the object id', (s) => (s.object.id = 'https://courses.example.edu.hk/ai-basics/quiz/2')],
    ['the score', (s) => (s.result.score.raw = 9)],
    ['the duration as written', (s) => (s.result.duration = 'PT750.25S')],
    ['the timestamp instant', (s) => (s.timestamp = '2024-09-02T09:15:01.123+08:00')],
    ['the id', (s) => (s.id = '0b1f3c7e-5d2a-4c1e-9f7a-000000000000')],
    ['a context extension', (s) => (s.context.extensions = { 'http://example.com/x': 1 })],
    ['the context activities', (s) => (s.context.contextActivities.grouping = [{ id: 'http://example.com/g' }])],
    ['the result being removed', (s) => delete s.result],
  ])('counts a difference in %s', (_what, change) => {
    expect(same(change)).toBe(false);
  });
});
