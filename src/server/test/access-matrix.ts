import type { SQL } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { Db } from '../db/client.ts';

/**
 * The authorisation matrix (issue #12, docs/security.md). Every HTTP route the app registers must have an
 * entry saying how it answers people who do not own the data: the test in authorisation-matrix.test.ts
 * collects the real route table, seeds the demo, runs every module's `setup` (rows owned by Guangdong demo
 * users in the GD demo school), then calls every route as each outsider and fails on a leak or on a route
 * with no entry.
 *
 * Each module declares its entries next to its code in `src/server/modules/<m>/<m>.access-matrix.ts`, which
 * the test discovers by file name. Example:
 *
 * ```ts
 * import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';
 *
 * export const accessMatrix: ModuleAccessMatrix = {
 *   module: 'widgets',
 *   // Runs once, after the demo seed. Create the owner's rows as GD users (through the API or the service)
 *   // and return the values route params need, plus markers: strings (ids, unique titles) of those rows
 *   // that must never appear in an outsider's answer.
 *   async setup(ctx) {
 *     const res = await ctx.inject('gd-teacher', { method: 'POST', url: '/api/v1/widgets', payload: { title: 'W-secret' } });
 *     const id = res.json<{ id: string }>().id;
 *     return { values: { widgets: id }, markers: [id, 'W-secret'] };
 *   },
 *   routes: {
 *     'GET /api/v1/widgets': { kind: 'scoped-list' },
 *     'GET /api/v1/widgets/:id': { kind: 'scoped' },            // :id ← values.widgets (the segment before it)
 *     'PATCH /api/v1/widgets/:id': { kind: 'scoped', body: () => ({ title: 'x' }) },
 *     'GET /api/v1/boxes/:boxId/widgets/:n': { kind: 'scoped', params: (v) => ({ boxId: v.box, n: '1' }) },
 *     'GET /api/v1/widgets/catalogue': { kind: 'public', why: 'the open catalogue anyone may browse' },
 *     'GET /api/v1/me/widgets': { kind: 'signed-in-self' },
 *     'POST /xapi/widgets': { kind: 'api-client' },
 *     'GET /api/v1/classes/:classId/widgets': { kind: 'scoped', allow: ['gd-student'], why: 'members of the class read it' },
 *   },
 * };
 * ```
 *
 * Keys are `METHOD path` exactly as registered (Fastify's `:param` syntax; HEAD twins of GET routes are
 * covered by the GET entry). A `:param` takes `values[<the path segment before it>]`, else `values[<param
 * name>]` (values of modules set up earlier are visible too); `params` overrides both. A param with no value,
 * a 5xx, or a registered route with no entry fails the test, naming the route.
 */

/** The outsiders every route is called as (demo accounts, see src/server/demo/demo.data.ts). */
export const OUTSIDERS = [
  'anonymous',
  'hk-teacher',
  'hk-school-admin',
  'hk-principal',
  'hk-steward',
  'mo-teacher',
  'hb-teacher',
  'gd-student',
  /** An HTTP Basic API client (xAPI) of the HK demo school. */
  'hk-api-client',
] as const;
export type Outsider = (typeof OUTSIDERS)[number];

/** Values the module's setup returns, looked up by route param name (or by an entry's `params`). */
export type SetupValues = Record<string, string>;

interface EntryBase {
  /** Maps route params to values; default: each `:name` is `values[name]`. */
  params?: (values: SetupValues) => Record<string, string>;
  /** Query string for the call (e.g. a required `schoolId`). */
  query?: (values: SetupValues) => Record<string, string>;
  /** Extra request headers (e.g. the xAPI version header). */
  headers?: (values: SetupValues) => Record<string, string>;
  /** Body for writes. Default `{}`: an outsider must be refused before the body matters. */
  body?: (values: SetupValues) => unknown;
  /** Outsiders who may legitimately succeed here (e.g. the GD student on their own class); needs `why`. */
  allow?: Outsider[];
  why?: string;
}

export type AccessEntry =
  /** Anyone may call it; `why` says why that is safe. Only checked for owner markers in the answer. */
  | (EntryBase & { kind: 'public'; why: string })
  /** Any signed-in user; acts only on the caller's own data: anonymous → 401, nobody sees owner markers. */
  | (EntryBase & { kind: 'signed-in-self' })
  /** Owner's single row or action: every outsider gets 401/403/404 (400/409/422 only if nothing changed). */
  | (EntryBase & { kind: 'scoped' })
  /** A list or search: outsiders may get 200, but none of the owner's markers appears in the body. */
  | (EntryBase & { kind: 'scoped-list' })
  /**
   * HTTP Basic API client of a school (xAPI): session users and anonymous callers are refused; another
   * school's client (hk-api-client) may be served, but never the owner's markers.
   */
  | (EntryBase & { kind: 'api-client' })
  /** Signed node-to-node calls (federation): any browser or anonymous caller is refused. */
  | (EntryBase & { kind: 'peer-node'; why?: string });

export type AccessKind = AccessEntry['kind'];

/** What a module's setup can use. */
export interface MatrixContext {
  app: FastifyInstance;
  db: Db;
  blobs: BlobStore;
  /** Calls the app as a demo account (signed in once, CSRF header included) or as `anonymous`. */
  inject(
    caller: string,
    opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** Like inject, but throws unless the answer is 2xx; returns the parsed JSON. */
  call<T = Record<string, unknown>>(caller: string, method: string, url: string, payload?: unknown): Promise<T>;
  /** Ids of the demo world. */
  userId(username: string): Promise<string>;
  schoolId(code: string): Promise<string>;
  /** A class of a demo school by code (e.g. 'gd-demo-school', 'J7-1'). */
  classId(schoolCode: string, classCode: string): Promise<string>;
  /** The GD demo school ('gd-demo-school') and the GD jurisdiction: where owners' rows live. */
  gd: { schoolId: string; jurisdictionId: string };
  /** First row of a query (e.g. a demo row of the GD school); throws when there is none. */
  one(query: SQL): Promise<Record<string, string>>;
  /** Uploads one file as multipart field `file` (plus text fields); throws unless 2xx; returns the JSON. */
  upload<T = Record<string, unknown>>(
    caller: string,
    url: string,
    file: { name: string; data: string | Buffer; type?: string },
    fields?: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** Values returned by setups that already ran (modules run in a fixed order, see MODULE_ORDER). */
  shared: SetupValues;
}

export interface ModuleAccessMatrix {
  module: string;
  setup(ctx: MatrixContext): Promise<{ values: SetupValues; markers: string[] }>;
  routes: Record<string, AccessEntry>;
}

/** Order setups run in (others after, alphabetically): later modules may build on earlier ones' rows. */
export const MODULE_ORDER = [
  'core',
  'tenancy',
  'identity',
  'audit',
  'records',
  'library',
  'search',
  'privacy',
  'training',
  'growth',
  'courses',
];
