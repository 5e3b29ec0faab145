import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../identity/identity.access.ts';
import { statementAttachments, type AttachmentPart } from '../../../lib/xapi/attachment-parts.ts';
import type { Activity, ActivityDefinition, Statement, StoredStatement } from '../../../lib/xapi/statement.types.ts';
import { inTenant, recordsPolicy, requireLrsScope, type LrsTenant } from './records.policy.ts';
import { xapiActivities, xapiAttachments, xapiStatements } from './records.schema.ts';

/** Reading statements, their attachment data and canonical Activity definitions (writes: records.store.service.ts). */

export interface RecordsContext {
  db: Db;
  actor: Actor;
}

/** One stored statement of the caller's store, with its voided flag; null when absent or out of scope. */
export async function getStatement(
  ctx: RecordsContext,
  statementId: string,
): Promise<{ statement: StoredStatement; voided: boolean; stored: Date } | null> {
  const tenant = requireLrsScope(ctx.actor, recordsPolicy.read);
  const [row] = await ctx.db
    .select({ statement: xapiStatements.statement, voided: xapiStatements.voided, stored: xapiStatements.stored })
    .from(xapiStatements)
    .where(and(inTenant(xapiStatements, tenant), eq(xapiStatements.statementId, statementId.toLowerCase())))
    .limit(1);
  return row ?? null;
}

/** The data of the attachments of `statements` that the LRS holds (for `attachments=true`). */
export async function attachmentData(db: DbOrTx, statements: readonly Statement[]): Promise<AttachmentPart[]> {
  const wanted = new Set<string>();
  for (const s of statements) for (const a of statementAttachments(s)) wanted.add(a.sha2.toLowerCase());
  if (!wanted.size) return [];
  const rows = await db
    .select({ sha2: xapiAttachments.sha2, contentType: xapiAttachments.contentType, content: xapiAttachments.content })
    .from(xapiAttachments)
    .where(inArray(xapiAttachments.sha2, [...wanted]));
  return rows.map((r) => ({ sha2: r.sha2, contentType: r.contentType, body: r.content }));
}

/** Canonical definitions of the given Activities in the caller's store (format=canonical, GET /activities). */
export async function activityDefinitions(
  db: DbOrTx,
  tenant: LrsTenant,
  activityIds: readonly string[],
): Promise<Map<string, ActivityDefinition>> {
  if (!activityIds.length) return new Map();
  const rows = await db
    .select({ activityId: xapiActivities.activityId, definition: xapiActivities.definition })
    .from(xapiActivities)
    .where(and(inTenant(xapiActivities, tenant), inArray(xapiActivities.activityId, [...new Set(activityIds)])));
  return new Map(rows.map((r) => [r.activityId, r.definition]));
}

/**
 * The Activity object of GET /activities: the canonical definition when the LRS has one, else just
 * the id (Communication 2.5: the LRS should still answer with an Activity).
 */
export async function getActivity(ctx: RecordsContext, activityId: string): Promise<Activity> {
  const tenant = requireLrsScope(ctx.actor, recordsPolicy.read);
  const definition = (await activityDefinitions(ctx.db, tenant, [activityId])).get(activityId);
  return definition ? { objectType: 'Activity', id: activityId, definition } : { objectType: 'Activity', id: activityId };
}
