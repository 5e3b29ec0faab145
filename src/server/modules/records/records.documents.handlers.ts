import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import {
  ZActivitiesQuery,
  ZActivityProfileQuery,
  ZAgentProfileQuery,
  ZAgentsQuery,
  ZStateQuery,
  type TXapiAbout,
} from '../../../shared/api/records.ts';
import { agentKey, personFromAgents } from '../../../lib/xapi/agent-key.ts';
import type { XapiIssue } from '../../../lib/xapi/issues.ts';
import { parseAgentParameter } from '../../../lib/xapi/statement-query.ts';
import type { Agent, Group } from '../../../lib/xapi/statement.types.ts';
import { XAPI_VERSION } from '../../../lib/xapi/version-header.ts';
import {
  deleteDocuments,
  getDocument,
  listDocumentIds,
  writeDocument,
  type DocumentPlace,
  type Preconditions,
} from './records.documents.service.ts';
import { recordsPolicy, requireLrsScope } from './records.policy.ts';
import { getActivity } from './records.statements.service.ts';
import { requireXapiVersion, xapiActor, xapiInvalid, type XapiHandler, type XapiRequest } from './records.xapi-request.ts';

type Handlers = Partial<Record<'GET' | 'PUT' | 'POST' | 'DELETE', XapiHandler>>;

/** The versions this LRS answers to, newest last (About resource, Communication 2.8). */
const SUPPORTED_VERSIONS = ['1.0.0', '1.0.1', '1.0.2', XAPI_VERSION];

/**
 * The document resources (State, Activity Profile, Agent Profile) and the Activities, Agents and About
 * resources. The three document kinds differ only in which parameters locate a document, so one set
 * of handlers serves them through `locate`.
 */
export function documentHandlers(deps: { db: Db }) {
  const { db } = deps;

  const state = documentResource(db, {
    idParam: 'stateId',
    parse: (request) => {
      const q = parseQuery(ZStateQuery, request);
      return {
        place: {
          kind: 'state',
          activityId: q.activityId,
          agentKey: parseAgentKey(q.agent),
          registration: q.registration?.toLowerCase() ?? '',
        },
        id: q.stateId,
        since: q.since,
      };
    },
    requirePrecondition: false,
    deleteAll: true,
  });
  const activityProfile = documentResource(db, {
    idParam: 'profileId',
    parse: (request) => {
      const q = parseQuery(ZActivityProfileQuery, request);
      return {
        place: { kind: 'activity_profile', activityId: q.activityId, agentKey: '', registration: '' },
        id: q.profileId,
        since: q.since,
      };
    },
    requirePrecondition: true,
    deleteAll: false,
  });
  const agentProfile = documentResource(db, {
    idParam: 'profileId',
    parse: (request) => {
      const q = parseQuery(ZAgentProfileQuery, request);
      return {
        place: { kind: 'agent_profile', activityId: '', agentKey: parseAgentKey(q.agent), registration: '' },
        id: q.profileId,
        since: q.since,
      };
    },
    requirePrecondition: true,
    deleteAll: false,
  });

  const activities: Handlers = {
    GET: async (request) => {
      requireXapiVersion(request);
      const actor = xapiActor(request);
      const q = parseQuery(ZActivitiesQuery, request);
      return { status: 200, body: await getActivity({ db, actor }, q.activityId) };
    },
  };

  const agents: Handlers = {
    GET: async (request) => {
      requireXapiVersion(request);
      requireLrsScope(xapiActor(request), recordsPolicy.read);
      const q = parseQuery(ZAgentsQuery, request);
      // The LRS keeps no links between Agents yet, so the Person is the Agent asked about.
      return { status: 200, body: personFromAgents([parseAgent(q.agent) as Agent]) };
    },
  };

  const about: Handlers = {
    // The one resource that needs neither credentials nor the version header (Communication 2.8).
    GET: async () => ({ status: 200, body: { version: SUPPORTED_VERSIONS, extensions: {} } satisfies TXapiAbout }),
  };

  return { state, activityProfile, agentProfile, activities, agents, about };
}

