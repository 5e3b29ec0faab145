import { describe, expect, it } from 'vitest';
import { agentKey, personFromAgents } from './agent-key.ts';
import { statementIndexKeys } from './statement-index.ts';
import { baseStatement, STUDENT, TEACHER } from './testdata/statements.ts';

describe('agentKey', () => {
  it('gives one key per identifier kind', () => {
    expect(agentKey({ mbox: 'mailto:Siu.Ming@Pupils.Example.EDU.hk' })).toBe('mbox:mailto:Siu.Ming@pupils.example.edu.hk');
    expect(agentKey({ mbox_sha1sum: 'EBD31E95054C018B10727CCFFD2EF2EC3A016EE9' })).toBe(
      'mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9',
    );
    expect(agentKey({ openid: 'https://openid.example.org/u/7' })).toBe('openid:https://openid.example.org/u/7');
    expect(agentKey({ account: { homePage: 'https://lms.example.edu', name: 's|1' } })).toBe('account:["https://lms.example.edu","s|1"]');
  });
  it('is the same for an Agent whatever its name or objectType, and undefined for an anonymous Group', () => {
    expect(agentKey({ objectType: 'Agent', name: 'A', mbox: 'mailto:x@example.com' })).toBe(agentKey({ mbox: 'mailto:x@EXAMPLE.com' }));
    expect(agentKey({ objectType: 'Group', member: [STUDENT as never] })).toBeUndefined();
  });
});

describe('personFromAgents', () => {
  it('returns the requested Agent as a Person when nothing else is known', () => {
    expect(personFromAgents([{ name: 'Chan Siu Ming', mbox: 'mailto:sm@example.edu.hk' }])).toEqual({
      objectType: 'Person',
      name: ['Chan Siu Ming'],
      mbox: ['mailto:sm@example.edu.hk'],
    });
  });
  it('merges several Agents of one person without duplicates', () => {
    const person = personFromAgents([
      { name: 'Chan Siu Ming', mbox: 'mailto:sm@example.edu.hk' },
      { name: 'Chan Siu Ming', mbox: 'mailto:sm@EXAMPLE.edu.hk' },
      { name: '陳小明', account: { homePage: 'https://lms.example.edu.hk', name: 's-1' } },
      { openid: 'https://openid.example.org/sm' },
    ]);
    expect(person).toEqual({
      objectType: 'Person',
      name: ['Chan Siu Ming', '陳小明'],
      mbox: ['mailto:sm@EXAMPLE.edu.hk'],
      openid: ['https://openid.example.org/sm'],
      account: [{ homePage: 'https://lms.example.edu.hk', name: 's-1' }],
    });
  });
});

describe('statementIndexKeys', () => {
  it('indexes actor and object Activity, and the related places separately', () => {
    const s = { ...baseStatement(), authority: { mbox: 'mailto:client@lrs.example.edu.hk' } };
    const keys = statementIndexKeys(s);
    expect(keys.agents).toEqual([agentKey(STUDENT as never)]);
    expect(keys.relatedAgents).toEqual([agentKey(STUDENT as never), 'mbox:mailto:client@lrs.example.edu.hk', agentKey(TEACHER as never)]);
    expect(keys.activities).toEqual(['https://courses.example.edu.hk/ai-basics/quiz/1']);
    expect(keys.relatedActivities).toEqual([
      'https://courses.example.edu.hk/ai-basics/quiz/1',
      'https://courses.example.edu.hk/ai-basics',
      'https://w3id.org/xapi/cmi5/context/categories/cmi5',
    ]);
  });
  it('matches Group members, and SubStatement parts only as related', () => {
    const s = baseStatement();
    delete s.context;
    s.actor = { objectType: 'Group', mbox: 'mailto:class3a@example.edu.hk', member: [STUDENT] };
    s.object = { objectType: 'SubStatement', actor: TEACHER, verb: s.verb, object: { id: 'http://example.com/sub' } };
    const keys = statementIndexKeys(s);
    expect(keys.agents).toEqual(['mbox:mailto:class3a@example.edu.hk', agentKey(STUDENT as never)]);
    expect(keys.relatedAgents).toContain(agentKey(TEACHER as never));
    expect(keys.activities).toEqual([]);
    expect(keys.relatedActivities).toEqual(['http://example.com/sub']);
  });
});
