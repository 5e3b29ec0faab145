import { and, count, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { requireRole, requireUser, type Actor } from '../identity/identity.access.ts';
import { federationPolicy } from './federation.policy.ts';
import { federatedItems, federationHeld, type FederatedItemRow } from './federation.schema.ts';
import { levelRank, type PublishLevel } from '../../../shared/library.ts';
import { jurisdictions } from '../tenancy/tenancy.schema.ts';
import type { FeedKind } from './federation.wire.ts';

const PAGE = 50;

/**
 * Items received from peers, newest first, optionally of one kind. Any signed-in user may read them: a
 * peer sends only what was published to an audience that includes this node (bay area or wider for
 * siblings; the parent's or this node's level for parent and child), and the search index applies the
 * same level rules. A de-identified dataset is the exception: it is for the jurisdiction-wide staff of
 * the parties to its sharing agreement only.
 */
export async function listFederatedItems(
  ctx: { db: DbOrTx; actor: Actor | null },
  q: { before?: string; kind?: FeedKind },
): Promise<FederatedItemRow[]> {
  const actor = requireUser(ctx.actor);
  const wideCodes = await jurisdictionWideCodes(ctx.db, actor);
  const byLevel = or(
    inArray(federatedItems.level, ['bay-area', 'public']),
    wideCodes.length ? inArray(federatedItems.jurisdictionCode, wideCodes) : undefined,
  );
  const readable = or(
    and(ne(federatedItems.kind, 'dataset'), byLevel),
    wideCodes.length ? and(eq(federatedItems.kind, 'dataset'), datasetPartyOf(wideCodes)) : undefined,
  );
  return ctx.db
    .select()
    .from(federatedItems)
    .where(and(readable, q.before ? lt(federatedItems.id, q.before) : undefined, q.kind ? eq(federatedItems.kind, q.kind) : undefined))
    .orderBy(desc(federatedItems.id))
    .limit(PAGE);
}

/** A dataset item whose agreement names one of `codes` as a party. */
function datasetPartyOf(codes: string[]) {
  return sql`(${federatedItems.payload} -> 'agreement' -> 'parties') ?| ${sql`array[${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`}`;
}

export async function getFederatedItem(ctx: { db: DbOrTx; actor: Actor | null }, id: string): Promise<FederatedItemRow> {
  requireUser(ctx.actor);
  const [row] = await ctx.db.select().from(federatedItems).where(eq(federatedItems.id, id));
  // Below bay-area an item is meant for one jurisdiction's staff; the page shows it to them only.
  if (!row || !(await levelReadable(ctx.db, ctx.actor!, row))) throw new AppError('NOT_FOUND');
  return row;
}

/** Bay area and wider: every signed-in user; narrower: jurisdiction-wide staff of that jurisdiction (as search). */
async function levelReadable(db: DbOrTx, actor: Actor, row: FederatedItemRow): Promise<boolean> {
  const wide = await jurisdictionWideCodes(db, actor);
  if (row.kind === 'dataset') {
    const parties = (row.payload as { agreement?: { parties?: string[] } }).agreement?.parties ?? [];
    return parties.some((p) => wide.includes(p));
  }
  if (levelRank(row.level as PublishLevel) >= levelRank('bay-area')) return true;
  return wide.includes(row.jurisdictionCode);
}

/** Codes of the jurisdictions where the actor holds a jurisdiction-wide membership. */
async function jurisdictionWideCodes(db: DbOrTx, actor: Actor): Promise<string[]> {
  const ids = [...new Set(actor.memberships.filter((m) => !m.schoolId && !m.authorityUnitId).map((m) => m.jurisdictionId))];
  if (!ids.length) return [];
  return (await db.select({ code: jurisdictions.code }).from(jurisdictions).where(inArray(jurisdictions.id, ids))).map((j) => j.code);
}

/** Outgoing items held by the personal-data check (feed-health page; the stewards' notice links here). */
export async function listHeld(ctx: { db: DbOrTx; actor: Actor }) {
  requireRole(ctx.actor, federationPolicy.readHeld);
  // Node admins see every hold; a data steward those of the jurisdictions they look after.
  const all = ctx.actor.memberships.some((m) => (federationPolicy.managePeers as readonly string[]).includes(m.role));
  const mine = ctx.actor.memberships
    .filter((m) => (federationPolicy.heldNoticeTo as readonly string[]).includes(m.role))
    .map((m) => m.jurisdictionId);
  return ctx.db
    .select()
    .from(federationHeld)
    .where(all ? undefined : inArray(federationHeld.jurisdictionId, mine))
    .orderBy(desc(federationHeld.createdAt))
    .limit(PAGE);
}

/** Per active peer: received item count (feed health). */
export async function itemCounts(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select({ peerId: federatedItems.peerId, n: count() }).from(federatedItems).groupBy(federatedItems.peerId);
  return new Map(rows.map((r) => [r.peerId, r.n]));
}
