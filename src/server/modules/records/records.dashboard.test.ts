import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { VOIDED_VERB_ID, type Statement } from '../../../lib/xapi/statement.types.ts';
import { classDashboard } from './records.dashboard.ts';
import { getStatements, makeLrsClient, makeStatement, postStatements, type LrsClient } from './records.test-support.ts';

let t: TestApp;
let client: LrsClient;
let other: LrsClient;

const COURSE = 'https://edubridge.example/courses/robotics-7a';
const OTHER_COURSE = 'https://edubridge.example/courses/art-7b';
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';

function inCourse(student: number, verb: string, course = COURSE, registration?: string): Statement {
  return makeStatement({
    actor: { objectType: 'Agent', mbox: `mailto:dash-student${student}@example.edu` },
    verb: { id: verb },
    context: { contextActivities: { parent: [{ id: course }] }, ...(registration ? { registration } : {}) },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  client = await makeLrsClient(t.database.db);
  other = await makeLrsClient(t.database.db);
});
afterAll(async () => {
  await t.close();
});

describe('classDashboard', () => {
  it('counts a class’s statements per verb and per agent over a period, leaving out voided ones and other schools', async () => {
    const since = new Date(Date.now() - 1000);
    const registration = randomUUID();
    const toVoid = randomUUID();
    const posted = await postStatements(t.app, client, [
      inCourse(1, COMPLETED, COURSE, registration),
      inCourse(1, ANSWERED, COURSE, registration),
      inCourse(1, ANSWERED),
      inCourse(2, ANSWERED),
      { ...inCourse(3, COMPLETED), id: toVoid },
      inCourse(4, COMPLETED, OTHER_COURSE),
    ]);
    expect(posted.statusCode).toBe(200);
    const voiding = await postStatements(t.app, client, [
      makeStatement({ verb: { id: VOIDED_VERB_ID }, object: { objectType: 'StatementRef', id: toVoid } }),
    ]);
    expect(voiding.statusCode).toBe(200);
    expect((await postStatements(t.app, other, [inCourse(5, COMPLETED)])).statusCode).toBe(200);
    const until = new Date(Date.now() + 1000);

    const byCourse = await classDashboard(t.database.db, client.schoolId, { activityIds: [COURSE], since, until });
    expect(byCourse.statements).toBe(4);
    expect(byCourse.byVerb).toEqual([
      { verbId: ANSWERED, statements: 3 },
      { verbId: COMPLETED, statements: 1 },
    ]);
    expect(byCourse.byAgent).toEqual([
      { agentKey: 'mbox:mailto:dash-student1@example.edu', statements: 3 },
      { agentKey: 'mbox:mailto:dash-student2@example.edu', statements: 1 },
    ]);

    const byRegistration = await classDashboard(t.database.db, client.schoolId, { registration, since, until });
    expect(byRegistration.statements).toBe(2);

    const oneStudent = await classDashboard(t.database.db, client.schoolId, {
      activityIds: [COURSE, OTHER_COURSE],
      agentKeys: ['mbox:mailto:dash-student4@example.edu'],
      since,
      until,
    });
    expect(oneStudent).toEqual({
      statements: 1,
      byVerb: [{ verbId: COMPLETED, statements: 1 }],
      byAgent: [{ agentKey: 'mbox:mailto:dash-student4@example.edu', statements: 1 }],
    });

    const before = await classDashboard(t.database.db, client.schoolId, { activityIds: [COURSE], since: new Date(0), until: since });
    expect(before).toEqual({ statements: 0, byVerb: [], byAgent: [] });
  });
});

describe('the statement key table', () => {
  it('indexes statements stored through the transaction path (a batch with a voiding statement) for the agent filter', async () => {
    const target = randomUUID();
    expect((await postStatements(t.app, client, [{ ...inCourse(6, COMPLETED), id: target }])).statusCode).toBe(200);
    const fresh = inCourse(7, ANSWERED);
    const res = await postStatements(t.app, client, [
      makeStatement({ verb: { id: VOIDED_VERB_ID }, object: { objectType: 'StatementRef', id: target } }),
      fresh,
    ]);
    expect(res.statusCode).toBe(200);
    const [, freshId] = res.json() as string[];
    const got = await getStatements(t.app, client, { agent: JSON.stringify({ mbox: 'mailto:dash-student7@example.edu' }) });
    expect((got.json() as { statements: { id: string }[] }).statements.map((s) => s.id)).toEqual([freshId]);
  });

  it('pages a broad related_activities filter in stored order across `more` links', async () => {
    const course = `https://edubridge.example/courses/broad-${randomUUID()}`;
    const batch = Array.from({ length: 7 }, (_, i) => inCourse(10 + i, COMPLETED, course));
    const ids = (await postStatements(t.app, client, batch)).json() as string[];
    const seen: string[] = [];
    let res = await getStatements(t.app, client, { activity: course, related_activities: 'true', limit: '3' });
    for (;;) {
      const body = res.json() as { statements: { id: string }[]; more: string };
      seen.push(...body.statements.map((s) => s.id));
      if (!body.more) break;
      res = await getStatements(t.app, client, {}, body.more);
    }
    // One batch shares one `stored`; newest first means the reverse of the order sent.
    expect(seen).toEqual([...ids].reverse());
    const direct = await getStatements(t.app, client, { activity: course });
    expect((direct.json() as { statements: unknown[] }).statements).toEqual([]);
  });
});
