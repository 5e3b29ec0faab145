import { describe, expect, it } from 'vitest';
import { parseStatementQuery } from './statement-query.ts';

const paths = (params: Record<string, string | string[]>) => {
  const r = parseStatementQuery(params);
  return r.ok ? [] : r.issues.map((i) => i.path);
};

describe('GET /statements parameters', () => {
  it('defaults to the exact format, no attachments, descending, limit 0', () => {
    expect(parseStatementQuery({})).toEqual({
      ok: true,
      value: {
        kind: 'list',
        relatedActivities: false,
        relatedAgents: false,
        limit: 0,
        format: 'exact',
        attachments: false,
        ascending: false,
      },
    });
  });

  it('parses every filter into typed values', () => {
    const r = parseStatementQuery({
      agent: '{"mbox":"mailto:SM@Example.edu.hk"}',
      verb: 'http://adlnet.gov/expapi/verbs/completed',
      activity: 'https://courses.example.edu.hk/ai-basics',
      registration: 'c7d6e5f4-3b2a-4190-8877-665544332211',
      related_activities: 'true',
      related_agents: 'true',
      since: '2024-09-01T00:00:00Z',
      until: '2024-09-30T23:59:59.999+08:00',
      limit: '25',
      format: 'ids',
      attachments: 'true',
      ascending: 'true',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'list',
        agent: { mbox: 'mailto:SM@Example.edu.hk' },
        agentKey: 'mbox:mailto:SM@example.edu.hk',
        verb: 'http://adlnet.gov/expapi/verbs/completed',
        activity: 'https://courses.example.edu.hk/ai-basics',
        registration: 'c7d6e5f4-3b2a-4190-8877-665544332211',
        relatedActivities: true,
        relatedAgents: true,
        since: '2024-09-01T00:00:00Z',
        until: '2024-09-30T23:59:59.999+08:00',
        limit: 25,
        format: 'ids',
        attachments: true,
        ascending: true,
      },
    });
  });

  it('reads statementId and voidedStatementId as single-statement queries with format and attachments', () => {
    expect(parseStatementQuery({ statementId: '0b1f3c7e-5d2a-4c1e-9f7a-1a2b3c4d5e6f', format: 'canonical', attachments: 'true' })).toEqual({
      ok: true,
      value: { kind: 'single', statementId: '0b1f3c7e-5d2a-4c1e-9f7a-1a2b3c4d5e6f', voided: false, format: 'canonical', attachments: true },
    });
    const voided = parseStatementQuery({ voidedStatementId: '0b1f3c7e-5d2a-4c1e-9f7a-1a2b3c4d5e6f' });
    expect(voided.ok && voided.value.kind === 'single' && voided.value.voided).toBe(true);
  });

  it.each<[string, Record<string, string | string[]>, string]>([
    [
      'both statementId and voidedStatementId',
      { statementId: '0b1f3c7e-5d2a-4c1e-9f7a-1a2b3c4d5e6f', voidedStatementId: '0b1f3c7e-5d2a-4c1e-9f7a-1a2b3c4d5e6f' },
      'voidedStatementId',
    ],
    ['statementId with a filter', { statementId: '0b1f3c7e-5d2a-4c1e-9f7a-1a2b3c4d5e6f', verb: 'http://example.com/v' }, 'verb'],
    ['an invalid statementId', { statementId: 'wrong' }, 'statementId'],
    ['an invalid voidedStatementId', { voidedStatementId: 'wrong' }, 'voidedStatementId'],
    ['an agent that is not JSON', { agent: 'wrong' }, 'agent'],
    ['an agent without identifier', { agent: '{"name":"x"}' }, 'agent'],
    ['an anonymous Group as agent', { agent: '{"objectType":"Group","member":[{"mbox":"mailto:a@example.com"}]}' }, 'agent'],
    ['a verb without scheme', { verb: 'not.a.valid.iri.com/verb' }, 'verb'],
    ['an activity without scheme', { activity: 'not.a.valid.iri.com/activity' }, 'activity'],
    ['an invalid registration', { registration: 'wrong' }, 'registration'],
    ['an invalid since', { since: 'yesterday' }, 'since'],
    ['a negative limit', { limit: '-1' }, 'limit'],
    ['an unknown format', { format: 'full' }, 'format'],
    ['a boolean that is not true/false', { ascending: 'yes' }, 'ascending'],
    ['an unknown parameter', { foo: 'bar' }, 'foo'],
    ['a wrongly cased parameter', { Since: '2012-06-01T19:09:13.245Z' }, 'Since'],
    ['a repeated parameter', { verb: ['http://example.com/a', 'http://example.com/b'] }, 'verb'],
  ])('refuses %s', (_what, params, path) => {
    expect(paths(params)).toContain(path);
  });

  it('accepts parameters the HTTP layer declares as its own', () => {
    expect(parseStatementQuery({ cursor: 'abc' }, { extraParameters: ['cursor'] }).ok).toBe(true);
  });
});
