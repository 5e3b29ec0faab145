import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/client.ts';
import { makeSchool } from '../../test/factories.ts';
import { hashPassword } from '../identity/identity.passwords.ts';
import { apiClients } from '../identity/identity.schema.ts';
import type { Statement } from '../../../lib/xapi/statement.types.ts';

/** Test helpers for the LRS: API clients of invented schools and invented statements. */

export interface LrsClient {
  headers: Record<string, string>;
  schoolId: string;
}

const SECRET = 'test-lrs-secret-1234';
let secretHash: Promise<string> | null = null;

/** An API client of a new school (or the given one), with the given scopes. */
export async function makeLrsClient(
  db: Db,
  opts: { jurisdiction?: 'GD' | 'HK' | 'MO' | 'HB'; school?: { id: string; jurisdictionId: string }; scopes?: string[] } = {},
): Promise<LrsClient> {
  const school = opts.school ?? (await makeSchool(db, { jurisdiction: opts.jurisdiction ?? 'GD' }));
  const key = `lrs-${randomUUID().slice(0, 8)}`;
  await db.insert(apiClients).values({
    key,
    secretHash: await (secretHash ??= hashPassword(SECRET)),
    name: 'test LRS client',
    jurisdictionId: school.jurisdictionId,
    schoolId: school.id,
    scopes: opts.scopes ?? ['xapi:read', 'xapi:write'],
  });
  return {
    schoolId: school.id,
    headers: {
      authorization: `Basic ${Buffer.from(`${key}:${SECRET}`).toString('base64')}`,
      'x-experience-api-version': '1.0.3',
    },
  };
}

let counter = 0;

/** An invented statement; `over` replaces top-level properties. */
export function makeStatement(over: Partial<Statement> = {}): Statement {
  counter += 1;
  return {
    actor: { objectType: 'Agent', name: '测试学生', mbox: `mailto:student${counter % 5}@example.edu` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed', 'zh-Hans': '完成了' } },
    object: {
      objectType: 'Activity',
      id: `https://edubridge.example/activities/lesson-${counter % 7}`,
      definition: { name: { en: `Lesson ${counter % 7}` } },
    },
    ...over,
  };
}

export function postStatements(app: FastifyInstance, client: LrsClient, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/xapi/statements',
    headers: { ...client.headers, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

export function getStatements(
  app: FastifyInstance,
  client: LrsClient,
  query: Record<string, string> = {},
  url = '/xapi/statements',
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, query, headers: client.headers });
}

/** Every statement id of a GET, following `more` to the end. */
export async function walkAll(
  app: FastifyInstance,
  client: LrsClient,
  query: Record<string, string>,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let res = await getStatements(app, client, query);
  let pages = 1;
  for (;;) {
    const body = res.json() as { statements: { id: string }[]; more: string };
    ids.push(...body.statements.map((s) => s.id));
    if (!body.more) return { ids, pages };
    res = await getStatements(app, client, {}, body.more);
    pages += 1;
  }
}
