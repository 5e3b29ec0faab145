import { createHash } from 'node:crypto';
import { and, inArray, is, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { NodePgSession } from 'drizzle-orm/node-postgres';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { statementAttachments, type AttachmentPart } from '../../../lib/xapi/attachment-parts.ts';
import { statementsEquivalent } from '../../../lib/xapi/compare-statements.ts';
import { prepareStatementForStorage } from '../../../lib/xapi/prepare-statement.ts';
import { statementIndexKeys } from '../../../lib/xapi/statement-index.ts';
import {
  VOIDED_VERB_ID,
  type Activity,
  type ActivityDefinition,
  type Agent,
  type Context,
  type Statement,
  type StatementObject,
  type StoredStatement,
} from '../../../lib/xapi/statement.types.ts';
import { beginStoring } from './records.consistency.ts';
import { inTenant, recordsPolicy, requireLrsScope, type LrsTenant } from './records.policy.ts';
import { STATEMENT_KEY_KIND, xapiActivities, xapiAttachments, xapiStatementKeys, xapiStatements } from './records.schema.ts';
import type { RecordsContext } from './records.statements.service.ts';
import { xapiInvalid } from './records.xapi-request.ts';

export interface StoreStatementsInput {
  /** Validated statements (lib/xapi `validateStatements`), attachments matched and signatures checked. */
  statements: Statement[];
  /** Attachment data by lower-case sha2 (`matchAttachmentParts`). */
  attachments: ReadonlyMap<string, AttachmentPart>;
  /** The IRL naming this node, for the authority Agent's account.homePage. */
  homePage: string;
}

/**
 * Stores a PUT or POST of statements, all or nothing (Communication 2.1.1–2.1.2): a batch with one bad
 * statement stores none. A statement whose id is already stored is skipped when it is equivalent
 * (Data 2.3.1) and refused with 409 otherwise; ids repeated inside the batch are a 400. Voiding
 * statements mark their target voided; a voiding statement cannot target another voiding statement
 * (Data 2.3.2.s2.b7: refused with 400). Returns the ids in the order sent.
 *
 * Two ways to store, same outcome: the usual batch (new ids, no voiding, no attachment data) is one
 * SQL statement — atomic on its own, one round trip (bench/records: the round trips of a transaction
 * cost more than the rows). Anything else, or a batch that meets a stored id, takes the transaction.
 *
 * @example
 * const ids = await storeStatements({ db, actor }, { statements: valid.value, attachments: matched.value, homePage });
 */
export async function storeStatements(ctx: RecordsContext, input: StoreStatementsInput): Promise<string[]> {
  const tenant = requireLrsScope(ctx.actor, recordsPolicy.write);
  const stored = new Date();
  const authority: Agent = {
    objectType: 'Agent',
    name: tenant.username,
    account: { homePage: input.homePage, name: tenant.username.replace(/^client:/, '') },
  };
  const prepared = input.statements.map((s) => prepareStatementForStorage(s, { stored, authority }));

  const byId = new Map<string, StoredStatement>();
  const sentById = new Map<string, Statement>();
  prepared.forEach((s, i) => {
    const id = s.id.toLowerCase();
    if (byId.has(id)) throw xapiInvalid([{ path: `[${i}].id`, message: `${s.id} appears twice in this request` }]);
    byId.set(id, s);
    sentById.set(id, input.statements[i]);
  });
  const voidTargets = new Map<string, number>();
  prepared.forEach((s, i) => {
    const target = voidedTarget(s);
    if (target === undefined) return;
    const inBatch = byId.get(target);
    if (inBatch && voidedTarget(inBatch) !== undefined) {
      throw xapiInvalid([{ path: `[${i}].object.id`, message: 'a voiding statement cannot void another voiding statement' }]);
    }
    voidTargets.set(target, i);
  });

  const done = beginStoring(stored);
  try {
    if (!voidTargets.size && !input.attachments.size && (await storeNewBatch(ctx.db, tenant, prepared))) return prepared.map((s) => s.id);
    await ctx.db.transaction(async (tx) => {
      const existing = await tx
        .select({ statementId: xapiStatements.statementId, statement: xapiStatements.statement })
        .from(xapiStatements)
        .where(and(inTenant(xapiStatements, tenant), inArray(xapiStatements.statementId, [...byId.keys()])));
      for (const row of existing) {
        // Compared as sent: the LRS-assigned timestamp of a resent statement would differ from the first one's.
        const sent = sentById.get(row.statementId)!;
        if (!statementsEquivalent(row.statement, sent)) {
          throw new AppError('XAPI_STATEMENT_CONFLICT', { detail: `statement ${sent.id} is already stored with different content` });
        }
        byId.delete(row.statementId);
      }
      if (!byId.size) return;
      const fresh = [...byId.values()];
      const voidedNow = await applyVoiding(tx, tenant, fresh, voidTargets);
      await tx.execute(sql`
        with inserted as (
          insert into ${xapiStatements} (${STATEMENT_COLUMNS}) select ${STATEMENT_COLUMNS} from ${rowsetOf(tenant, fresh, voidedNow)}
          returning ${INSERTED_KEY_COLUMNS}
        )
        ${insertKeysFrom('inserted')}`);
      await storeAttachments(tx, fresh, input.attachments);
      const definitions = activityDefinitionsOf(fresh);
      if (definitions.length) await tx.execute(upsertActivities(tenant, definitions, sql`true`));
    });
  } catch (error) {
    // Two requests storing the same new id at once: the second loses on the unique key.
    if (isUniqueViolation(error)) {
      throw new AppError('XAPI_STATEMENT_CONFLICT', { detail: 'a statement with this id was stored at the same moment', cause: error });
    }
    throw error;
  } finally {
    done();
  }
  return prepared.map((s) => s.id);
}

/** What an insert of statements returns so its key rows can be written in the same statement. */
const INSERTED_KEY_COLUMNS = sql.raw('seq, school_id, stored, agents, related_agents, activities, related_activities');

/**
 * Writes the `xapi_statement_keys` rows of the statements a CTE (`cte`, returning INSERTED_KEY_COLUMNS)
 * just inserted: part of the same SQL statement, so statements and their keys are stored together.
 */
function insertKeysFrom(cte: string): SQL {
  return sql`insert into ${xapiStatementKeys} (school_id, kind, key, stored, seq)
    select i.school_id, k.kind, k.key, i.stored, i.seq
    from ${sql.raw(cte)} i cross join lateral (
      select ${sql.raw(String(STATEMENT_KEY_KIND.agent))}::smallint, unnest(i.agents)
      union all select ${sql.raw(String(STATEMENT_KEY_KIND.relatedAgent))}::smallint, unnest(i.related_agents)
      union all select ${sql.raw(String(STATEMENT_KEY_KIND.activity))}::smallint, unnest(i.activities)
      union all select ${sql.raw(String(STATEMENT_KEY_KIND.relatedActivity))}::smallint, unnest(i.related_activities)
    ) as k(kind, key)`;
}

const STATEMENT_COLUMNS = sql.raw(
  'statement_id, jurisdiction_id, school_id, client_id, stored, verb_id, registration, voided, voids_id, object_ref, agents, related_agents, activities, related_activities, statement',
);

/**
 * The batch as one JSON parameter unpacked by PostgreSQL (jsonb_to_recordset): building a 100-row,
 * 15-column insert through the query builder cost more CPU than the database spent storing it.
 */
function rowsetOf(tenant: LrsTenant, statements: StoredStatement[], voided: ReadonlySet<string>): SQL {
  const rows = statements.map((s) => {
    const keys = statementIndexKeys(s);
    const id = s.id.toLowerCase();
    return {
      statement_id: id,
      jurisdiction_id: tenant.jurisdictionId,
      school_id: tenant.schoolId,
      client_id: tenant.clientId,
      stored: s.stored,
      verb_id: s.verb.id,
      registration: s.context?.registration?.toLowerCase() ?? null,
      voided: voided.has(id),
      voids_id: voidedTarget(s) ?? null,
      object_ref: s.object.objectType === 'StatementRef' ? s.object.id.toLowerCase() : null,
      agents: keys.agents,
      related_agents: keys.relatedAgents,
      activities: keys.activities,
      related_activities: keys.relatedActivities,
      statement: s,
    };
  });
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(statement_id uuid, jurisdiction_id uuid, school_id uuid,
    client_id uuid, stored timestamptz, verb_id text, registration uuid, voided boolean, voids_id uuid, object_ref uuid,
    agents text[], related_agents text[], activities text[], related_activities text[], statement jsonb)`;
}

/** The caller's store as a condition on a table alias, for hand-written SQL. */
function tenantOf(alias: string, tenant: LrsTenant): SQL {
  const a = sql.raw(alias);
  return tenant.schoolId
    ? sql`${a}.jurisdiction_id = ${tenant.jurisdictionId} and ${a}.school_id = ${tenant.schoolId}`
    : sql`${a}.jurisdiction_id = ${tenant.jurisdictionId} and ${a}.school_id is null`;
}

/**
 * The usual batch in one statement: inserted only when none of its ids is stored yet (else nothing is
 * written and the caller takes the transaction, which compares them). A statement arrives voided when
 * a voiding statement for it was stored before it. Returns false when it wrote nothing.
 */
async function storeNewBatch(db: DbOrTx, tenant: LrsTenant, statements: StoredStatement[]): Promise<boolean> {
  const definitions = activityDefinitionsOf(statements);
  const notBlocked = sql`not exists (select 1 from blocked)`;
  try {
    // One index probe per id (a lateral lookup with every column of the key equal; its `limit 1` keeps
    // the planner from turning it into a join over the tenant): with `= any(ids)`
    // on a store filling up without fresh statistics, PostgreSQL matched only the tenant in the index and
    // filtered the ids over every row of it — 270 of 300 ms per batch at 20,000 stored (records.profile.ts).
    const ids = sql`${`{${statements.map((s) => s.id.toLowerCase()).join(',')}}`}::uuid[]`;
    const result = await executePrepared(
      db,
      sql`
      with input as (select * from ${rowsetOf(tenant, statements, new Set())}),
      blocked as (
        select 1 from unnest(${ids}) as x(id)
        cross join lateral (
          select 1 from ${xapiStatements} s where ${tenantOf('s', tenant)} and s.statement_id = x.id limit 1
        ) s
        limit 1
      ),
      voided_before as (
        select v.object_ref from unnest(${ids}) as x(id)
        cross join lateral (
          select v.object_ref from ${xapiStatements} v
          where v.school_id ${tenant.schoolId ? sql`= ${tenant.schoolId}` : sql`is null`} and v.object_ref = x.id
            and v.object_ref is not null and v.jurisdiction_id = ${tenant.jurisdictionId} and v.voids_id is not null
          limit 1
        ) v
      ),
      inserted as (
        insert into ${xapiStatements} (${STATEMENT_COLUMNS})
        select statement_id, jurisdiction_id, school_id, client_id, stored, verb_id, registration,
          voids_id is null and statement_id in (select object_ref from voided_before),
          voids_id, object_ref, agents, related_agents, activities, related_activities, statement
        from input i where ${notBlocked}
        returning ${INSERTED_KEY_COLUMNS}
      ),
      keys as (${insertKeysFrom('inserted')} returning 1)
      ${definitions.length ? sql`, activities as (${upsertActivities(tenant, definitions, notBlocked)} returning 1)` : sql``}
      select (select count(*) from inserted)::int as inserted`,
    );
    const inserted = (result as unknown as { rows: { inserted: number }[] }).rows[0].inserted;
    return inserted === statements.length;
  } catch (error) {
    // The same id stored by another request between our check and our insert: let the transaction decide.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Runs `query` as a named prepared statement on PostgreSQL, so each pooled connection plans the batch
 * statement once rather than per batch: planning the eight-CTE statement took 5.9 of its 33 ms
 * (records.profile.ts); the same process stores 1.14–1.19× faster (bench/records, storePreparedVsPlanned).
 * The name is the hash of the SQL text (which varies only with whether the batch has Activity
 * definitions and whether the tenant has a school), so a name never meets a different text. It uses
 * drizzle's session internals (`prepareQuery` with a name), as drizzle offers no named raw statement;
 * PGlite, or anything else, runs the query as usual.
 */
async function executePrepared(db: DbOrTx, query: SQL): Promise<unknown> {
  const internals = db as unknown as {
    session: unknown;
    dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  };
  if (!is(internals.session, NodePgSession)) return db.execute(query);
  const compiled = internals.dialect.sqlToQuery(query);
  const name = `xapi_${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 20)}`;
  return internals.session.prepareQuery(compiled, undefined, name, false).execute();
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

/** The id a voiding statement voids (lower-case), or undefined for any other statement. */
function voidedTarget(s: Statement): string | undefined {
  return s.verb.id === VOIDED_VERB_ID && s.object.objectType === 'StatementRef' ? s.object.id.toLowerCase() : undefined;
}

/**
 * Applies the voiding statements of the batch to stored targets, and returns the ids of new statements
 * that arrive already voided (a voiding statement for them was stored earlier, or is in this batch).
 * Voiding statements themselves are never voided.
 */
async function applyVoiding(
  tx: DbOrTx,
  tenant: LrsTenant,
  fresh: StoredStatement[],
  voidTargets: Map<string, number>,
): Promise<Set<string>> {
  const voided = new Set<string>();
  const freshIds = new Map(fresh.map((s) => [s.id.toLowerCase(), s]));
  if (voidTargets.size) {
    const targets = await tx
      .select({ statementId: xapiStatements.statementId, voidsId: xapiStatements.voidsId })
      .from(xapiStatements)
      .where(and(inTenant(xapiStatements, tenant), inArray(xapiStatements.statementId, [...voidTargets.keys()])));
    for (const t of targets) {
      if (t.voidsId !== null) {
        throw xapiInvalid([
          { path: `[${voidTargets.get(t.statementId)}].object.id`, message: 'a voiding statement cannot void another voiding statement' },
        ]);
      }
    }
    await tx
      .update(xapiStatements)
      .set({ voided: true })
      .where(
        and(inTenant(xapiStatements, tenant), inArray(xapiStatements.statementId, [...voidTargets.keys()]), isNull(xapiStatements.voidsId)),
      );
    for (const target of voidTargets.keys()) {
      const s = freshIds.get(target);
      if (s && voidedTarget(s) === undefined) voided.add(target);
    }
  }
  // A voiding statement's object_ref is its target, so the partial object_ref index answers this.
  const earlier = await tx
    .select({ voidsId: xapiStatements.voidsId })
    .from(xapiStatements)
    .where(
      and(
        inTenant(xapiStatements, tenant),
        inArray(xapiStatements.objectRef, [...freshIds.keys()]),
        isNotNull(xapiStatements.objectRef),
        isNotNull(xapiStatements.voidsId),
      ),
    );
  for (const { voidsId } of earlier) {
    const s = freshIds.get(voidsId!);
    if (s && voidedTarget(s) === undefined) voided.add(voidsId!);
  }
  return voided;
}

/** Attachment bytes, content-addressed: data sent twice is stored once. */
async function storeAttachments(tx: DbOrTx, statements: StoredStatement[], parts: ReadonlyMap<string, AttachmentPart>) {
  if (!parts.size) return;
  const rows = new Map<string, { sha2: string; contentType: string; length: number; content: Buffer }>();
  for (const s of statements) {
    for (const a of statementAttachments(s)) {
      const sha2 = a.sha2.toLowerCase();
      const part = parts.get(sha2);
      if (part && !rows.has(sha2)) rows.set(sha2, { sha2, contentType: a.contentType, length: part.body.length, content: part.body });
    }
  }
  if (rows.size)
    await tx
      .insert(xapiAttachments)
      .values([...rows.values()])
      .onConflictDoNothing();
}

/** Every Activity definition in the batch, merged per id in the order sent, sorted by id. */
function activityDefinitionsOf(statements: StoredStatement[]): { activity_id: string; definition: ActivityDefinition }[] {
  const definitions = new Map<string, ActivityDefinition>();
  const add = (activity: Activity) => {
    if (!activity.definition) return;
    const before = definitions.get(activity.id);
    definitions.set(activity.id, before ? mergeDefinitions(before, activity.definition) : activity.definition);
  };
  const fromContext = (context: Context | undefined) => {
    for (const list of Object.values(context?.contextActivities ?? {})) {
      for (const a of Array.isArray(list) ? list : [list]) add(a);
    }
  };
  const fromObject = (object: StatementObject) => {
    if (object.objectType === undefined || object.objectType === 'Activity') add(object);
  };
  for (const s of statements) {
    fromObject(s.object);
    fromContext(s.context);
    if (s.object.objectType === 'SubStatement') {
      fromObject(s.object.object);
      fromContext(s.object.context);
    }
  }
  return [...definitions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([activity_id, definition]) => ({ activity_id, definition }));
}

function mergeDefinitions(a: ActivityDefinition, b: ActivityDefinition): ActivityDefinition {
  const out: ActivityDefinition = { ...a, ...b };
  if (a.name && b.name) out.name = { ...a.name, ...b.name };
  if (a.description && b.description) out.description = { ...a.description, ...b.description };
  return out;
}

/** `mergeDefinitions` in SQL: the newer properties win; name and description maps are merged. */
function mergedDefinition(old: SQL, next: SQL): SQL {
  const map = (key: string) => sql`case when ${old} ? ${key} and ${next} ? ${key} then (${old} -> ${key}) || (${next} -> ${key}) end`;
  return sql`${old} || ${next} || jsonb_strip_nulls(jsonb_build_object('name', ${map('name')}, 'description', ${map('description')}))`;
}

/**
 * Keeps the LRS's canonical Activity definitions (Communication 2.5: the LRS may update them from the
 * statements it receives). Definitions the store already holds unchanged are filtered out before the
 * insert, so concurrent batches about the same Activities take no row locks; rows that do change are
 * written in id order, so two batches cannot deadlock on them.
 */
function upsertActivities(tenant: LrsTenant, definitions: { activity_id: string; definition: ActivityDefinition }[], when: SQL): SQL {
  const stored = sql.raw('xapi_activities.definition');
  return sql`
    insert into ${xapiActivities} (jurisdiction_id, school_id, activity_id, definition)
    select ${tenant.jurisdictionId}::uuid, ${tenant.schoolId}::uuid, d.activity_id, d.definition
    from jsonb_to_recordset(${JSON.stringify(definitions)}::jsonb) as d(activity_id text, definition jsonb)
    where ${when} and not exists (
      select 1 from ${xapiActivities} a
      where ${tenantOf('a', tenant)} and a.activity_id = d.activity_id and a.definition = ${mergedDefinition(sql.raw('a.definition'), sql.raw('d.definition'))}
    )
    order by d.activity_id
    on conflict (jurisdiction_id, school_id, activity_id) do update
      set definition = ${mergedDefinition(stored, sql.raw('excluded.definition'))}, updated_at = now()
      where ${stored} is distinct from ${mergedDefinition(stored, sql.raw('excluded.definition'))}`;
}