interface DocumentResource {
  idParam: 'stateId' | 'profileId';
  parse(request: XapiRequest): { place: DocumentPlace; id?: string; since?: string };
  /** Profiles: PUT over an existing document needs If-Match/If-None-Match. */
  requirePrecondition: boolean;
  /** State: DELETE without stateId deletes every document of the activity, agent and registration. */
  deleteAll: boolean;
}

function documentResource(db: Db, r: DocumentResource): Handlers {
  const write =
    (merge: boolean): XapiHandler =>
    async (request) => {
      requireXapiVersion(request);
      const actor = xapiActor(request);
      const { place, id } = r.parse(request);
      if (id === undefined) throw xapiInvalid([{ path: r.idParam, message: 'is required' }], 'query');
      const contentType = request.headers['content-type'] ?? 'application/octet-stream';
      const etag = await writeDocument(
        { db, actor },
        place,
        id,
        { contentType, content: request.body ?? Buffer.alloc(0), merge, requirePrecondition: r.requirePrecondition },
        preconditions(request),
      );
      return { status: 204, headers: { etag: `"${etag}"` } };
    };

  return {
    GET: async (request) => {
      requireXapiVersion(request);
      const actor = xapiActor(request);
      const { place, id, since } = r.parse(request);
      if (id === undefined) return { status: 200, body: await listDocumentIds({ db, actor }, place, since) };
      if (since !== undefined) throw xapiInvalid([{ path: 'since', message: `cannot be combined with ${r.idParam}` }], 'query');
      const doc = await getDocument({ db, actor }, place, id);
      if (!doc) throw new AppError('NOT_FOUND', { detail: 'no document has this id' });
      return {
        status: 200,
        headers: { 'content-type': doc.contentType, etag: `"${doc.etag}"`, 'last-modified': doc.updated.toUTCString() },
        body: doc.content,
      };
    },
    PUT: write(false),
    POST: write(true),
    DELETE: async (request) => {
      requireXapiVersion(request);
      const actor = xapiActor(request);
      const { place, id } = r.parse(request);
      if (id === undefined && !r.deleteAll) throw xapiInvalid([{ path: r.idParam, message: 'is required' }], 'query');
      await deleteDocuments({ db, actor }, place, id, preconditions(request));
      return { status: 204 };
    },
  };
}

function parseQuery<T extends z.ZodType>(schema: T, request: XapiRequest): z.infer<T> {
  const parsed = schema.safeParse(request.query);
  if (parsed.success) return parsed.data;
  throw xapiInvalid(
    parsed.error.issues.map((i) => ({
      path: i.path.length ? i.path.join('.') : ((i as { keys?: string[] }).keys ?? []).join(', '),
      message: i.code === 'unrecognized_keys' ? 'is not a parameter of this resource' : i.message,
    })),
    'query',
  );
}

function parseAgent(raw: string): Agent | Group {
  const issues: XapiIssue[] = [];
  const agent = parseAgentParameter(issues, 'agent', raw);
  if (!agent) throw xapiInvalid(issues, 'query');
  return agent;
}

function parseAgentKey(raw: string): string {
  return agentKey(parseAgent(raw))!;
}

/** If-Match / If-None-Match: `"a", W/"b"` → ['a', 'b']; `*` stays '*'. */
function preconditions(request: XapiRequest): Preconditions {
  const tags = (header: string | undefined) =>
    header === undefined
      ? undefined
      : header
          .split(',')
          .map((t) =>
            t
              .trim()
              .replace(/^W\//, '')
              .replace(/^"(.*)"$/, '$1'),
          )
          .filter(Boolean);
  return { ifMatch: tags(request.headers['if-match']), ifNoneMatch: tags(request.headers['if-none-match']) };
}
