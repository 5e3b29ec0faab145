import { randomUUID } from 'node:crypto';
import type { AccessEntry, ModuleAccessMatrix } from '../../test/access-matrix.ts';

const XAPI = { 'x-experience-api-version': '1.0.3' };
const BASIC = { authorization: `Basic ${Buffer.from('demo-lrs-key:demo-lrs-secret').toString('base64')}` };
const ACTIVITY = 'https://gd-demo.example.edu/activities/matrix-secret';
const AGENT = JSON.stringify({ mbox: 'mailto:matrix-pupil@gd-demo.example.edu' });

/** Every xAPI call of the matrix: version header, the owner's activity/agent so a leak would show. */
const xapi = (query?: Record<string, string>): AccessEntry => ({ kind: 'api-client', headers: () => XAPI, query: query && (() => query) });
const doc = { activityId: ACTIVITY, agent: AGENT, stateId: 'matrix-state' };

/** How records' (xAPI) routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'records',
  // The GD demo API client stores a statement and documents; outsiders must never see them.
  async setup(ctx) {
    const statementId = randomUUID();
    const put = await ctx.inject('anonymous', {
      method: 'PUT',
      url: `/xapi/statements?statementId=${statementId}`,
      headers: { ...XAPI, ...BASIC, 'content-type': 'application/json' },
      payload: {
        actor: { objectType: 'Agent', mbox: 'mailto:matrix-pupil@gd-demo.example.edu', name: 'Matrix Pupil' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { id: ACTIVITY, definition: { name: { en: 'matrix-secret-activity' } } },
      },
    });
    if (put.statusCode !== 204) throw new Error(`statement: ${put.statusCode} ${put.body}`);
    for (const [url, body] of [
      [
        `/xapi/activities/state?activityId=${encodeURIComponent(ACTIVITY)}&agent=${encodeURIComponent(AGENT)}&stateId=matrix-state`,
        'matrix-state-secret',
      ],
      [`/xapi/activities/profile?activityId=${encodeURIComponent(ACTIVITY)}&profileId=matrix-profile`, 'matrix-profile-secret'],
      [`/xapi/agents/profile?agent=${encodeURIComponent(AGENT)}&profileId=matrix-profile`, 'matrix-agent-secret'],
    ]) {
      const headers = { ...XAPI, ...BASIC, 'content-type': 'text/plain', 'if-none-match': '*' };
      const res = await ctx.inject('anonymous', { method: 'PUT', url, headers, payload: body });
      if (res.statusCode !== 204) throw new Error(`document ${url}: ${res.statusCode} ${res.body}`);
    }
    return {
      values: {},
      // Not the mailbox: a query names it and /xapi/agents echoes it back (xAPI §7.6). The name is stored data.
      markers: [
        statementId,
        'Matrix Pupil',
        'matrix-secret-activity',
        'matrix-state-secret',
        'matrix-profile-secret',
        'matrix-agent-secret',
      ],
    };
  },
  routes: {
    'PUT /xapi/statements': xapi({ statementId: randomUUID() }),
    'POST /xapi/statements': xapi(),
    'GET /xapi/statements': xapi({ agent: AGENT }),
    'GET /xapi/activities/state': xapi(doc),
    'PUT /xapi/activities/state': xapi(doc),
    'POST /xapi/activities/state': xapi(doc),
    'DELETE /xapi/activities/state': xapi(doc),
    'GET /xapi/activities/profile': xapi({ activityId: ACTIVITY, profileId: 'matrix-profile' }),
    'PUT /xapi/activities/profile': xapi({ activityId: ACTIVITY, profileId: 'matrix-profile' }),
    'POST /xapi/activities/profile': xapi({ activityId: ACTIVITY, profileId: 'matrix-profile' }),
    'DELETE /xapi/activities/profile': xapi({ activityId: ACTIVITY, profileId: 'matrix-profile' }),
    'GET /xapi/agents/profile': xapi({ agent: AGENT, profileId: 'matrix-profile' }),
    'PUT /xapi/agents/profile': xapi({ agent: AGENT, profileId: 'matrix-profile' }),
    'POST /xapi/agents/profile': xapi({ agent: AGENT, profileId: 'matrix-profile' }),
    'DELETE /xapi/agents/profile': xapi({ agent: AGENT, profileId: 'matrix-profile' }),
    'GET /xapi/activities': xapi({ activityId: ACTIVITY }),
    'POST /xapi/activities': xapi({ method: 'GET', activityId: ACTIVITY }),
    'GET /xapi/agents': xapi({ agent: AGENT }),
    'POST /xapi/agents': xapi({ method: 'GET', agent: AGENT }),
    'GET /xapi/about': { kind: 'public', why: 'xAPI 1.0.3 §7.7: the LRS version, open to anyone', headers: () => XAPI },
    'POST /xapi/about': xapi({ method: 'GET' }),
  },
};
