import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOIDED_VERB_ID, type Statement } from '../../../lib/xapi/statement.types.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { classDashboard, type ClassDashboardInput } from './records.dashboard.ts';
import { floorDay, rollUpCompleteDays } from './records.rollup.ts';
import { makeLrsClient, makeStatement, postStatements, type LrsClient } from './records.test-support.ts';

const DAY = 86_400_000;
const COURSE = 'https://edubridge.example/courses/rollup-robotics';
const LESSON = 'https://edubridge.example/courses/rollup-robotics/lesson-1';
const VERBS = [
  'http://adlnet.gov/expapi/verbs/completed',
  'http://adlnet.gov/expapi/verbs/answered',
  'http://adlnet.gov/expapi/verbs/attempted',
];

let t: TestApp;
let client: LrsClient;
const today = floorDay(Date.now());
/** Ids of the statements posted, with the time each is moved to. */
const placed: { id: string; at: number }[] = [];

function student(n: number) {
  return `mbox:mailto:rollup-student${n}@example.edu`;
}

function statementAt(i: number): Statement {
  // Both the course and a lesson as parents, so one statement counts once per activity.
  const parents = i % 3 === 0 ? [{ id: COURSE }, { id: LESSON }] : [{ id: COURSE }];
  return makeStatement({
    id: randomUUID(),
    actor: { objectType: 'Agent', mbox: `mailto:rollup-student${i % 5}@example.edu` },
    verb: { id: VERBS[i % 3] },
    context: { contextActivities: { parent: parents } },
  });
}

/** Moves statements to the given times, in both the statements and their key rows. */
async function moveTo(items: { id: string; at: number }[]) {
  for (const { id, at } of items) {
    await t.database.db.execute(sql`update xapi_statements set stored = ${new Date(at)} where statement_id = ${id}`);
    await t.database.db.execute(
      sql`update xapi_statement_keys k set stored = s.stored from xapi_statements s where k.seq = s.seq and s.statement_id = ${id}`,
    );
  }
}

beforeAll(async () => {
  t = await createTestApp();
  client = await makeLrsClient(t.database.db);
  // 60 statements spread over the last ten days at uneven hours, some today.
  const statements = Array.from({ length: 60 }, (_, i) => statementAt(i));
  expect((await postStatements(t.app, client, statements)).statusCode).toBe(200);
  statements.forEach((s, i) => placed.push({ id: s.id!, at: today - 10 * DAY + i * 4 * 3_600_000 + 17 * 60_000 }));
  await moveTo(placed);
  // Two statements voided before any roll-up.
  const voiding = [placed[4].id, placed[9].id].map((id) =>
    makeStatement({ verb: { id: VOIDED_VERB_ID }, object: { objectType: 'StatementRef', id } }),
  );
  expect((await postStatements(t.app, client, voiding)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

/** Periods a teacher asks about: whole days, odd hours, a single day, today, the whole range. */
function periods(): ClassDashboardInput[] {
  const course = [COURSE];
  return [
    { activityIds: course, since: new Date(today - 11 * DAY), until: new Date(today + DAY) },
    { activityIds: course, since: new Date(today - 8 * DAY + 5 * 3_600_000), until: new Date(today - 2 * DAY + 13 * 3_600_000) },
    { activityIds: course, since: new Date(today - 5 * DAY), until: new Date(today - 4 * DAY) },
    { activityIds: course, since: new Date(today - 3 * DAY - 1), until: new Date(today + 1) },
    { activityIds: [LESSON], since: new Date(today - 11 * DAY), until: new Date(today + DAY) },
    { activityIds: course, agentKeys: [student(1), student(3)], since: new Date(today - 9 * DAY), until: new Date(today - DAY) },
    { activityIds: [COURSE, LESSON], since: new Date(today - 11 * DAY), until: new Date(today + DAY) },
  ];
}

async function dashboards() {
  return Promise.all(periods().map((p) => classDashboard(t.database.db, client.schoolId, p)));
}

describe('daily counts for the class dashboard', () => {
  it('give the same answers as counting the statements, for whole days, partial days and days not rolled up', async () => {
    const counted = await dashboards();
    expect(counted[0].statements).toBe(58);
    expect(counted[4].statements).toBe(20 - 1); // statement 9 is a lesson statement and voided

    // Roll up all but the last three days: the dashboard then mixes daily counts and statements.
    const first = await rollUpCompleteDays(t.database.db, { now: new Date(today - 3 * DAY + 3_600_000) });
    expect(first.days).toBe(7);
    expect(first.rolledUntil).toEqual(new Date(today - 3 * DAY));
    expect(await dashboards()).toEqual(counted);

    const rest = await rollUpCompleteDays(t.database.db, { now: new Date(today + 3_600_000) });
    expect(rest.days).toBe(3);
    expect(await dashboards()).toEqual(counted);

    // Nothing new: a second run adds nothing and changes nothing.
    expect((await rollUpCompleteDays(t.database.db, { now: new Date(today + 3_600_000) })).days).toBe(0);
    expect(await dashboards()).toEqual(counted);
  });

  it('stops counting a statement voided after its day was rolled up', async () => {
    const before = await classDashboard(t.database.db, client.schoolId, periods()[0]);
    const target = placed[20]; // student 0 (20 % 5), verb VERBS[20 % 3], seven days ago, rolled up
    const voiding = makeStatement({ verb: { id: VOIDED_VERB_ID }, object: { objectType: 'StatementRef', id: target.id } });
    expect((await postStatements(t.app, client, [voiding])).statusCode).toBe(200);

    const after = await classDashboard(t.database.db, client.schoolId, periods()[0]);
    expect(after.statements).toBe(before.statements - 1);
    const verb = (d: typeof before) => d.byVerb.find((v) => v.verbId === VERBS[20 % 3])!.statements;
    expect(verb(after)).toBe(verb(before) - 1);
    const agent0 = (d: typeof before) => d.byAgent.find((a) => a.agentKey === student(0))!.statements;
    expect(agent0(after)).toBe(agent0(before) - 1);
  });

  it('recomputes a day rather than adding it twice when the progress marker is lost', async () => {
    const before = await dashboards();
    await t.database.db.execute(sql`update xapi_rollup_state set rolled_until = ${new Date(today - 6 * DAY)}`);
    expect((await rollUpCompleteDays(t.database.db, { now: new Date(today + 3_600_000) })).days).toBe(6);
    expect(await dashboards()).toEqual(before);
  });
});
