import { describe, expect, it } from 'vitest';
import { prepareStatementForStorage } from './prepare-statement.ts';
import { baseStatement } from './testdata/statements.ts';

const authority = { objectType: 'Agent' as const, account: { homePage: 'https://lrs.example.edu.hk', name: 'client-1' } };
const stored = new Date('2024-09-02T01:20:00.456Z');

describe('preparing a statement for storage', () => {
  it('assigns id, stored, timestamp, authority and version when missing', () => {
    const s = baseStatement();
    delete s.id;
    delete s.timestamp;
    const prepared = prepareStatementForStorage(s, { stored, authority, newId: () => '11111111-2222-4333-8444-555555555555' });
    expect(prepared).toMatchObject({
      id: '11111111-2222-4333-8444-555555555555',
      stored: '2024-09-02T01:20:00.456Z',
      timestamp: '2024-09-02T01:20:00.456Z',
      authority,
      version: '1.0.0',
    });
  });

  it('generates a UUID v4 by default', () => {
    const s = baseStatement();
    delete s.id;
    expect(prepareStatementForStorage(s, { stored, authority }).id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('keeps the sent id and version, overwrites stored and authority, and writes the timestamp in UTC', () => {
    const s = { ...baseStatement(), version: '1.0.3', stored: '2000-01-01T00:00:00Z', authority: { mbox: 'mailto:liar@example.com' } };
    const prepared = prepareStatementForStorage(s, { stored, authority });
    expect(prepared.id).toBe(s.id);
    expect(prepared.version).toBe('1.0.3');
    expect(prepared.stored).toBe('2024-09-02T01:20:00.456Z');
    expect(prepared.authority).toBe(authority);
    expect(prepared.timestamp).toBe('2024-09-02T01:15:00.123Z');
  });

  it('turns single context activities into arrays, in SubStatements too, without touching the input', () => {
    const s = baseStatement();
    const prepared = prepareStatementForStorage(s, { stored, authority });
    expect(prepared.context?.contextActivities?.parent).toEqual([{ id: 'https://courses.example.edu.hk/ai-basics' }]);
    expect(s.context.contextActivities.parent).toEqual({ id: 'https://courses.example.edu.hk/ai-basics' });

    const withSub = baseStatement();
    delete withSub.context;
    withSub.object = {
      objectType: 'SubStatement',
      actor: withSub.actor,
      verb: withSub.verb,
      object: { id: 'http://example.com/a' },
      context: { contextActivities: { other: { id: 'http://example.com/o' } } },
    };
    const sub = prepareStatementForStorage(withSub, { stored, authority }).object as { context: { contextActivities: unknown } };
    expect(sub.context.contextActivities).toEqual({ other: [{ id: 'http://example.com/o' }] });
  });
});
