import { describe, expect, it } from 'vitest';
import examples from './testdata/spec-examples.json' with { type: 'json' };
import { baseStatement, choiceActivity, STUDENT, type Json } from './testdata/statements.ts';
import { validateStatement, validateStatements } from './validate-statement.ts';

function issuesOf(statement: Json) {
  const result = validateStatement(statement);
  return result.ok ? [] : result.issues;
}

function pathsOf(statement: Json) {
  return issuesOf(statement).map((i) => i.path);
}

/** Applies a change to a fresh base statement and returns it. */
function changed(change: (s: Json) => void): Json {
  const s = baseStatement();
  change(s);
  return s;
}

describe('valid statements are accepted', () => {
  it('accepts the full invented statement', () => {
    expect(issuesOf(baseStatement())).toEqual([]);
  });

  it.each(examples.statements.map((s, i) => [i, s]))('accepts the spec example statement %i', (_i, s) => {
    expect(issuesOf(s)).toEqual([]);
  });

  it('accepts the spec example signed statement (attachment metadata only)', () => {
    expect(issuesOf(examples.signed.statement)).toEqual([]);
  });

  it.each(Object.entries(examples.interactionDefinitions))('accepts the spec %s interaction definition', (_type, definition) => {
    expect(issuesOf(changed((s) => (s.object = { id: 'http://example.com/q', definition })))).toEqual([]);
  });

  it.each(examples.subStatements.map((s, i) => [i, s]))('accepts the spec SubStatement example %i as an object', (_i, sub) => {
    expect(
      issuesOf(
        changed((s) => {
          s.object = sub;
          delete s.context.platform;
        }),
      ),
    ).toEqual([]);
  });

  it('accepts the minimum statement: actor, verb and object only', () => {
    expect(
      issuesOf({ actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://example.com/v' }, object: { id: 'http://example.com/a' } }),
    ).toEqual([]);
  });

  it.each([
    ['an Agent object', { objectType: 'Agent', mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' }],
    ['an identified Group object', { objectType: 'Group', openid: 'https://openid.example.org/class-3a' }],
    ['an anonymous Group object', { objectType: 'Group', member: [STUDENT] }],
    ['a StatementRef', { objectType: 'StatementRef', id: 'AB97B177-9383-4934-8543-0F91A7A02836' }],
  ])('accepts %s as the object (without revision/platform)', (_what, object) => {
    expect(
      issuesOf(
        changed((s) => {
          s.object = object;
          delete s.context.platform;
        }),
      ),
    ).toEqual([]);
  });

  it.each(['1.0', '1.0.0', '1.0.3', '1.0.9'])('accepts version %s', (version) => {
    expect(issuesOf(changed((s) => (s.version = version)))).toEqual([]);
  });

  it('accepts null, empty and object values inside extensions', () => {
    const s = changed((s) => {
      s.result.extensions = { 'http://example.com/null': null, 'http://example.com/empty': '', 'http://example.com/o': {} };
      s.context.extensions = {};
    });
    expect(issuesOf(s)).toEqual([]);
  });

  it('accepts an authority that is an anonymous Group of two Agents (3-legged OAuth)', () => {
    const authority = {
      objectType: 'Group',
      member: [{ account: { homePage: 'https://lrs.example.edu/oauth/token', name: 'app-7' } }, STUDENT],
    };
    expect(issuesOf(changed((s) => (s.authority = authority)))).toEqual([]);
  });

  it('accepts a batch and reports paths with the statement index', () => {
    expect(validateStatements([baseStatement(), baseStatement()]).ok).toBe(true);
    const bad = validateStatements([baseStatement(), changed((s) => delete s.verb)]);
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['[1].verb']);
  });

  it.each(['en', 'de-DE', 'zh-Hant', 'sr-Latn-RS', 'cmn', 'ase', 'zh-Hans-CN', 'es-419', 'x-private'])(
    'accepts the language tag %s',
    (tag) => expect(issuesOf(changed((s) => (s.verb.display = { [tag]: 'x' })))).toEqual([]),
  );
});

describe('every MUST violation is refused with its path', () => {
  const cases: [string, (s: Json) => void, string][] = [
    // Data 2.2: formatting
    ['a missing actor', (s) => delete s.actor, 'actor'],
    ['a missing verb', (s) => delete s.verb, 'verb'],
    ['a missing object', (s) => delete s.object, 'object'],
    ['an unknown top-level property', (s) => (s.extra = 1), 'extra'],
    [
      'a wrongly cased key',
      (s) => {
        s.Actor = s.actor;
        delete s.actor;
      },
      'Actor',
    ],
    ['a null value', (s) => (s.context.platform = null), 'context.platform'],
    ['null as a name', (s) => (s.actor.name = null), 'actor.name'],
    ['a string where a number is required', (s) => (s.result.score.raw = '8'), 'result.score.raw'],
    ['a string where a boolean is required', (s) => (s.result.success = 'true'), 'result.success'],
    // Data 2.4.1: id
    ['an id that is not a UUID', (s) => (s.id = 'MA97B177-9383-4934-8543-0F91A7A02836'), 'id'],
    ['an id with too many digits', (s) => (s.id = 'AA97B177-9383-4934-8543-0F91A7A028368'), 'id'],
    ['a numeric id', (s) => (s.id = 12345), 'id'],
    // Data 2.4.2: actor
    ['an Agent without identifier', (s) => delete s.actor.mbox, 'actor'],
    ['an Agent with two identifiers', (s) => (s.actor.openid = 'https://openid.example.org/u/1'), 'actor'],
    ['an mbox without mailto:', (s) => (s.actor.mbox = 'siuming@example.edu.hk'), 'actor.mbox'],
    ['an mbox without an address', (s) => (s.actor.mbox = 'mailto:should.fail.com'), 'actor.mbox'],
    [
      'an mbox_sha1sum that is not 40 hex',
      (s) => {
        delete s.actor.mbox;
        s.actor.mbox_sha1sum = 'abc';
      },
      'actor.mbox_sha1sum',
    ],
    [
      'an openid without a scheme',
      (s) => {
        delete s.actor.mbox;
        s.actor.openid = 'open.id.com/testUser';
      },
      'actor.openid',
    ],
    [
      'an account without homePage',
      (s) => {
        delete s.actor.mbox;
        s.actor.account = { name: '1' };
      },
      'actor.account.homePage',
    ],
    [
      'an account homePage without scheme',
      (s) => {
        delete s.actor.mbox;
        s.actor.account = { homePage: 'homePage.com/testUser', name: '1' };
      },
      'actor.account.homePage',
    ],
    [
      'an account without name',
      (s) => {
        delete s.actor.mbox;
        s.actor.account = { homePage: 'https://x.example' };
      },
      'actor.account.name',
    ],
    [
      'an account name that is not a string',
      (s) => {
        delete s.actor.mbox;
        s.actor.account = { homePage: 'https://x.example', name: { key: 'v' } };
      },
      'actor.account.name',
    ],
    ['a wrong-case Agent objectType', (s) => (s.actor.objectType = 'agent'), 'actor.objectType'],
    ['an anonymous Group without member', (s) => (s.actor = { objectType: 'Group' }), 'actor.member'],
    [
      'a Group inside a Group',
      (s) => (s.actor = { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.com' }] }),
      'actor.member[0]',
    ],
    [
      'an identified Group with two identifiers',
      (s) => (s.actor = { objectType: 'Group', mbox: 'mailto:g@example.com', openid: 'https://g.example' }),
      'actor',
    ],
    ['an invalid Agent among members', (s) => (s.actor = { objectType: 'Group', member: [{ name: 'no id' }] }), 'actor.member[0]'],
    // Data 2.4.3: verb
    ['a verb without id', (s) => delete s.verb.id, 'verb.id'],
    ['a verb id without scheme', (s) => (s.verb.id = 'adlnet.gov/expapi/verbs/attended'), 'verb.id'],
    ['a display that is a string', (s) => (s.verb.display = 'attempted'), 'verb.display'],
    ['a display with a bad language tag', (s) => (s.verb.display = { a12345: 'attempted' }), 'verb.display.a12345'],
    [
      'a display with a duplicated extension singleton',
      (s) => (s.verb.display = { 'zh-z-aaa-z-bbb-c-ccc': 'x' }),
      'verb.display["zh-z-aaa-z-bbb-c-ccc"]',
    ],
    ['a display with a non-string value', (s) => (s.verb.display = { en: 1 }), 'verb.display.en'],
    ['a voiding statement without StatementRef', (s) => (s.verb.id = 'http://adlnet.gov/expapi/verbs/voided'), 'object.objectType'],
    // Data 2.4.4: object
    ['an unknown objectType', (s) => (s.object.objectType = 'activity'), 'object.objectType'],
    ['an Activity without id', (s) => delete s.object.id, 'object.id'],
    ['an Activity id without scheme', (s) => (s.object.id = 'ab=c://should.fail.com'), 'object.id'],
    ['a definition that is not an object', (s) => (s.object.definition = 'x'), 'object.definition'],
    ['a definition name that is not a language map', (s) => (s.object.definition.name = 12345), 'object.definition.name'],
    ['a definition type that is not an IRI', (s) => (s.object.definition.type = 'assessment'), 'object.definition.type'],
    ['a moreInfo that is not an IRL', (s) => (s.object.definition.moreInfo = 'example.com/more'), 'object.definition.moreInfo'],
    ['an unknown definition property', (s) => (s.object.definition.difficulty = 3), 'object.definition.difficulty'],
    [
      'an extension key that is not an IRI',
      (s) => (s.object.definition.extensions = { 'should fail': true }),
      'object.definition.extensions["should fail"]',
    ],
    [
      'an Agent object without objectType',
      (s) => {
        s.object = { mbox: 'mailto:a@example.com' };
        delete s.context.platform;
      },
      'object.mbox',
    ],
    [
      'a StatementRef without id',
      (s) => {
        s.object = { objectType: 'StatementRef' };
        delete s.context.platform;
      },
      'object.id',
    ],
    [
      'a StatementRef id that is not a UUID',
      (s) => {
        s.object = { objectType: 'StatementRef', id: 'x' };
        delete s.context.platform;
      },
      'object.id',
    ],
    // interactions
    [
      'an interactionType in the wrong case',
      (s) => {
        s.object = choiceActivity();
        s.object.definition.interactionType = 'choiCe';
      },
      'object.definition.interactionType',
    ],
    [
      'an interactionType that is a number',
      (s) => {
        s.object = choiceActivity();
        s.object.definition.interactionType = 12345;
      },
      'object.definition.interactionType',
    ],
    [
      'choices without interactionType',
      (s) => {
        s.object = choiceActivity();
        delete s.object.definition.interactionType;
      },
      'object.definition.choices',
    ],
    [
      'a correctResponsesPattern without interactionType',
      (s) => (s.object.definition.correctResponsesPattern = ['a']),
      'object.definition.correctResponsesPattern',
    ],
    [
      'a component list the type does not use',
      (s) => {
        s.object = choiceActivity();
        s.object.definition.scale = [{ id: '1' }];
      },
      'object.definition.scale',
    ],
    [
      'duplicate component ids',
      (s) => {
        s.object = choiceActivity();
        s.object.definition.choices[1].id = 'bfs';
      },
      'object.definition.choices[1].id',
    ],
    [
      'a component without id',
      (s) => {
        s.object = choiceActivity();
        delete s.object.definition.choices[0].id;
      },
      'object.definition.choices[0].id',
    ],
    [
      'a component description with a bad tag',
      (s) => {
        s.object = choiceActivity();
        s.object.definition.choices[0].description = { something: 'x' };
      },
      'object.definition.choices[0].description.something',
    ],
    [
      'a correctResponsesPattern entry that is not a string',
      (s) => {
        s.object = choiceActivity();
        s.object.definition.correctResponsesPattern = [1];
      },
      'object.definition.correctResponsesPattern[0]',
    ],
    // SubStatement (Data 2.4.4.3)
    [
      'a SubStatement with an id',
      (s) => {
        s.object = { objectType: 'SubStatement', id: s.id, actor: STUDENT, verb: s.verb, object: { id: 'http://example.com/a' } };
      },
      'object.id',
    ],
    [
      'a SubStatement with stored',
      (s) => {
        s.object = {
          objectType: 'SubStatement',
          stored: s.timestamp,
          actor: STUDENT,
          verb: s.verb,
          object: { id: 'http://example.com/a' },
        };
      },
      'object.stored',
    ],
    [
      'a SubStatement with version',
      (s) => {
        s.object = { objectType: 'SubStatement', version: '1.0.0', actor: STUDENT, verb: s.verb, object: { id: 'http://example.com/a' } };
      },
      'object.version',
    ],
    [
      'a SubStatement with authority',
      (s) => {
        s.object = { objectType: 'SubStatement', authority: STUDENT, actor: STUDENT, verb: s.verb, object: { id: 'http://example.com/a' } };
      },
      'object.authority',
    ],
    [
      'a nested SubStatement',
      (s) => {
        s.object = {
          objectType: 'SubStatement',
          actor: STUDENT,
          verb: s.verb,
          object: { objectType: 'SubStatement', actor: STUDENT, verb: s.verb, object: { id: 'http://example.com/a' } },
        };
      },
      'object.object.objectType',
    ],
    [
      'a SubStatement without actor',
      (s) => {
        s.object = { objectType: 'SubStatement', verb: s.verb, object: { id: 'http://example.com/a' } };
      },
      'object.actor',
    ],
    [
      'a SubStatement whose context has a bad language',
      (s) => {
        s.object = {
          objectType: 'SubStatement',
          actor: STUDENT,
          verb: s.verb,
          object: { id: 'http://example.com/a' },
          context: { language: 'something' },
        };
      },
      'object.context.language',
    ],
    // Data 2.4.5: result
    ['a score that is a number', (s) => (s.result.score = 0.8), 'result.score'],
    ['scaled above 1', (s) => (s.result.score.scaled = 1.01), 'result.score.scaled'],
    ['scaled below -1', (s) => (s.result.score.scaled = -1.00001), 'result.score.scaled'],
    ['raw above max', (s) => (s.result.score.raw = 11), 'result.score.raw'],
    ['raw below min', (s) => (s.result.score.raw = -1), 'result.score.raw'],
    [
      'min above max',
      (s) => {
        s.result.score.min = 20;
        delete s.result.score.raw;
      },
      'result.score.min',
    ],
    ['an unknown score property', (s) => (s.result.score.percent = 80), 'result.score.percent'],
    ['a response that is not a string', (s) => (s.result.response = 3), 'result.response'],
    ['a duration that is not ISO 8601', (s) => (s.result.duration = 'PA1H0M0S'), 'result.duration'],
    ['weeks combined with days', (s) => (s.result.duration = 'P4W1D'), 'result.duration'],
    ['a duration that is a number', (s) => (s.result.duration = 12345), 'result.duration'],
    // Data 2.4.6: context
    ['a registration that is not a UUID', (s) => (s.context.registration = 'x'), 'context.registration'],
    ['an instructor that is a string', (s) => (s.context.instructor = 'Ms Lau'), 'context.instructor'],
    ['a team that is an Agent', (s) => (s.context.team = STUDENT), 'context.team.objectType'],
    ['contextActivities that is a string', (s) => (s.context.contextActivities = 'x'), 'context.contextActivities'],
    ['an unknown contextActivities key', (s) => (s.context.contextActivities.sibling = []), 'context.contextActivities.sibling'],
    ['a context activity without id', (s) => (s.context.contextActivities.category = [{}]), 'context.contextActivities.category[0].id'],
    [
      'revision when the object is an Agent',
      (s) => {
        s.object = { objectType: 'Agent', mbox: 'mailto:a@example.com' };
        s.context.revision = '2';
        delete s.context.platform;
      },
      'context.revision',
    ],
    ['platform when the object is a StatementRef', (s) => (s.object = { objectType: 'StatementRef', id: s.id }), 'context.platform'],
    ['a revision that is a number', (s) => (s.context.revision = 2), 'context.revision'],
    ['a context language that is not a tag', (s) => (s.context.language = 'something'), 'context.language'],
    ['a context statement that is not a StatementRef', (s) => (s.context.statement = { id: s.id }), 'context.statement.objectType'],
    // Data 2.4.7–2.4.10
    ['a timestamp that is not ISO 8601', (s) => (s.timestamp = '01/011/2015'), 'timestamp'],
    ['a timestamp without time zone', (s) => (s.timestamp = '2024-09-02T09:15:00'), 'timestamp'],
    ['a timestamp with offset -00', (s) => (s.timestamp = '2008-09-15T15:53:00.601-00'), 'timestamp'],
    ['a timestamp with offset -0000', (s) => (s.timestamp = '2008-09-15T15:53:00.601-0000'), 'timestamp'],
    ['a timestamp with offset -00:00', (s) => (s.timestamp = '2008-09-15T15:53:00.601-00:00'), 'timestamp'],
    ['a timestamp on 30 February', (s) => (s.timestamp = '2024-02-30T00:00:00Z'), 'timestamp'],
    ['a stored that is not a timestamp', (s) => (s.stored = 'yesterday'), 'stored'],
    ['an authority without identifier', (s) => (s.authority = { name: 'x' }), 'authority'],
    ['an authority that is an identified Group', (s) => (s.authority = { objectType: 'Group', mbox: 'mailto:g@example.com' }), 'authority'],
    ['an authority Group of three', (s) => (s.authority = { objectType: 'Group', member: [STUDENT, STUDENT, STUDENT] }), 'authority'],
    ['version 0.9.9', (s) => (s.version = '0.9.9'), 'version'],
    ['version 1.1.0', (s) => (s.version = '1.1.0'), 'version'],
    // Data 2.4.11: attachments
    ['attachments that is not an array', (s) => (s.attachments = {}), 'attachments'],
    ['an attachment that is a string', (s) => (s.attachments = ['x']), 'attachments[0]'],
  ];

  it.each(cases)('refuses %s', (_name, change, path) => {
    const paths = pathsOf(changed(change));
    expect(paths).toContain(path);
  });

  it('gives each issue a readable English message', () => {
    const [issue] = issuesOf(changed((s) => (s.result.success = 'true')));
    expect(issue).toEqual({ path: 'result.success', message: 'must be a boolean (true or false, not a string), got a string' });
  });

  it('hints at the right case for a wrongly cased key', () => {
    const issues = issuesOf(
      changed((s) => {
        s.Result = s.result;
        delete s.result;
      }),
    );
    expect(issues[0].message).toContain('did you mean "result"');
  });

  it('reports every problem of a statement in one pass', () => {
    const s = changed((s) => {
      s.id = 'x';
      s.result.success = 1;
      s.context.language = '123';
    });
    expect(pathsOf(s)).toEqual(['id', 'result.success', 'context.language']);
  });

  it('refuses a body that is not an object', () => {
    expect(pathsOf('statement')).toEqual(['']);
    expect(pathsOf(null)).toEqual(['']);
  });
});

describe('attachment objects', () => {
  const attachment = () => ({
    usageType: 'http://example.com/attachment-usage/test',
    display: { 'en-US': 'Essay' },
    contentType: 'text/plain; charset=utf-8',
    length: 27,
    sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
  });

  it('accepts a complete attachment, with or without fileUrl', () => {
    expect(
      issuesOf(changed((s) => (s.attachments = [attachment(), { ...attachment(), fileUrl: 'https://files.example.edu.hk/e.txt' }]))),
    ).toEqual([]);
  });

  it.each([
    ['usageType', { usageType: 'should fail' }],
    ['contentType', { contentType: 12345 }],
    ['length', { length: 'should fail' }],
    ['length', { length: 1.5 }],
    ['sha2', { sha2: 12345 }],
    ['sha2', { sha2: 'abc' }],
    ['fileUrl', { fileUrl: 'should fail' }],
    ['display', { display: 'x' }],
    ['description', { description: { a12345678: 'x' } }],
  ])('refuses a bad %s', (key, override) => {
    const paths = pathsOf(changed((s) => (s.attachments = [{ ...attachment(), ...override }])));
    expect(paths.some((p) => p.startsWith(`attachments[0].${key}`))).toBe(true);
  });

  it.each(['usageType', 'display', 'contentType', 'length', 'sha2'])('requires %s', (key) => {
    const a: Json = attachment();
    delete a[key];
    expect(pathsOf(changed((s) => (s.attachments = [a])))).toContain(`attachments[0].${key}`);
  });

  it('refuses a signature attachment whose contentType is not application/octet-stream', () => {
    const a = { ...attachment(), usageType: 'http://adlnet.gov/expapi/attachments/signature' };
    expect(pathsOf(changed((s) => (s.attachments = [a])))).toEqual(['attachments[0].contentType']);
    expect(pathsOf(changed((s) => (s.attachments = [{ ...a, contentType: 'application/octet-stream' }])))).toEqual([]);
  });
});
