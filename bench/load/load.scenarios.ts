import type autocannon from 'autocannon';

export const DEMO_PASSWORD = 'edubridge-demo';
const LRS_BASIC = `Basic ${Buffer.from('demo-lrs-key:demo-lrs-secret').toString('base64')}`;

export type Scenario = { name: string; request: Pick<autocannon.Options, 'url' | 'method' | 'headers' | 'body' | 'requests'> };

/** Signs in through the API and answers the Cookie header a browser would send, plus its CSRF header. */
export async function signIn(base: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = pairs.find((p) => p.startsWith('eb_csrf='))?.slice('eb_csrf='.length) ?? '';
  return { cookie: pairs.join('; '), 'x-csrf-token': csrf };
}

/**
 * The five paths a busy node serves most: signing in (argon2 on purpose), a library search, a resource
 * page, an xAPI statement from a classroom tool, and a principal's training dashboard. Each is checked once
 * before it is loaded, so a broken route fails the bench instead of measuring 4xx answers.
 */
export async function buildScenarios(base: string): Promise<Scenario[]> {
  const teacher = await signIn(base, 'gd-teacher');
  const principal = await signIn(base, 'gd-principal');
  const searchUrl = `${base}/api/v1/resources/search?q=${encodeURIComponent('人工智能')}&limit=20`;
  const found = (await (await fetch(searchUrl, { headers: teacher })).json()) as { items?: { id: string }[] };
  const resourceId = found.items?.[0]?.id;
  if (!resourceId) throw new Error('the demo search found no resource to open');

  const statement = JSON.stringify({
    actor: { objectType: 'Agent', name: 'Load Student', mbox: 'mailto:load-student@example.edu' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
    object: { objectType: 'Activity', id: 'https://edubridge.example/activities/load-lesson', definition: { name: { en: 'Load lesson' } } },
  });
  const scenarios: Scenario[] = [
    {
      name: 'login',
      request: {
        url: `${base}/api/v1/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'gd-teacher', password: DEMO_PASSWORD }),
      },
    },
    { name: 'search', request: { url: searchUrl, headers: teacher } },
    { name: 'resourcePage', request: { url: `${base}/api/v1/resources/${resourceId}`, headers: teacher } },
    {
      name: 'xapiPost',
      request: {
        url: `${base}/xapi/statements`,
        method: 'POST',
        headers: { authorization: LRS_BASIC, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' },
        body: statement,
      },
    },
    { name: 'trainingDashboard', request: { url: `${base}/api/v1/training/dashboard`, headers: principal } },
  ];
  for (const s of scenarios) {
    const r = await fetch(s.request.url!, {
      method: s.request.method ?? 'GET',
      headers: s.request.headers as Record<string, string> | undefined,
      body: s.request.body as string | undefined,
    });
    if (!r.ok) throw new Error(`${s.name}: ${r.status} ${(await r.text()).slice(0, 200)}`);
  }
  return scenarios;
}
